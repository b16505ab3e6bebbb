// Sentiment as derived state of the write path: typed, edited, deleted, bulk-written, imported
// and sample messages and reviews each carry the analyzer's row, in the write's own transaction.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ASPECTS, POLARITIES, SENTIMENT_LABELS } from '../../src-main/shared/sentiment';
import { createCustomer, deleteCustomer } from '../../src-main/core/customers/write';
import { BulkScope } from '../../src-main/core/derived/bulk-scope';
import { writeOne } from '../../src-main/core/derived/write-one';
import { addFeedback, feedbackRows } from '../../src-main/core/feedback/service';
import { inspectFile } from '../../src-main/core/import/inspect';
import { interactionRows, logInteraction, setHandled } from '../../src-main/core/interactions/service';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { ANALYZER_VERSION } from '../../src-main/core/sentiment/analyzer';
import { SentimentWriter } from '../../src-main/core/sentiment/store';
import { INLINE_MAX } from '../../src-main/core/sentiment/derive-hook';
import { REANALYSE_JOB_KIND } from '../../src-main/core/sentiment/reanalyse-job';
import { importJob } from '../fixtures/import-files-run';
import { freshCores } from './temp-core';

const fresh = freshCores();

interface Row {
  id: number;
  source: string;
  label: string;
  score: number;
  aspects: string;
  words: string;
  version: string;
  customer_id: number;
  occurred_at: number;
}
const rowsOf = (s: Database.Database, column: 'interaction_id' | 'feedback_id', id: number) =>
  s.prepare(`SELECT * FROM sentiments WHERE ${column} = ? ORDER BY source`).all(id) as Row[];
const count = (s: Database.Database, sql: string, ...p: unknown[]) => s.prepare(sql).pluck().get(...p) as number;

/** A model row for a record, as the model job writes it. */
function addModelRow(s: Database.Database, kind: 'interaction' | 'feedback', recordId: number, customerId: number, label: 'positive' | 'negative' = 'positive') {
  const occurredAt = s.prepare(`SELECT occurred_at FROM ${kind === 'interaction' ? 'interactions' : 'feedback'} WHERE id = ?`).pluck().get(recordId) as number;
  s.transaction(() => {
    const w = new SentimentWriter(s);
    w.add({ kind, recordId, customerId, occurredAt, source: 'model', version: 'tiny.gguf', reason: 'x', sentiment: { label, score: label === 'positive' ? 0.8 : -0.8, aspects: [], words: [] } });
    w.flush();
  })();
}

function expectWellFormed(r: Row) {
  expect(SENTIMENT_LABELS).toContain(r.label);
  expect(r.score).toBeGreaterThanOrEqual(-1);
  expect(r.score).toBeLessThanOrEqual(1);
  for (const a of JSON.parse(r.aspects) as { aspect: string; polarity: string }[]) {
    expect(ASPECTS).toContain(a.aspect);
    expect(POLARITIES).toContain(a.polarity);
  }
}

describe('a typed message or review', () => {
  it('an inbound message gets the analyzer row with its aspects; an outbound one and a review without words get none', () => {
    const { core } = fresh();
    const s = core.sqlite;
    const { id: customerId } = createCustomer(s, { name: 'Ann' });
    const inbound = logInteraction(s, { customerId, channel: 'email', direction: 'inbound', subject: 'Order 17', body: 'Terrible, the parcel arrived broken and late.', occurredAt: 1_700_000_000_000 });
    const outbound = logInteraction(s, { customerId, channel: 'email', direction: 'outbound', body: 'Terrible news, we are sorry.' });

    const [row] = rowsOf(s, 'interaction_id', inbound.id);
    expect(row).toMatchObject({ source: 'lexicon', label: 'negative', version: ANALYZER_VERSION, customer_id: customerId, occurred_at: 1_700_000_000_000 });
    expect(row.score).toBeLessThan(0);
    const aspects = JSON.parse(row.aspects) as { aspect: string; polarity: string }[];
    expect(aspects.map((a) => a.aspect).some((a) => a === 'delivery' || a === 'packaging')).toBe(true);
    // One aspect row per aspect the result names, for the dashboard's counts.
    expect(s.prepare('SELECT aspect, polarity FROM sentiment_aspects WHERE sentiment_id = ? ORDER BY rowid').all(row.id)).toEqual(aspects.map((a) => ({ aspect: a.aspect, polarity: a.polarity })));
    expect(rowsOf(s, 'interaction_id', outbound.id)).toEqual([]);

    const review = addFeedback(s, { customerId, kind: 'review', rating: 5, body: '质量很好，物流也快', occurredAt: 1_700_000_100_000 });
    const [r] = rowsOf(s, 'feedback_id', review.id);
    expect(r).toMatchObject({ source: 'lexicon', label: 'positive' });
    expect((JSON.parse(r.aspects) as { aspect: string }[]).map((a) => a.aspect)).toEqual(expect.arrayContaining(['quality', 'delivery']));
    const starsOnly = addFeedback(s, { customerId, kind: 'review', rating: 4, occurredAt: 1_700_000_200_000 });
    expect(rowsOf(s, 'feedback_id', starsOnly.id)).toEqual([]);
  });

  it('an edit of the text re-analyses it and drops the model answer; marking it handled keeps both', () => {
    const { core } = fresh();
    const s = core.sqlite;
    const { id: customerId } = createCustomer(s, { name: 'Bo' });
    const { id } = logInteraction(s, { customerId, channel: 'wechat', direction: 'inbound', body: 'Terrible, the parcel arrived broken and late.' });
    addModelRow(s, 'interaction', id, customerId, 'negative');
    const before = rowsOf(s, 'interaction_id', id);
    expect(before.map((r) => r.source)).toEqual(['lexicon', 'model']);

    setHandled(s, id, true);
    expect(rowsOf(s, 'interaction_id', id)).toEqual(before);

    writeOne(s, 'interaction', 'update', () => {
      s.prepare('UPDATE interactions SET body = ? WHERE id = ?').run('质量很好，物流也快', id);
      return { value: undefined, ids: [id], customerIds: [customerId] };
    });
    const after = rowsOf(s, 'interaction_id', id);
    expect(after.map((r) => r.source)).toEqual(['lexicon']);
    expect(after[0].label).toBe('positive');
    // The old row's aspect rows went with it.
    expect(count(s, 'SELECT count(*) FROM sentiment_aspects WHERE sentiment_id NOT IN (SELECT id FROM sentiments)')).toBe(0);
  });

  it('deleting a message, or its customer, removes its rows and their aspects (foreign keys on)', () => {
    const { core } = fresh();
    const s = core.sqlite;
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
    const { id: customerId } = createCustomer(s, { name: 'Cy' });
    const a = logInteraction(s, { customerId, channel: 'email', direction: 'inbound', body: 'Terrible, the parcel arrived broken and late.' });
    const b = logInteraction(s, { customerId, channel: 'email', direction: 'inbound', body: '质量很好，物流也快' });
    const f = addFeedback(s, { customerId, kind: 'complaint', body: 'The box was crushed.', occurredAt: Date.now() });
    addModelRow(s, 'interaction', b.id, customerId);
    expect(count(s, 'SELECT count(*) FROM sentiments')).toBe(4);

    writeOne(s, 'interaction', 'delete', () => {
      s.prepare('DELETE FROM interactions WHERE id = ?').run(a.id);
      return { value: undefined, ids: [a.id], customerIds: [customerId] };
    });
    expect(rowsOf(s, 'interaction_id', a.id)).toEqual([]);
    expect(count(s, 'SELECT count(*) FROM sentiments')).toBe(3);

    deleteCustomer(s, customerId);
    expect(count(s, 'SELECT count(*) FROM sentiments')).toBe(0);
    expect(count(s, 'SELECT count(*) FROM sentiment_aspects')).toBe(0);
    expect(rowsOf(s, 'feedback_id', f.id)).toEqual([]);
  });
});

describe('bulk writes', () => {
  it('work done ahead between batches and the sweep at the end give each new inbound record exactly one row', () => {
    const { core } = fresh();
    const s = core.sqlite;
    const { id: customerId } = createCustomer(s, { name: 'Dee' });
    // An existing message, analysed already, is not analysed twice.
    const old = logInteraction(s, { customerId, channel: 'email', direction: 'inbound', body: 'Fine.' });
    const body = (i: number) => (i % 3 ? `Order ${i}: lovely tea, thank you!` : `订单${i}的礼盒破了，很失望。`);
    s.transaction(() => {
      const scope = new BulkScope(s);
      const messages = interactionRows(s);
      const reviews = feedbackRows(s);
      for (let i = 0; i < 1500; i++) messages.add(customerId, { channel: 'wechat', direction: i % 5 ? 'inbound' : 'outbound', body: body(i), occurredAt: 1_000 + i });
      for (let i = 0; i < 300; i++) reviews.add(customerId, { kind: 'review', rating: 1 + (i % 5), body: i % 4 ? body(i) : null, occurredAt: 1_000 + i });
      scope.ahead();
      expect(scope.progress.get('sentiment:interaction')).toBeGreaterThan(old.id);
      for (let i = 1500; i < 2500; i++) messages.add(customerId, { channel: 'wechat', direction: i % 5 ? 'inbound' : 'outbound', body: body(i), occurredAt: 1_000 + i });
      scope.ahead();
      scope.finish();
    })();
    expect(count(s, "SELECT count(*) FROM interactions WHERE direction = 'inbound'")).toBe(2001);
    expect(count(s, "SELECT count(*) FROM sentiments WHERE interaction_id IS NOT NULL AND source = 'lexicon'")).toBe(2001);
    expect(count(s, "SELECT count(DISTINCT interaction_id) FROM sentiments i JOIN interactions m ON m.id = i.interaction_id WHERE m.direction = 'inbound'")).toBe(2001);
    expect(count(s, 'SELECT count(*) FROM sentiments WHERE feedback_id IS NOT NULL')).toBe(225);
    expect(count(s, "SELECT count(*) FROM sentiments s JOIN interactions m ON m.id = s.interaction_id WHERE m.direction = 'outbound'")).toBe(0);
    // Every aspect row belongs to a row of its own result.
    expect(count(s, 'SELECT count(*) FROM sentiment_aspects a LEFT JOIN sentiments s ON s.id = a.sentiment_id WHERE s.id IS NULL')).toBe(0);
    expect(count(s, 'SELECT count(*) FROM sentiment_aspects')).toBe(
      (s.prepare('SELECT aspects FROM sentiments').pluck().all() as string[]).reduce((n, a) => n + (JSON.parse(a) as unknown[]).length, 0),
    );
    for (const r of s.prepare('SELECT * FROM sentiments ORDER BY random() LIMIT 50').all() as Row[]) expectWellFormed(r);
  });

  it('an import of messages and of reviews gives every inbound message and every review with words a row', async () => {
    const { core, dir } = fresh();
    const messages = join(dir, 'wechat.csv');
    writeFileSync(messages, '时间,客户,手机,渠道,方向,内容\n2024/3/1 10:00,王芳,13800138000,微信,收,你好，我想退货，包装破了\n2024/3/1 10:05,王芳,13800138000,微信,发,好的，马上处理\n2024/3/2 9:00,李雷,13900139000,电话,客户,物流太慢了\n');
    const info = await inspectFile(core.db, { path: messages });
    await importJob(core, { source: { path: messages }, kind: 'interactions', mapping: info.suggestions.interactions.mapping });
    const reviews = join(dir, 'reviews.csv');
    writeFileSync(reviews, 'Date,Email,Type,Rating,NPS,Review\n2024-03-01,ann@x.com,评价,★★★★☆,,Lovely tea\n2024-03-02,ann@x.com,survey,,9,\n2024-03-03,bob@x.com,review,2,,"Terrible, the parcel arrived broken and late."\n');
    const rinfo = await inspectFile(core.db, { path: reviews });
    await importJob(core, { source: { path: reviews }, kind: 'feedback', mapping: rinfo.suggestions.feedback.mapping });

    const s = core.sqlite;
    expect(count(s, "SELECT count(*) FROM interactions WHERE direction = 'inbound'")).toBe(2);
    expect(
      s.prepare("SELECT m.body, s.source, s.version FROM interactions m JOIN sentiments s ON s.interaction_id = m.id ORDER BY m.id").all(),
    ).toEqual([
      { body: '你好，我想退货，包装破了', source: 'lexicon', version: ANALYZER_VERSION },
      { body: '物流太慢了', source: 'lexicon', version: ANALYZER_VERSION },
    ]);
    expect(s.prepare('SELECT f.body FROM feedback f JOIN sentiments s ON s.feedback_id = f.id ORDER BY f.id').pluck().all()).toEqual([
      'Lovely tea',
      'Terrible, the parcel arrived broken and late.',
    ]);
    // The rows follow the records' customers.
    expect(count(s, 'SELECT count(*) FROM sentiments s JOIN feedback f ON f.id = s.feedback_id WHERE f.customer_id <> s.customer_id')).toBe(0);
  });

  const messagesFile = (dir: string, rows: number) => {
    const file = join(dir, `messages-${rows}.csv`);
    const texts = ['Terrible, the parcel arrived broken and late.', '质量很好，物流也快', 'The tea is lovely but the price went up again.', '客服态度很差，退款一直没到账。'];
    const lines = ['Date,Email,Channel,Direction,Message'];
    for (let i = 0; i < rows; i++) lines.push(`2024-03-${String(1 + (i % 28)).padStart(2, '0')},c${i % 3000}@x.com,email,${i % 4 ? 'inbound' : 'outbound'},"${texts[i % 4]} (order ${i}, with a longer note so the file needs the reading thread)"`);
    writeFileSync(file, lines.join('\n'));
    return file;
  };
  const MAPPING = { occurred_at: 0, customer_email: 1, channel: 2, direction: 3, body: 4 };

  it('an import up to INLINE_MAX (checked in the worker thread, analysed there and while the writer waits) commits each inbound message with its row', async () => {
    const { core, dir } = fresh();
    const { summary } = await importJob(core, { source: { path: messagesFile(dir, 16_000) }, kind: 'interactions', mapping: MAPPING });
    expect(summary.interactions.created).toBe(16_000);
    const s = core.sqlite;
    expect(count(s, 'SELECT count(*) FROM sentiments')).toBe(12_000);
    expect(count(s, "SELECT count(DISTINCT s.interaction_id) FROM sentiments s JOIN interactions m ON m.id = s.interaction_id WHERE m.direction = 'inbound'")).toBe(12_000);
    expect(core.jobs.list().filter((j) => j.kind === REANALYSE_JOB_KIND)).toEqual([]);
  });

  it('a bigger import commits first and hands its messages to the re-analysis job, which labels every inbound one once', async () => {
    const { core, dir } = fresh();
    const rows = INLINE_MAX + 10_000;
    const { summary } = await importJob(core, { source: { path: messagesFile(dir, rows) }, kind: 'interactions', mapping: MAPPING });
    expect(summary.interactions.created).toBe(rows);
    await core.jobs.idle();
    const job = core.jobs.list().find((j) => j.kind === REANALYSE_JOB_KIND);
    expect(job?.status).toBe('done');
    const s = core.sqlite;
    expect(count(s, 'SELECT count(*) FROM sentiments')).toBe((rows * 3) / 4);
    expect(count(s, "SELECT count(DISTINCT s.interaction_id) FROM sentiments s JOIN interactions m ON m.id = s.interaction_id WHERE m.direction = 'inbound'")).toBe((rows * 3) / 4);
  });

  it('the sample shop gives every inbound message and every review a row', async () => {
    const { core } = fresh();
    const id = core.jobs.start(SAMPLE_JOB_KIND, { seed: 7, customers: 40, anchor: Date.UTC(2026, 2, 1) });
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('done');
    const s = core.sqlite;
    const inbound = count(s, "SELECT count(*) FROM interactions WHERE direction = 'inbound'");
    const reviews = count(s, "SELECT count(*) FROM feedback WHERE body IS NOT NULL AND trim(body) <> ''");
    expect(inbound).toBeGreaterThan(10);
    expect(reviews).toBeGreaterThan(5);
    expect(count(s, "SELECT count(*) FROM interactions m JOIN sentiments s ON s.interaction_id = m.id AND s.source = 'lexicon' WHERE m.direction = 'inbound'")).toBe(inbound);
    expect(count(s, "SELECT count(*) FROM sentiments WHERE feedback_id IS NOT NULL AND source = 'lexicon'")).toBe(reviews);
    expect(count(s, 'SELECT count(*) FROM sentiments')).toBe(inbound + reviews);
    // Both languages get more than one kind of answer.
    expect(count(s, 'SELECT count(DISTINCT label) FROM sentiments')).toBeGreaterThan(1);
  });
});

