// Sentiment through the local model, with the tiny GGUF really loaded: no model as a coded error,
// answers written as 'model' rows that fit the schema (or counted as failed), a change event for
// the records scored, one customer's records only, and resume after a restart without redoing
// committed chunks.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import { ASPECTS, POLARITIES, SENTIMENT_LABELS } from '../../src-main/shared/sentiment';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { addFeedback } from '../../src-main/core/feedback/service';
import { logInteraction } from '../../src-main/core/interactions/service';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { MODEL_JOB_KIND } from '../../src-main/core/sentiment/model-job';
import { SENTIMENT_SYSTEM_PROMPT } from '../../src-main/core/sentiment/model-prompt';
import { portClientFor } from '../transport/port-client';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempDir } from './temp-core';

const TEXTS = ['Terrible, the parcel arrived broken and late.', '质量很好，物流也快', 'The tea is lovely but the price went up again.', '客服态度很差，退款一直没到账。'];

/** `n` inbound messages and `reviews` reviews for a new customer, plus an outbound reply (never scored). */
function seed(core: Core, name: string, n: number, reviews = 0) {
  const { id: customerId } = createCustomer(core.sqlite, { name });
  const messages = Array.from({ length: n }, (_, i) => logInteraction(core.sqlite, { customerId, channel: 'wechat', direction: 'inbound', body: `${TEXTS[i % TEXTS.length]} #${i}`, occurredAt: 1_000 + i }).id);
  logInteraction(core.sqlite, { customerId, channel: 'wechat', direction: 'outbound', body: 'Sorry to hear that!' });
  const feedback = Array.from({ length: reviews }, (_, i) => addFeedback(core.sqlite, { customerId, kind: 'review', body: TEXTS[(i + 1) % TEXTS.length], occurredAt: 2_000 + i }).id);
  return { customerId, messages, feedback };
}

interface ModelRow {
  interaction_id: number | null;
  feedback_id: number | null;
  label: string;
  score: number;
  aspects: string;
  words: string;
  reason: string | null;
  version: string;
  id: number;
}
const modelRows = (core: Core) => core.sqlite.prepare("SELECT * FROM sentiments WHERE source = 'model' ORDER BY id").all() as ModelRow[];

describe('sentiment with the local model', () => {
  const dir = tempDir();
  let core: Core;
  let api: ReturnType<typeof portClientFor>['api'];
  let close: () => void;

  beforeAll(() => {
    core = openCore(dir, { noResume: true });
    ({ api, close } = portClientFor(core));
  });
  afterAll(async () => {
    close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no model installed, refuses with the model problem code', async () => {
    await expect(api.sentiment.runModel.mutate({})).rejects.toMatchObject({ data: { app: { code: 'model_missing' } } });
    await expect(api.sentiment.runModel.mutate({ customerId: 424_242 })).rejects.toMatchObject({ data: { app: { code: 'not_found' } } });
  });

  it('scores inbound messages and reviews into model rows that fit the schema, counting failures, with a change event', async () => {
    await core.models.importFile(tinyGgufPath());
    const { customerId, messages, feedback } = seed(core, 'Jo', 6, 3);
    const changes: ChangeEvent[] = [];
    const off = core.changes.on((e) => changes.push(e));
    const { jobId } = await api.sentiment.runModel.mutate({});
    await core.jobs.idle();
    off();
    const job = core.jobs.get(jobId);
    expect(job).toMatchObject({ status: 'done', done: 9, total: 9 });
    const result = job.result as { scored: number; failed: number; itemsPerSec: number; tokensPerSec: number; parallel: number };
    expect(result.scored + result.failed).toBe(9);
    // The grammar holds even the tiny model to the schema (the score to a list of values).
    expect(result.scored).toBeGreaterThan(0);
    expect(result).toMatchObject({ parallel: 4 });
    expect(result.itemsPerSec).toBeGreaterThan(0);
    expect(result.tokensPerSec).toBeGreaterThan(0);

    const rows = modelRows(core);
    expect(rows.length).toBe(result.scored);
    for (const r of rows) {
      expect(r.interaction_id === null ? feedback : messages).toContain(r.interaction_id ?? r.feedback_id);
      expect(SENTIMENT_LABELS).toContain(r.label);
      expect(Math.abs(r.score)).toBeLessThanOrEqual(1);
      expect(r.version).toMatch(/\.gguf$/);
      expect(JSON.parse(r.words)).toEqual([]);
      expect((r.reason ?? '').length).toBeLessThanOrEqual(200);
      const aspects = JSON.parse(r.aspects) as { aspect: string; polarity: string; score: number }[];
      expect(aspects.length).toBeLessThanOrEqual(6);
      expect(new Set(aspects.map((a) => a.aspect)).size).toBe(aspects.length);
      for (const a of aspects) {
        expect(ASPECTS).toContain(a.aspect);
        expect(POLARITIES).toContain(a.polarity);
        expect(a.score).toBe(a.polarity === 'positive' ? 1 : a.polarity === 'negative' ? -1 : 0);
      }
      const stored = core.sqlite.prepare('SELECT aspect, polarity, score FROM sentiment_aspects WHERE sentiment_id = ? ORDER BY rowid').all(r.id);
      expect(stored).toEqual(aspects.map(({ aspect, polarity, score }) => ({ aspect, polarity, score })));
    }
    const scoredMessages = rows.filter((r) => r.interaction_id !== null).map((r) => r.interaction_id);
    const scoredReviews = rows.filter((r) => r.feedback_id !== null).map((r) => r.feedback_id);
    const updates = (type: string) => changes.flatMap((e) => e.changes).filter((c) => c.type === type && c.op === 'update');
    expect(updates('interaction').flatMap((c) => c.ids).sort()).toEqual([...scoredMessages].sort());
    expect(updates('feedback').flatMap((c) => c.ids).sort()).toEqual([...scoredReviews].sort());
    expect(updates('interaction').concat(updates('feedback')).flatMap((c) => c.customerIds)).toContain(customerId);
    // The customer page shows the model's answer where there is one.
    const page = await api.sentiment.customer.query({ customerId });
    expect(page.points.filter((p) => p.source === 'model').length).toBe(result.scored);

    // Only what is missing, by default: a second run has nothing left but what failed before.
    const again = await api.sentiment.runModel.mutate({});
    await core.jobs.idle();
    expect(core.jobs.get(again.jobId)).toMatchObject({ status: 'done', total: result.failed });
  });

  it('scores one customer only when asked, again when onlyMissing is off', async () => {
    const other = seed(core, 'Kit', 3);
    const before = modelRows(core).filter((r) => !other.messages.includes(r.interaction_id ?? -1)).map((r) => r.id);
    const { jobId } = await api.sentiment.runModel.mutate({ customerId: other.customerId, onlyMissing: false });
    await core.jobs.idle();
    expect(core.jobs.get(jobId)).toMatchObject({ status: 'done', done: 3, total: 3 });
    // Nobody else's rows were touched.
    const after = modelRows(core).filter((r) => !other.messages.includes(r.interaction_id ?? -1)).map((r) => r.id);
    expect(after).toEqual(before);
    const mine = () => modelRows(core).filter((r) => other.messages.includes(r.interaction_id ?? -1));
    const { scored } = core.jobs.get(jobId).result as { scored: number };
    expect(mine().length).toBe(scored);
    // Asked again with onlyMissing off, each answer replaces the last: still one model row per record.
    const again = await api.sentiment.runModel.mutate({ customerId: other.customerId, onlyMissing: false });
    await core.jobs.idle();
    expect(core.jobs.get(again.jobId)).toMatchObject({ status: 'done', total: 3 });
    expect(new Set(mine().map((r) => r.interaction_id)).size).toBe(mine().length);
    expect(mine().length).toBeGreaterThanOrEqual(scored);
  });

  it('cancel keeps the chunks committed; the next run does only what has no answer yet', async () => {
    const mine = seed(core, 'Max', 12);
    const rowsOfMine = () => modelRows(core).filter((r) => mine.messages.includes(r.interaction_id ?? -1));
    const jobId = core.jobs.start(MODEL_JOB_KIND, { customerId: mine.customerId, parallel: 2, chunk: 2 });
    await new Promise<void>((resolve) => core.jobs.events.on('job', (e: JobEvent) => e.id === jobId && e.done >= 4 && resolve()));
    await core.jobs.cancel(jobId);
    await core.jobs.idle();
    const cancelled = core.jobs.get(jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(12);
    const kept = rowsOfMine().map((r) => [r.id, r.interaction_id]);
    const again = await api.sentiment.runModel.mutate({ customerId: mine.customerId });
    await core.jobs.idle();
    expect(core.jobs.get(again.jobId)).toMatchObject({ status: 'done', total: 12 - kept.length });
    expect(rowsOfMine().map((r) => [r.id, r.interaction_id]).slice(0, kept.length)).toEqual(kept);
  });

  it('the shared system prompt names every label and aspect code and asks for the reason in the message language', () => {
    for (const code of [...SENTIMENT_LABELS, ...ASPECTS]) expect(SENTIMENT_SYSTEM_PROMPT).toContain(code);
    expect(SENTIMENT_SYSTEM_PROMPT).toMatch(/reason: one short sentence in the message's own language/);
  });
});

describe('the model job across a restart', () => {
  it('resumes from its checkpoint without redoing committed chunks', async () => {
    const dir = tempDir();
    const first = openCore(dir, { noResume: true });
    try {
      await first.models.importFile(tinyGgufPath());
      seed(first, 'Lu', 16);
      const jobId = first.jobs.start(MODEL_JOB_KIND, { parallel: 2, chunk: 2 });
      await new Promise<void>((resolve) => first.jobs.events.on('job', (e: JobEvent) => e.id === jobId && e.done >= 4 && resolve()));
    } finally {
      await first.close();
    }
    const second = openCore(dir, { noResume: true });
    try {
      const interrupted = second.jobs.get(jobId(second));
      expect(interrupted.status).toBe('running');
      const committed = interrupted.done;
      expect(committed).toBeGreaterThanOrEqual(4);
      expect(committed).toBeLessThan(16);
      const kept = modelRows(second).map((r) => [r.id, r.interaction_id]);
      second.jobs.resumeInterrupted();
      await second.jobs.idle();
      const job = second.jobs.get(interrupted.id);
      expect(job).toMatchObject({ status: 'done', done: 16, total: 16 });
      const result = job.result as { passes: number[]; scored: number; failed: number };
      expect(result.passes).toEqual([committed, 16 - committed]);
      expect(result.scored + result.failed).toBe(16);
      // Rows committed before the restart are the same rows (not written again).
      const now = modelRows(second).map((r) => [r.id, r.interaction_id]);
      expect(now.slice(0, kept.length)).toEqual(kept);
      expect(new Set(now.map((r) => r[1])).size).toBe(now.length);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The one sentiment.model job in a core. */
function jobId(core: Core): number {
  const job = core.jobs.list().find((j) => j.kind === MODEL_JOB_KIND);
  if (!job) throw new Error('no sentiment.model job');
  return job.id;
}
