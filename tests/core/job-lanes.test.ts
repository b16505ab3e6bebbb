// Jobs run in lanes: a model job (minutes of generating, small commits) runs beside an import
// (one long transaction) instead of queueing behind it, and neither corrupts the other: the model
// job's commits wait for the import's transaction and survive its rollback.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_JOB_KIND } from '../../src-main/core/import/import-job';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { countJob } from '../fixtures/count-job';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { writeOrderLines } from '../fixtures/import-files';
import { portClientFor } from '../transport/port-client';
import { tempCore } from './temp-core';

/** The count job in the model lane: small steps with pauses, like labelling a batch at a time. */
const modelCountJob = { ...countJob, kind: 'test.model-count', lane: 'model' as const };

const ORDER_MAPPING = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };

let env: ReturnType<typeof tempCore> | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

function items(env: ReturnType<typeof tempCore>, jobId: number): number[] {
  return (env.core.sqlite.prepare('SELECT n FROM job_test_items WHERE job_id = ? ORDER BY n').all(jobId) as { n: number }[]).map((r) => r.n);
}

/** Records, for each job, the `done` values it reported while the other job was running. */
function watch(env: ReturnType<typeof tempCore>) {
  const seen: JobEvent[] = [];
  env.core.jobs.events.on('job', (e: JobEvent) => seen.push(e));
  return seen;
}

describe('job lanes', () => {
  it('a model job and an import started together both finish, side by side, each with all its rows', async () => {
    env = tempCore();
    const { core } = env;
    core.jobs.register(modelCountJob);
    const file = join(env.dir, 'orders.csv');
    const { lines } = writeOrderLines(file, 15_000);
    const seen = watch(env);
    const importId = core.jobs.start(IMPORT_JOB_KIND, { source: { path: file }, kind: 'orders', mapping: ORDER_MAPPING });
    const modelId = core.jobs.start(modelCountJob, { items: 400, perStep: 4, pauseMs: 5 });
    await core.jobs.idle();

    expect(core.jobs.get(importId)).toMatchObject({ status: 'done' });
    expect(core.jobs.get(modelId)).toMatchObject({ status: 'done', done: 400 });
    // Side by side: the model job was running (not queued) while the import was.
    const importEnd = seen.findIndex((e) => e.id === importId && e.status === 'done');
    const modelRunning = seen.findIndex((e) => e.id === modelId && e.status === 'running');
    expect(modelRunning).toBeGreaterThanOrEqual(0);
    expect(modelRunning).toBeLessThan(importEnd);
    // Each job's writes are whole and its own.
    expect(items(env, modelId)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    const orderItems = core.sqlite.prepare('SELECT count(*) AS n FROM order_items').get() as { n: number };
    expect(orderItems.n).toBe(lines);
    expect(core.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 15_000 });
  });

  it('bulk labelling with a real model (the tiny GGUF) and an import started together both finish', async () => {
    env = tempCore();
    const { core } = env;
    await core.models.importFile(tinyGgufPath());
    const file = join(env.dir, 'orders.csv');
    const { lines } = writeOrderLines(file, 10_000);
    const seen = watch(env);
    const importId = core.jobs.start(IMPORT_JOB_KIND, { source: { path: file }, kind: 'orders', mapping: ORDER_MAPPING });
    const texts = Array.from({ length: 24 }, (_, i) => ({ key: `m${i}`, text: i % 2 ? `The parcel ${i} came late.` : `礼盒${i}很漂亮。` }));
    const labelId = core.jobs.start('ai.classify', { instruction: 'Label the sentiment.', labels: ['positive', 'negative'], items: texts, parallel: 2, chunk: 4 });
    await core.jobs.idle();

    const labelled = core.jobs.get(labelId);
    expect(labelled.status).toBe('done');
    if (labelled.kind !== 'ai.classify') throw new Error('expected the labelling job');
    expect(labelled.result?.results.map((r) => r.key)).toEqual(texts.map((t) => t.key));
    expect(core.jobs.get(importId).status).toBe('done');
    expect(core.sqlite.prepare('SELECT count(*) AS n FROM order_items').get()).toEqual({ n: lines });
    // The labelling did not wait in the import's queue.
    const importEnd = seen.findIndex((e) => e.id === importId && e.status === 'done');
    expect(seen.findIndex((e) => e.id === labelId && e.status === 'running')).toBeLessThan(importEnd);
  });

  it('cancelling the import (through the API, while it holds its transaction) keeps the model job\'s commits', async () => {
    env = tempCore();
    const { core } = env;
    core.jobs.register(modelCountJob);
    const client = portClientFor(core);
    try {
      const file = join(env.dir, 'orders.csv');
      writeOrderLines(file, 150_000);
      const modelId = core.jobs.start(modelCountJob, { items: 200, perStep: 2, pauseMs: 2 });
      const importId = core.jobs.start(IMPORT_JOB_KIND, { source: { path: file }, kind: 'orders', mapping: ORDER_MAPPING });
      await new Promise<void>((resolve) =>
        core.jobs.events.on('job', (e: JobEvent) => {
          if (e.id === importId && e.status === 'running' && e.done >= 5_000) resolve();
        }),
      );
      expect(core.writes.busy).toBe(true);
      // The cancel is not held back by the transaction it is meant to end.
      await client.api.jobs.cancel.mutate({ id: importId });
      await core.jobs.idle();
      expect(core.jobs.get(importId).status).toBe('cancelled');
      expect(core.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
      expect(core.jobs.get(modelId)).toMatchObject({ status: 'done', done: 200 });
      expect(items(env, modelId)).toHaveLength(200);
    } finally {
      client.close();
    }
  });

  it('types a job\'s result by its kind and titles it by its subject', async () => {
    env = tempCore();
    const { core } = env;
    const file = join(env.dir, 'spring-orders.csv');
    const { lines } = writeOrderLines(file, 50);
    const id = core.jobs.start(IMPORT_JOB_KIND, { source: { path: file }, kind: 'orders', mapping: ORDER_MAPPING });
    await core.jobs.idle();
    const job = core.jobs.get(id);
    expect(job.subject).toBe('spring-orders.csv');
    if (job.kind !== 'import.run') throw new Error(`expected an import, got ${job.kind}`);
    // No cast: the result is the import's summary.
    expect(job.result?.rows).toBe(lines);
  });
});
