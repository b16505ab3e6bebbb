// Re-analysis after an analyzer update (the job, its progress, cancel and resume, and the core
// starting it by itself), and what the customer page, the dashboard and the timeline read.
import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { setSetting } from '../../src-main/core/app/service';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { BulkScope } from '../../src-main/core/derived/bulk-scope';
import { addFeedback } from '../../src-main/core/feedback/service';
import { interactionRows, logInteraction } from '../../src-main/core/interactions/service';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { addNote } from '../../src-main/core/notes/service';
import { ANALYZER_VERSION } from '../../src-main/core/sentiment/analyzer';
import { REANALYSE_JOB_KIND } from '../../src-main/core/sentiment/reanalyse-job';
import { CUSTOMER_POINTS } from '../../src-main/core/sentiment/queries';
import { SentimentWriter } from '../../src-main/core/sentiment/store';
import { customerTimeline } from '../../src-main/core/timeline/service';
import type { Aspect, SentimentLabel } from '../../src-main/shared/sentiment';
import { portClientFor } from '../transport/port-client';
import { freshCores, openCore, tempDir } from './temp-core';

const fresh = freshCores();
const count = (s: Database.Database, sql: string, ...p: unknown[]) => s.prepare(sql).pluck().get(...p) as number;
const DAY = 86_400_000;

/** `n` inbound messages through the bulk write path (analysed by its hook). */
function bulkMessages(s: Database.Database, customerId: number, n: number) {
  s.transaction(() => {
    const scope = new BulkScope(s);
    const rows = interactionRows(s);
    for (let i = 0; i < n; i++) rows.add(customerId, { channel: 'email', direction: 'inbound', body: i % 2 ? `Lovely tea ${i}` : `物流太慢了 ${i}`, occurredAt: 1_000_000 + i });
    scope.finish();
  })();
}

/** What an older analyzer left: every row of another version. */
const ageRows = (s: Database.Database) => s.prepare("UPDATE sentiments SET version = 'old', label = 'neutral', score = 0").run().changes;
const current = (s: Database.Database) => count(s, 'SELECT count(*) FROM sentiments WHERE version = ?', ANALYZER_VERSION);

/** Waits, yielding to the job between its steps (it yields after each commit), until it has committed `done`. */
async function untilDone(core: Core, id: number, done: number): Promise<void> {
  for (let i = 0; i < 100_000 && core.jobs.get(id).done < done; i++) await new Promise((r) => setImmediate(r));
}

describe('re-analysis', () => {
  it('rewrites rows of another version and records missing ones, counting its progress', async () => {
    const { core } = fresh();
    const s = core.sqlite;
    const { id: customerId } = createCustomer(s, { name: 'Eve' });
    for (let i = 0; i < 6; i++) logInteraction(s, { customerId, channel: 'email', direction: 'inbound', body: 'Terrible, the parcel arrived broken and late.' });
    addFeedback(s, { customerId, kind: 'review', body: '质量很好，物流也快', occurredAt: 5 });
    expect(ageRows(s)).toBe(7);
    s.prepare('DELETE FROM sentiments WHERE id IN (SELECT id FROM sentiments WHERE interaction_id IS NOT NULL LIMIT 2)').run();
    const events: JobEvent[] = [];
    core.jobs.events.on('job', (e: JobEvent) => events.push(e));

    const id = core.jobs.start(REANALYSE_JOB_KIND, { chunk: 2000 });
    await core.jobs.idle();
    const job = core.jobs.get(id);
    expect(job).toMatchObject({ status: 'done', done: 7, total: 7, result: { messages: 6, reviews: 1, version: ANALYZER_VERSION } });
    expect(current(s)).toBe(7);
    expect(count(s, "SELECT count(*) FROM sentiments WHERE interaction_id IS NOT NULL AND label = 'negative'")).toBe(6);
    expect(count(s, 'SELECT count(*) FROM sentiment_aspects a JOIN sentiments s ON s.id = a.sentiment_id WHERE s.feedback_id IS NOT NULL')).toBeGreaterThanOrEqual(2);
    // Progress never runs backwards.
    const done = events.filter((e) => e.id === id).map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('cancel keeps the chunks done; a new run does only the rest', async () => {
    const { core } = fresh();
    const s = core.sqlite;
    const { id: customerId } = createCustomer(s, { name: 'Fay' });
    bulkMessages(s, customerId, 7000);
    expect(ageRows(s)).toBe(7000);

    const first = core.jobs.start(REANALYSE_JOB_KIND, { chunk: 2000 });
    await untilDone(core, first, 2000);
    await core.jobs.cancel(first);
    await core.jobs.idle();
    const cancelled = core.jobs.get(first);
    expect(cancelled.status).toBe('cancelled');
    const kept = current(s);
    expect(kept).toBeGreaterThanOrEqual(2000);
    expect(kept).toBeLessThan(7000);
    expect(kept % 2000).toBe(0);

    const second = core.jobs.start(REANALYSE_JOB_KIND, { chunk: 2000 });
    await core.jobs.idle();
    expect(core.jobs.get(second)).toMatchObject({ status: 'done', total: 7000 - kept, result: { messages: 7000 - kept } });
    expect(current(s)).toBe(7000);
  });

  it('continues from its checkpoint after a restart, without redoing committed chunks', async () => {
    const dir = tempDir();
    try {
      const first = openCore(dir, { noResume: true });
      const { id: customerId } = createCustomer(first.sqlite, { name: 'Gus' });
      bulkMessages(first.sqlite, customerId, 5000);
      ageRows(first.sqlite);
      const id = first.jobs.start(REANALYSE_JOB_KIND, { chunk: 2000 });
      await untilDone(first, id, 2000);
      await first.close();

      const second = openCore(dir, { noResume: true });
      try {
        const interrupted = second.jobs.get(id);
        expect(interrupted.status).toBe('running');
        const committed = interrupted.done;
        expect(committed).toBeGreaterThanOrEqual(2000);
        const stamps = second.sqlite.prepare('SELECT id, analyzed_at FROM sentiments WHERE version = ? ORDER BY id').all(ANALYZER_VERSION);
        expect(stamps.length).toBe(committed);
        second.jobs.resumeInterrupted();
        await second.jobs.idle();
        expect(second.jobs.get(id)).toMatchObject({ status: 'done', done: 5000, total: 5000, result: { messages: 5000 } });
        expect(current(second.sqlite)).toBe(5000);
        // Rows committed before the restart were left as they were.
        const again = second.sqlite.prepare(`SELECT id, analyzed_at FROM sentiments WHERE id IN (${stamps.map(() => '?').join(',')}) ORDER BY id`).all(...stamps.map((r) => (r as { id: number }).id));
        expect(again).toEqual(stamps);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts by itself at core start when rows are stale or missing, and not again once done', async () => {
    const dir = tempDir();
    try {
      const a = openCore(dir);
      const { id: customerId } = createCustomer(a.sqlite, { name: 'Hal' });
      bulkMessages(a.sqlite, customerId, 30);
      // Records from before the sentiment tables, and rows of an older analyzer.
      a.sqlite.prepare("INSERT INTO interactions (customer_id, channel, direction, body, occurred_at) VALUES (?, 'sms', 'inbound', '物流太慢了', 5)").run(customerId);
      ageRows(a.sqlite);
      setSetting(a.db, 'sentiment', { analyzedVersion: 'old' });
      await a.close();

      const b = openCore(dir);
      const started = b.jobs.list().filter((j) => j.kind === REANALYSE_JOB_KIND);
      expect(started.length).toBe(1);
      await b.jobs.idle();
      expect(b.jobs.get(started[0].id)).toMatchObject({ status: 'done', done: 31 });
      expect(current(b.sqlite)).toBe(31);
      await b.close();

      const c = openCore(dir);
      expect(c.jobs.list().filter((j) => j.kind === REANALYSE_JOB_KIND).length).toBe(1);
      await c.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A hand-made set: model answers with chosen labels win over the analyzer's rows. */
function seedAnswers(core: Core) {
  const s = core.sqlite;
  const ann = createCustomer(s, { name: '王芳' }).id;
  const bob = createCustomer(s, { name: 'Bob' }).id;
  const t0 = Date.UTC(2025, 0, 6, 12); // a Monday
  const answers: [number, 'interaction' | 'feedback', number, SentimentLabel, number, [Aspect, 'positive' | 'negative' | 'neutral'][]][] = [
    [ann, 'interaction', t0, 'negative', -0.9, [['delivery', 'negative'], ['packaging', 'negative']]],
    [ann, 'interaction', t0 + 1 * DAY, 'positive', 0.7, [['quality', 'positive']]],
    [ann, 'feedback', t0 + 8 * DAY, 'mixed', -0.1, [['quality', 'positive'], ['price', 'negative']]],
    [bob, 'interaction', t0 + 40 * DAY, 'neutral', 0, [['service', 'neutral']]],
    [bob, 'feedback', t0 + 41 * DAY, 'negative', -0.5, [['delivery', 'negative']]],
  ];
  const ids: { kind: 'interaction' | 'feedback'; id: number; customerId: number }[] = [];
  for (const [customerId, kind, at] of answers) {
    const id =
      kind === 'interaction'
        ? logInteraction(s, { customerId, channel: 'email', direction: 'inbound', body: `Message at ${at}: lovely tea`, occurredAt: at }).id
        : addFeedback(s, { customerId, kind: 'review', body: `Review at ${at}: lovely tea`, occurredAt: at }).id;
    ids.push({ kind, id, customerId });
  }
  s.transaction(() => {
    const w = new SentimentWriter(s);
    answers.forEach(([customerId, kind, at, label, score, aspects], i) =>
      w.add({ kind, recordId: ids[i].id, customerId, occurredAt: at, source: 'model', version: 'm.gguf', reason: 'why', sentiment: { label, score, words: [], aspects: aspects.map(([aspect, polarity]) => ({ aspect, polarity, score: polarity === 'negative' ? -1 : polarity === 'positive' ? 1 : 0, words: [] })) } }),
    );
    w.flush();
  })();
  // One more, answered by the analyzer only.
  const lexiconOnly = logInteraction(s, { customerId: bob, channel: 'email', direction: 'inbound', body: 'Terrible, the parcel arrived broken and late.', occurredAt: t0 + 42 * DAY });
  return { ann, bob, t0, ids, lexiconOnly: lexiconOnly.id };
}

/** Monday of the week of `at`, local time, as YYYY-MM-DD (what the query buckets by). */
function weekOf(at: number): string {
  const d = new Date(at);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('what the pages read', () => {
  it('a customer: points oldest first, counts, aspects most negative first, the latest result', async () => {
    const { core } = fresh();
    const { ann, t0, ids } = seedAnswers(core);
    const { api, close } = portClientFor(core);
    try {
      const r = await api.sentiment.customer.query({ customerId: ann });
      expect(r.points.map((p) => [p.recordType, p.recordId, p.at, p.label, p.source])).toEqual([
        ['interaction', ids[0].id, t0, 'negative', 'model'],
        ['interaction', ids[1].id, t0 + DAY, 'positive', 'model'],
        ['feedback', ids[2].id, t0 + 8 * DAY, 'mixed', 'model'],
      ]);
      expect(r.counts).toEqual({ positive: 1, negative: 1, neutral: 0, mixed: 1 });
      expect(r.aspects).toEqual([
        { aspect: 'delivery', positive: 0, negative: 1, neutral: 0 },
        { aspect: 'packaging', positive: 0, negative: 1, neutral: 0 },
        { aspect: 'price', positive: 0, negative: 1, neutral: 0 },
        { aspect: 'quality', positive: 2, negative: 0, neutral: 0 },
      ]);
      expect(r.latest).toMatchObject({ label: 'mixed', score: -0.1, source: 'model', version: 'm.gguf', reason: 'why', at: t0 + 8 * DAY });
      await expect(api.sentiment.customer.query({ customerId: 99_999 })).rejects.toMatchObject({ data: { app: { code: 'not_found' } } });
    } finally {
      close();
    }
  });

  it('the overview: weekly and monthly series, aspects, the most negative with names and snippets, totals', async () => {
    const { core } = fresh();
    const { ann, bob, t0, ids, lexiconOnly } = seedAnswers(core);
    const { api, close } = portClientFor(core);
    try {
      const all = await api.sentiment.overview.query({ bucket: 'week' });
      const weeks = new Map<string, { negative: number; positive: number; mixed: number; neutral: number }>();
      const shown: [number, SentimentLabel][] = [[t0, 'negative'], [t0 + DAY, 'positive'], [t0 + 8 * DAY, 'mixed'], [t0 + 40 * DAY, 'neutral'], [t0 + 41 * DAY, 'negative'], [t0 + 42 * DAY, 'negative']];
      for (const [at, label] of shown) {
        const w = weeks.get(weekOf(at)) ?? { positive: 0, negative: 0, neutral: 0, mixed: 0 };
        w[label as keyof typeof w]++;
        weeks.set(weekOf(at), w);
      }
      expect(all.series.map(({ period, positive, negative, neutral, mixed }) => ({ period, positive, negative, neutral, mixed }))).toEqual(
        [...weeks].sort().map(([period, c]) => ({ period, ...c })),
      );
      for (const p of all.series) expect(weekOf(p.start)).toBe(p.period);
      expect(all.series[0].avgScore).toBeCloseTo((-0.9 + 0.7) / 2, 6);

      const months = await api.sentiment.overview.query({ bucket: 'month', from: t0, to: t0 + 10 * DAY });
      expect(months.series).toEqual([{ period: '2025-01-01', start: new Date(2025, 0, 1).getTime(), positive: 1, negative: 1, neutral: 0, mixed: 1, avgScore: expect.closeTo(-0.1, 6) }]);
      expect(months.aspects[0]).toEqual({ aspect: 'delivery', positive: 0, negative: 1, neutral: 0 });

      // The last 30 days of data first (most negative first), then older ones.
      // The last 30 days of data first (by score), then older ones; only results below zero.
      const order = all.mostNegative.map((m) => `${m.recordType}:${m.recordId}:${m.source}`);
      expect(order.slice(0, 2).sort()).toEqual([`feedback:${ids[4].id}:model`, `interaction:${lexiconOnly}:lexicon`].sort());
      expect(order.slice(2)).toEqual([`interaction:${ids[0].id}:model`, `feedback:${ids[2].id}:model`]);
      const byRecord = (id: number) => all.mostNegative.find((m) => m.recordId === id && m.source === 'model');
      expect(byRecord(ids[4].id)).toMatchObject({ customerId: bob, customerName: 'Bob', label: 'negative', score: -0.5, aspects: ['delivery'], at: t0 + 41 * DAY, snippet: `Review at ${t0 + 41 * DAY}: lovely tea` });
      expect(byRecord(ids[0].id)).toMatchObject({ customerId: ann, customerName: '王芳', aspects: ['delivery', 'packaging'] });
      for (const m of all.mostNegative) expect(m.snippet.length).toBeLessThanOrEqual(160);

      expect(all.totals).toEqual({ analysed: 6, byModel: 5, toAnalyse: 0 });
      core.sqlite.prepare("UPDATE sentiments SET version = 'old' WHERE source = 'lexicon' AND interaction_id = ?").run(lexiconOnly);
      expect((await api.sentiment.overview.query({ bucket: 'week' })).totals.toAnalyse).toBe(1);
      await expect(api.sentiment.overview.query({ bucket: 'day' as 'week' })).rejects.toMatchObject({ data: { app: { code: 'invalid_input', field: 'bucket' } } });
    } finally {
      close();
    }
  });

  it('a customer\'s results are read through the (customer, time) index, the model row found by its unique index', () => {
    const { core } = fresh();
    const plan = (core.sqlite.prepare(`EXPLAIN QUERY PLAN ${CUSTOMER_POINTS}`).all(1) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH s USING INDEX sentiments_customer_time_idx \(customer_id=\?\)/);
    expect(plan).toMatch(/SEARCH m USING COVERING INDEX sentiments_interaction_source_uq/);
    expect(plan).not.toMatch(/SCAN s\b/);
  });

  it('a long message is cut to a snippet of at most 160 characters', async () => {
    const { core } = fresh();
    const { id: customerId } = createCustomer(core.sqlite, { name: 'Ivy' });
    const { id } = logInteraction(core.sqlite, { customerId, channel: 'email', direction: 'inbound', body: `Terrible, the parcel arrived broken and late. ${'Again and again. '.repeat(30)}`, occurredAt: 7 });
    core.sqlite.transaction(() => {
      const w = new SentimentWriter(core.sqlite);
      w.add({ kind: 'interaction', recordId: id, customerId, occurredAt: 7, source: 'model', version: 'm.gguf', sentiment: { label: 'negative', score: -0.6, aspects: [], words: [] } });
      w.flush();
    })();
    const { api, close } = portClientFor(core);
    try {
      const [m] = (await api.sentiment.overview.query({ bucket: 'month' })).mostNegative;
      expect(m.snippet.length).toBe(160);
      expect(m.snippet.endsWith('…')).toBe(true);
      expect(m.snippet.startsWith('Terrible, the parcel')).toBe(true);
    } finally {
      close();
    }
  });

  it('timeline messages and reviews carry the sentiment shown, the model answer winning', () => {
    const { core } = fresh();
    const { ann, ids } = seedAnswers(core);
    const s = core.sqlite;
    const plain = logInteraction(s, { customerId: ann, channel: 'email', direction: 'inbound', body: '质量很好，物流也快', occurredAt: 10 });
    const reply = logInteraction(s, { customerId: ann, channel: 'email', direction: 'outbound', body: 'Thank you!', occurredAt: 11 });
    addNote(s, ann, 'Likes oolong');
    const { items } = customerTimeline(s, ann, undefined, 50);
    const byId = (type: string, id: number) => items.find((i) => i.type === type && i.id === id);
    expect(byId('interaction', ids[0].id)).toMatchObject({ sentiment: { source: 'model', label: 'negative', reason: 'why', aspects: [{ aspect: 'delivery' }, { aspect: 'packaging' }] } });
    expect(byId('feedback', ids[2].id)).toMatchObject({ sentiment: { source: 'model', label: 'mixed' } });
    expect(byId('interaction', plain.id)).toMatchObject({ sentiment: { source: 'lexicon', label: 'positive', version: ANALYZER_VERSION, reason: null } });
    expect(byId('interaction', reply.id)).toMatchObject({ sentiment: null });
    expect(items.find((i) => i.type === 'note')).not.toHaveProperty('sentiment');
  });
});
