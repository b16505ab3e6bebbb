import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { ProgressTracker } from '../../src-main/core/jobs/progress';
import { countJob } from '../fixtures/count-job';
import { openCore, tempDir } from './temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function coreWithCountJob(dir = tempDir()) {
  const core = openCore(dir, { noResume: true });
  core.jobs.register(countJob);
  cleanups.push(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return core;
}

const counts = (core: ReturnType<typeof openCore>) =>
  core.sqlite.prepare('SELECT n, count(*) AS c FROM job_test_items GROUP BY n ORDER BY n').all() as { n: number; c: number }[];

describe('job system', () => {
  it('runs a job to the end with progress events in order that never run backwards', async () => {
    const core = coreWithCountJob();
    const events: JobEvent[] = [];
    core.jobs.events.on('job', (e: JobEvent) => events.push(e));
    const id = core.jobs.start(countJob, { items: 60, perStep: 5, pauseMs: 40 });
    await core.jobs.idle();
    const mine = events.filter((e) => e.id === id);
    expect(mine[0].status).toBe('queued');
    expect(mine.at(-1)).toMatchObject({ status: 'done', done: 60, total: 60, result: { counted: 60 } });
    const running = mine.filter((e) => e.status === 'running');
    expect(running.length).toBeGreaterThan(2);
    for (let i = 1; i < mine.length; i++) expect(mine[i].done).toBeGreaterThanOrEqual(mine[i - 1].done);
    // Throttled: far fewer events than steps would produce at full rate is fine, but some carry a rate.
    expect(running.some((e) => e.ratePerSec !== null && e.ratePerSec > 0)).toBe(true);
    expect(counts(core)).toHaveLength(60);
    expect(core.jobs.get(id)).toMatchObject({ status: 'done', done: 60 });
  });

  it('rejects bad job input naming the field, and unknown kinds', () => {
    const core = coreWithCountJob();
    expect(() => core.jobs.start(countJob, { items: -1 })).toThrow(/items/);
    expect(() => core.jobs.start({ ...countJob, kind: 'no.such' }, { items: 1 })).toThrow(/no kind of job called "no.such"/);
  });

  it('cancel stops the work and rolls back what the job had written', async () => {
    const core = coreWithCountJob();
    const id = core.jobs.start(countJob, { items: 1000, perStep: 5, pauseMs: 10 });
    await new Promise<void>((resolve) =>
      core.jobs.events.on('job', (e: JobEvent) => {
        if (e.id === id && e.done >= 50) resolve();
      }),
    );
    await core.jobs.cancel(id);
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('cancelled');
    expect(counts(core)).toEqual([]);
    await expect(core.jobs.cancel(id)).rejects.toThrow(/already ended/);
  });

  it('a queued job can be cancelled before it starts', async () => {
    const core = coreWithCountJob();
    const first = core.jobs.start(countJob, { items: 40, pauseMs: 10 });
    const second = core.jobs.start(countJob, { items: 40 });
    await core.jobs.cancel(second);
    await core.jobs.idle();
    expect(core.jobs.get(first).status).toBe('done');
    expect(core.jobs.get(second).status).toBe('cancelled');
  });

  it('a job killed with its process resumes on the next start without redoing finished items', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/job-child.ts', dir, '400'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const dones = [...chunk.toString().matchAll(/progress running (\d+)/g)].map((m) => Number(m[1]));
        if (dones.some((d) => d >= 60)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => code !== null && reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((r) => child.once('exit', r));

    const core = coreWithCountJob(dir);
    const [job] = core.jobs.list();
    expect(job.status).toBe('running');
    const committed = job.done;
    expect(committed).toBeGreaterThanOrEqual(60);
    expect(committed).toBeLessThan(400);
    // Only whole steps were committed: rows match the checkpoint exactly.
    expect(counts(core)).toHaveLength(committed);

    const events: JobEvent[] = [];
    core.jobs.events.on('job', (e: JobEvent) => events.push(e));
    expect(core.jobs.resumeInterrupted()).toEqual([job.id]);
    await core.jobs.idle();
    expect(core.jobs.get(job.id).status).toBe('done');
    const rows = counts(core);
    expect(rows).toHaveLength(400);
    expect(rows.every((r) => r.c === 1)).toBe(true);
    expect(events.find((e) => e.status === 'running')!.done).toBeGreaterThanOrEqual(committed);
  });
});

describe('progress tracker', () => {
  it('never goes backwards, throttles, and estimates time left', () => {
    let now = 0;
    const t = new ProgressTracker(100, () => now);
    expect(t.update(10, 100)).toMatchObject({ done: 10, total: 100 });
    now = 50;
    expect(t.update(20, 100)).toBeNull();
    now = 1000;
    const snap = t.update(5, 100)!;
    expect(snap.done).toBe(20);
    expect(snap.ratePerSec).toBeCloseTo(10);
    expect(snap.etaSec).toBeCloseTo(8);
  });
});
