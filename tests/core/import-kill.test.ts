// A process killed in the middle of an import leaves the database exactly as it was: the whole
// import is one transaction that never committed. On the next start the job says it was cut off
// (and does not run again by itself).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOrderLines } from '../fixtures/import-files';
import { snapshot } from '../fixtures/import-files-run';
import { openCore, tempDir } from './temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('killing the process mid-import', () => {
  it('leaves the database unchanged, and the job reports it was cut off', async () => {
    const dir = tempDir();
    const file = join(dir, 'orders.csv');
    const { lines } = writeOrderLines(file, 100_000);
    // Some data from before, which must survive untouched.
    const seed = openCore(dir, { noResume: true });
    seed.sqlite.prepare(`INSERT INTO customers (name, email, email_norm) VALUES ('Kept', 'customer1@example.com', 'customer1@example.com')`).run();
    seed.sqlite.prepare(`INSERT INTO products (sku, name, category, price_cents) VALUES ('TEA-1', 'Tea 1', 'tea', 100)`).run();
    const before = snapshot(seed.sqlite);
    await seed.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/import-files-child.ts', dir, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let killedAt = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const dones = [...chunk.toString().matchAll(/progress running (\d+)/g)].map((m) => Number(m[1]));
        if (!killedAt && dones.some((d) => d >= 40_000)) {
          killedAt = Math.max(...dones);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => code !== null && reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(killedAt).toBeLessThan(lines);
    // The import had spilled uncommitted pages into the WAL before it died: they are ignored.
    expect(statSync(join(dir, 'patron.sqlite-wal')).size).toBeGreaterThan(1024 * 1024);

    const core = openCore(dir, { noResume: true });
    cleanups.push(async () => {
      await core.close();
    });
    expect(snapshot(core.sqlite)).toEqual(before);
    const [job] = core.jobs.list();
    expect(job.status).toBe('running');
    core.jobs.resumeInterrupted();
    await core.jobs.idle();
    expect(core.jobs.get(job.id)).toMatchObject({ status: 'failed', error: { code: 'import_interrupted' } });
    expect(snapshot(core.sqlite)).toEqual(before);
  });
});
