// A real core on a real SQLite file in a fresh temp folder, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from '../../src-main/core/core';

export const resourcesDir = join(process.cwd(), 'resources');

export function tempDir(prefix = 'patron-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openCore(dataDir: string, extra: Partial<CoreOptions> = {}): Core {
  return startCore({ dataDir, resourcesDir, ...extra });
}

/** Opens a core in a new temp folder; `cleanup` closes it and removes the folder. */
export function tempCore(extra: Partial<CoreOptions> = {}) {
  const dir = tempDir();
  const core = openCore(dir, extra);
  return {
    core,
    dir,
    async cleanup() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For a test file: `fresh()` gives a new core in a new folder, closed and removed after its test. */
export function freshCores(extra: Partial<CoreOptions> = { noResume: true }): () => ReturnType<typeof tempCore> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  return () => {
    const env = tempCore(extra);
    cleanups.push(env.cleanup);
    return env;
  };
}
