// Lint keeps the architecture's boundaries: the renderer imports no Node module, database or
// model runtime (types from the core are fine); the core imports no Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'events', 'stream', 'url', 'module'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'resources/migrations/**', 'test-results/**', '.native/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    // Plain scripts run in Node; TypeScript files get their globals from the type checker.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'The renderer never touches the database; call the core through api.' },
            { name: 'node-llama-cpp', message: 'The model runs in the core; call it through api.' },
            { name: 'electron', message: 'The renderer talks to Electron only through the preload bridge.' },
            { name: 'drizzle-orm', message: 'Queries belong to the core.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer imports no Node module.' },
            { group: ['**/src-main/**'], allowTypeImports: true, message: 'Import only types from the core (import type ...).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/transport/**/*.ts', 'src-main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core runs in plain Node too; Electron code lives in src-main/electron.' }] }],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['better-sqlite3', 'node-llama-cpp', '**/src-main/core/**'], message: 'The preload only bridges a port.' }] }],
    },
  },
);
