import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/transport/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    // Native modules and child processes: separate processes are the safe pool.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
