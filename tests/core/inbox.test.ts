// The inbox: open messages most urgent first with the reasons for their place, the filters, marking
// handled and undoing it, answering from the draft panel, and the response times that follow.
import BetterSqlite3 from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import type { InboxFilter } from '../../src-main/shared/inbox';
import { changeBus } from '../../src-main/core/changes/bus';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { languageOfCode, languageOfCodeSql, writtenLanguage } from '../../src-main/core/customers/language';
import { customerRecords } from '../../src-main/core/drafting/customer-records';
import { addFeedback } from '../../src-main/core/feedback/service';
import { OPEN_MESSAGES } from '../../src-main/core/inbox/open-messages';
import { inboxList, inboxStats } from '../../src-main/core/inbox/queries';
import { urgency } from '../../src-main/core/inbox/urgency';
import { logInteraction, logReply, setHandled } from '../../src-main/core/interactions/service';
import { patronRouter } from '../../src-main/core/router';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { SentimentWriter } from '../../src-main/core/sentiment/store';
import { registerSqlFunctions } from '../../src-main/core/db/functions';
import { freshCores } from './temp-core';

const fresh = freshCores();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * What the segments and predictions runs would have left for a customer, written as they store it:
 * those runs are tested on their own, and here only what the inbox reads of them matters.
 */
function placeCustomer(sqlite: Database.Database, customerId: number, segment: string, churnRisk: number, clvCents: number) {
  sqlite.prepare('INSERT INTO customer_segments (customer_id, run_id, segment, updated_at) VALUES (?, 1, ?, 0)').run(customerId, segment);
  sqlite
    .prepare(`INSERT INTO customer_predictions (customer_id, run_id, purchases, p_alive, expected_purchases, clv_cents, churn_risk, reasons) VALUES (?, 1, 3, 0.5, 1, ?, ?, '[]')`)
    .run(customerId, clvCents, churnRisk);
}

/** A small shop: two English messages of the same age (a complaint from a Can't Lose Them customer, a question from a new one), a Chinese complaint, old praise. */
function shop(core: Core) {
  const { sqlite } = core;
  const now = Date.now();
  const valued = createCustomer(sqlite, { name: 'Megan Price', email: 'megan@example.com' }).id;
  const newcomer = createCustomer(sqlite, { name: 'Tom Reed', email: 'tom@example.com' }).id;
  const wang = createCustomer(sqlite, { name: '王芳', phone: '+86 138 0000 0001' }).id;
  const fan = createCustomer(sqlite, { name: 'Ann Lee', email: 'ann@example.com' }).id;
  const say = (customerId: number, channel: 'email' | 'wechat', body: string, hoursAgo: number, language?: string) =>
    logInteraction(sqlite, { customerId, channel, direction: 'inbound', body, language, occurredAt: now - hoursAgo * HOUR }).id;
  const ids = {
    complaint: say(valued, 'email', "My order still hasn't arrived after 12 days. The delivery is far too slow. Where is it?", 5, 'en'),
    question: say(newcomer, 'email', "Do you have the jasmine tea in stock? I'd like to order two.", 5, 'en'),
    // No language stored: guessed from the text.
    chinese: say(wang, 'wechat', '物流太慢了，快递到现在还没到，太失望了', 30),
    praise: say(fan, 'email', 'The tea is wonderful, thank you!', 72, 'en'),
  };
  // Ten more customers with predictions, so "top tenth by CLV" means something: Megan is the top.
  for (let i = 0; i < 10; i++) placeCustomer(sqlite, createCustomer(sqlite, { name: `Other ${i}` }).id, 'loyal', 0.2, 10_000 + i);
  placeCustomer(sqlite, valued, 'cant_lose', 0.8, 900_000);
  placeCustomer(sqlite, newcomer, 'new', 0.1, 5_000);
  return { now, customers: { valued, newcomer, wang, fan }, ids };
}

const api = (core: Core) => patronRouter.createCaller({ core });
const idsOf = async (core: Core, filter: InboxFilter = {}) => (await api(core).inbox.list({ filter })).items.map((m) => m.id);

describe('the inbox order', () => {
  it('puts a negative delivery complaint from a Can’t Lose Them customer above a new customer’s question of the same age, saying why', async () => {
    const { core } = fresh();
    const { ids } = shop(core);
    const { items, total } = await api(core).inbox.list({});
    expect(total).toBe(4);
    const complaint = items.find((m) => m.id === ids.complaint)!;
    const question = items.find((m) => m.id === ids.question)!;
    expect(items[0].id).toBe(ids.complaint);
    expect(complaint.urgency).toBeGreaterThan(question.urgency);
    // The reasons, strongest first: the feeling and what it is about, who the customer is, the wait.
    expect(complaint.reasons.map((r) => r.code)).toEqual(['feeling', 'segment', 'churn_risk', 'high_value', 'waiting']);
    expect(complaint.reasons[0]).toEqual({ code: 'feeling', label: 'negative', aspects: ['delivery'] });
    expect(complaint.reasons[1]).toEqual({ code: 'segment', segment: 'cant_lose' });
    expect(complaint.reasons.find((r) => r.code === 'waiting')).toEqual({ code: 'waiting', hours: 5 });
    expect(complaint).toMatchObject({ language: 'en', segment: 'cant_lose', churnRisk: 0.8, clvCents: 900_000, sentiment: { label: 'negative', aspects: ['delivery'] } });
    // A neutral question from a new customer waits; nothing else speaks for it.
    expect(question.reasons).toEqual([{ code: 'waiting', hours: 5 }]);
    // Same urgency otherwise: the older message first.
    const chinese = items.find((m) => m.id === ids.chinese)!;
    expect(chinese).toMatchObject({ language: 'zh', channel: 'wechat', customerName: '王芳', segment: null, churnRisk: null, clvCents: null });
    expect(chinese.reasons.map((r) => r.code)).toEqual(['feeling', 'waiting']);
  });

  it('adds an unanswered complaint, and drops it once the shop has written back', async () => {
    const { core } = fresh();
    const { now, customers, ids } = shop(core);
    addFeedback(core.sqlite, { customerId: customers.newcomer, kind: 'complaint', body: 'Still no answer about my tea.', occurredAt: now - 2 * DAY });
    let question = (await api(core).inbox.list({})).items.find((m) => m.id === ids.question)!;
    expect(question.reasons.map((r) => r.code)).toEqual(['open_complaint', 'waiting']);
    logInteraction(core.sqlite, { customerId: customers.newcomer, channel: 'email', direction: 'outbound', body: 'Sorry, we are on it.', occurredAt: now - DAY });
    question = (await api(core).inbox.list({})).items.find((m) => m.id === ids.question)!;
    expect(question.reasons.map((r) => r.code)).toEqual(['waiting']);
  });

  it('counts an open complaint as the draft does: unanswered, made at most 30 days before the message or after it', async () => {
    const { core } = fresh();
    const { sqlite } = core;
    const now = Date.now();
    const person = (name: string) => createCustomer(sqlite, { name, email: `${name.toLowerCase()}@example.com` }).id;
    const ask = (customerId: number, daysAgo: number) =>
      logInteraction(sqlite, { customerId, channel: 'email', direction: 'inbound', body: 'Any news about my order?', language: 'en', occurredAt: now - daysAgo * DAY }).id;
    const complain = (customerId: number, daysAgo: number) => addFeedback(sqlite, { customerId, kind: 'complaint', body: `Complaint of ${daysAgo} days ago.`, occurredAt: now - daysAgo * DAY });
    const cases = {
      // Made 10 days before the message, never answered: open.
      recent: (() => { const c = person('Recent'); complain(c, 12); return { c, m: ask(c, 2), open: true }; })(),
      // The shop wrote to them after it: answered.
      answered: (() => {
        const c = person('Answered');
        complain(c, 12);
        logInteraction(sqlite, { customerId: c, channel: 'email', direction: 'outbound', body: 'So sorry, on it.', occurredAt: now - 11 * DAY });
        return { c, m: ask(c, 2), open: false };
      })(),
      // Made 45 days before the message: history.
      old: (() => { const c = person('Old'); complain(c, 47); return { c, m: ask(c, 2), open: false }; })(),
      // Made after the message, which is still waiting: open.
      after: (() => { const c = person('After'); const m = ask(c, 3); complain(c, 1); return { c, m, open: true }; })(),
    };
    const { items } = await api(core).inbox.list({});
    for (const [name, { c, m, open }] of Object.entries(cases)) {
      const item = items.find((i) => i.id === m)!;
      expect(item.reasons.some((r) => r.code === 'open_complaint'), name).toBe(open);
      expect((await api(core).inbox.get({ id: m })).reasons.some((r) => r.code === 'open_complaint'), name).toBe(open);
      const at = sqlite.prepare('SELECT occurred_at FROM interactions WHERE id = ?').pluck().get(m) as number;
      expect(customerRecords(sqlite, c, { at }).complaints.length > 0, name).toBe(open);
    }
  });

  it('ranks by the model’s sentiment where the model has read the message', async () => {
    const { core } = fresh();
    const { customers, ids } = shop(core);
    const s = core.sqlite;
    const at = s.prepare('SELECT occurred_at FROM interactions WHERE id = ?').pluck().get(ids.praise) as number;
    s.transaction(() => {
      const w = new SentimentWriter(s);
      w.add({ kind: 'interaction', recordId: ids.praise, customerId: customers.fan, occurredAt: at, source: 'model', version: 'm.gguf', reason: 'sarcasm', sentiment: { label: 'negative', score: -0.9, aspects: [{ aspect: 'quality', polarity: 'negative', score: -0.9, words: [] }], words: [] } });
      w.flush();
    })();
    const praise = (await api(core).inbox.list({})).items.find((m) => m.id === ids.praise)!;
    expect(praise.sentiment).toEqual({ label: 'negative', score: -0.9, aspects: ['quality'] });
    expect(praise.reasons[0]).toEqual({ code: 'feeling', label: 'negative', aspects: ['quality'] });
  });

  it('leaves out what is not computed yet: no segments, predictions or sentiment', async () => {
    const { core } = fresh();
    const { ids } = shop(core);
    core.sqlite.exec('DELETE FROM customer_segments; DELETE FROM customer_predictions; DELETE FROM sentiments;');
    const { items } = await api(core).inbox.list({});
    expect(items).toHaveLength(4);
    for (const m of items) {
      expect(m).toMatchObject({ sentiment: null, segment: null, churnRisk: null, clvCents: null });
      expect(m.reasons.map((r) => r.code)).toEqual(['waiting']);
    }
    // Only the wait orders them now: the longest first.
    expect(items.map((m) => m.id)).toEqual([ids.praise, ids.chinese, ids.complaint, ids.question]);
  });
});

describe('the language of a message', () => {
  it('is read one way everywhere: the stored code by its primary language (in JS and in SQL alike), else guessed from what it says', () => {
    const codes = ['zh', 'ZH', 'zh-CN', 'zh_CN', 'zh-Hant-TW', ' zh ', 'en', 'en-GB', 'en_us', 'zha', 'eng', 'fr', 'ja-JP', '', null];
    expect(codes.map(languageOfCode)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh', 'zh', 'en', 'en', 'en', null, null, null, null, null, null]);
    const db = new BetterSqlite3(':memory:');
    const sql = db.prepare(`SELECT ${languageOfCodeSql('lang')} FROM (SELECT ? AS lang)`).pluck();
    for (const code of codes) expect(sql.get(code), String(code)).toBe(languageOfCode(code));
    db.close();
    expect(writtenLanguage(null, null, '快递到现在还没到')).toBe('zh');
    expect(writtenLanguage('fr', 'Bonjour')).toBe('en');
    expect(writtenLanguage('zh_CN', 'Where is my parcel?')).toBe('zh');
  });
});

describe('stale messages', () => {
  it('a complaint forgotten for a year from a Can’t Lose Them customer sits below this week’s complaint from a newcomer, and is still listed', () => {
    const HOUR = 3_600_000;
    const complaint = { label: 'negative' as const, score: -0.8, aspects: [{ aspect: 'delivery' as const, polarity: 'negative' as const, score: -0.8, words: ['late'] }] };
    const old = urgency({ sentiment: complaint, openComplaint: true, segment: 'cant_lose', churnRisk: 0.95, clvCents: 90_000, topDecileClvCents: 50_000, waitedMs: 365 * 24 * HOUR });
    const fresh = urgency({ sentiment: complaint, openComplaint: false, segment: 'new', churnRisk: null, clvCents: null, topDecileClvCents: null, waitedMs: 3 * 24 * HOUR });
    expect(fresh.score).toBeGreaterThan(old.score);
    expect(old.score).toBeGreaterThan(0);
    // A month-old one has not faded yet.
    const month = urgency({ sentiment: complaint, openComplaint: false, segment: 'new', churnRisk: null, clvCents: null, topDecileClvCents: null, waitedMs: 29 * 24 * HOUR });
    expect(month.score).toBeGreaterThan(fresh.score);
  });
});

describe('the inbox filters', () => {
  it('by language, channel, sentiment, aspect (any mention) and waiting time', async () => {
    const { core } = fresh();
    const { ids } = shop(core);
    const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
    expect(await idsOf(core, { language: 'zh' })).toEqual([ids.chinese]);
    expect(sorted(await idsOf(core, { language: 'en' }))).toEqual(sorted([ids.complaint, ids.question, ids.praise]));
    expect(await idsOf(core, { channels: ['wechat'] })).toEqual([ids.chinese]);
    expect(await idsOf(core, { channels: [] })).toHaveLength(4);
    expect(sorted(await idsOf(core, { channels: ['email', 'sms'] }))).toEqual(sorted([ids.complaint, ids.question, ids.praise]));
    expect(await idsOf(core, { sentiment: 'negative' })).toEqual([ids.complaint, ids.chinese]);
    expect(await idsOf(core, { sentiment: 'positive' })).toEqual([ids.praise]);
    expect(await idsOf(core, { aspect: 'delivery' })).toEqual([ids.complaint, ids.chinese]);
    // The question mentions stock without complaining: it is found by its aspect all the same.
    expect(await idsOf(core, { aspect: 'stock' })).toEqual([ids.question]);
    expect(await idsOf(core, { waitingHours: 24 })).toEqual([ids.chinese, ids.praise]);
    expect(await idsOf(core, { waitingHours: 48, language: 'en' })).toEqual([ids.praise]);
    const limited = await api(core).inbox.list({ filter: { language: 'en' }, limit: 1 });
    expect(limited.items.map((m) => m.id)).toEqual([ids.complaint]);
    expect(limited.total).toBe(3);
  });

  it('never shows a list older than the last write: this connection’s, another’s, or one rolled back', async () => {
    const { core } = fresh();
    const { customers } = shop(core);
    const add = (s: Database.Database, body: string) =>
      Number(s.prepare(`INSERT INTO interactions (customer_id, channel, direction, body, occurred_at, handled) VALUES (?, 'sms', 'inbound', ?, ?, 0)`).run(customers.fan, body, Date.now() - HOUR).lastInsertRowid);
    expect(await idsOf(core)).toHaveLength(4);
    // Read inside a transaction that is then rolled back (an import cancelled): gone again.
    core.sqlite.exec('BEGIN');
    const doomed = add(core.sqlite, 'Written inside a transaction');
    expect(await idsOf(core)).toContain(doomed);
    core.sqlite.exec('ROLLBACK');
    expect(await idsOf(core)).not.toContain(doomed);
    // Written by another connection to the same file.
    const other = new BetterSqlite3(core.paths.dbFile);
    // Another connection to the file needs the SQL functions the audit triggers call, as the app's has.
    registerSqlFunctions(other);
    const theirs = add(other, 'Written by another connection');
    other.close();
    expect(await idsOf(core)).toContain(theirs);
  });

  it('reads the open messages through interactions_open_idx', () => {
    const { core } = fresh();
    const plan = (core.sqlite.prepare(`EXPLAIN QUERY PLAN ${OPEN_MESSAGES}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan.find((d) => /^(SEARCH|SCAN) i\b/.test(d))).toMatch(/USING (COVERING )?INDEX interactions_open_idx/);
  });
});

describe('working through the inbox', () => {
  it('e marks handled (the message leaves, the response time counts it, a change is announced), u brings it back', async () => {
    const { core } = fresh();
    const { now, customers, ids } = shop(core);
    const caller = api(core);
    // Answered earlier: a message of 10 hours ago replied to 2 hours later.
    const earlier = logInteraction(core.sqlite, { customerId: customers.fan, channel: 'email', direction: 'inbound', body: 'Is the shop open on Sunday?', occurredAt: now - 10 * HOUR }).id;
    logReply(core.sqlite, { messageId: earlier, body: 'Yes, from ten.' }, now - 8 * HOUR);
    expect(await caller.inbox.stats()).toEqual({ open: 4, medianResponseMs: 2 * HOUR, answered: 1 });

    const events: ChangeEvent[] = [];
    changeBus(core.sqlite).on((e) => events.push(e));
    await caller.inbox.setHandled({ id: ids.question, handled: true });
    expect(events.flatMap((e) => e.changes)).toContainEqual(expect.objectContaining({ type: 'interaction', op: 'update', ids: [ids.question] }));
    expect(await idsOf(core)).not.toContain(ids.question);
    const stats = await caller.inbox.stats();
    expect(stats.open).toBe(3);
    expect(stats.answered).toBe(2);
    // The median of 2 hours and the question's 5 hours (and the few ms this test took).
    expect(stats.medianResponseMs).toBeGreaterThanOrEqual(3.5 * HOUR);
    expect(stats.medianResponseMs).toBeLessThan(3.5 * HOUR + 60_000);
    expect(await caller.inbox.get({ id: ids.question })).toMatchObject({ id: ids.question, handled: true, body: "Do you have the jasmine tea in stock? I'd like to order two." });

    await caller.inbox.setHandled({ id: ids.question, handled: false });
    expect(await idsOf(core)).toContain(ids.question);
    expect(await caller.inbox.stats()).toEqual({ open: 4, medianResponseMs: 2 * HOUR, answered: 1 });
    expect(await caller.inbox.get({ id: ids.question })).toMatchObject({ handled: false, handledAt: null });
  });

  it('marking a message handled again keeps when it was first handled; a message the shop sent never gets a handled time', () => {
    const { core } = fresh();
    const { now, customers, ids } = shop(core);
    const handledAt = (id: number) => core.sqlite.prepare('SELECT handled_at FROM interactions WHERE id = ?').pluck().get(id) as number | null;
    setHandled(core.sqlite, ids.question, true, now - HOUR);
    setHandled(core.sqlite, ids.question, true, now);
    expect(handledAt(ids.question)).toBe(now - HOUR);
    // Opened again and handled again: a new answer, a new time.
    setHandled(core.sqlite, ids.question, false);
    expect(handledAt(ids.question)).toBeNull();
    setHandled(core.sqlite, ids.question, true, now);
    expect(handledAt(ids.question)).toBe(now);
    const sent = logInteraction(core.sqlite, { customerId: customers.fan, channel: 'email', direction: 'outbound', body: 'Thanks!', occurredAt: now - 2 * HOUR }).id;
    setHandled(core.sqlite, sent, true, now);
    expect(handledAt(sent)).toBeNull();
    expect(inboxStats(core.sqlite, now + 1).answered).toBe(1);
  });

  it('sending a reply from the draft panel logs it on the timeline as the answer, and the message leaves', async () => {
    const { core } = fresh();
    const { ids, customers } = shop(core);
    const caller = api(core);
    const reply = await caller.drafting.send({ messageId: ids.chinese, body: '您好，非常抱歉，包裹今天已经发出。' });
    expect(await idsOf(core)).not.toContain(ids.chinese);
    const row = core.sqlite.prepare('SELECT customer_id, direction, channel, reply_to_id, body FROM interactions WHERE id = ?').get(reply.id);
    expect(row).toEqual({ customer_id: customers.wang, direction: 'outbound', channel: 'wechat', reply_to_id: ids.chinese, body: '您好，非常抱歉，包裹今天已经发出。' });
    const stats = await caller.inbox.stats();
    expect(stats).toMatchObject({ open: 3, answered: 1 });
    // The Chinese message had waited 30 hours.
    expect(stats.medianResponseMs).toBeGreaterThanOrEqual(30 * HOUR);
    expect(stats.medianResponseMs).toBeLessThan(30 * HOUR + 60_000);
  });

  it('shows one message whole, and names a missing one', async () => {
    const { core } = fresh();
    const { customers } = shop(core);
    const long = `${'The lid of the tin was dented and '.repeat(20)}I would like a new one.`;
    const id = logInteraction(core.sqlite, { customerId: customers.fan, channel: 'email', direction: 'inbound', body: long, occurredAt: Date.now() - HOUR }).id;
    const listed = (await api(core).inbox.list({})).items.find((m) => m.id === id)!;
    expect(listed.body.length).toBeLessThanOrEqual(240);
    expect(listed.body.endsWith('…')).toBe(true);
    expect((await api(core).inbox.get({ id })).body).toBe(long);
    await expect(api(core).inbox.get({ id: 999_999 })).rejects.toMatchObject({ cause: { code: 'not_found' } });
  });
});

describe('the sample shop’s inbox', () => {
  const ANCHOR = Date.UTC(2026, 2, 1, 6, 30);
  async function load() {
    const { core } = fresh();
    const jobId = core.jobs.start(SAMPLE_JOB_KIND, { seed: 42, customers: 400, anchor: ANCHOR });
    await core.jobs.idle();
    expect(core.jobs.get(jobId).status).toBe('done');
    return core;
  }
  /** Each answered message by customer and time: when it was handled, and when the reply that answers it was sent. */
  const answers = (s: Database.Database) =>
    s
      .prepare(
        `SELECT c.email, i.occurred_at, i.handled, i.handled_at, r.occurred_at AS replied FROM interactions i JOIN customers c ON c.id = i.customer_id
         LEFT JOIN interactions r ON r.reply_to_id = i.id WHERE i.direction = 'inbound' ORDER BY c.email, i.occurred_at, i.body`,
      )
      .raw()
      .all() as [string, number, number, number | null, number | null][];

  it('has a true history of answers, the same for the same seed, and open messages worth working through', async () => {
    const core = await load();
    const s = core.sqlite;
    const rows = answers(s);
    // Every reply answers an earlier message of the same customer, which was handled when it was sent.
    expect(s.prepare(`SELECT count(*) FROM interactions r JOIN interactions i ON i.id = r.reply_to_id
      WHERE r.direction != 'outbound' OR i.direction != 'inbound' OR i.customer_id != r.customer_id OR i.handled_at IS NOT r.occurred_at`).pluck().get()).toBe(0);
    expect(rows.filter(([, , , , replied]) => replied !== null).length).toBeGreaterThan(100);
    // Handled messages have their time (the reply's, or soon after), never after "now"; open ones have none.
    for (const [, at, handled, handledAt] of rows) {
      if (!handled) expect(handledAt).toBeNull();
      else {
        expect(handledAt).toBeGreaterThanOrEqual(at);
        expect(handledAt).toBeLessThanOrEqual(Math.min(ANCHOR, at + 1.5 * DAY));
      }
    }
    const stats = inboxStats(s, ANCHOR);
    expect(stats.answered).toBeGreaterThan(20);
    expect(stats.medianResponseMs).toBeGreaterThan(2 * HOUR);
    expect(stats.medianResponseMs).toBeLessThan(DAY + 12 * HOUR);

    // Open: complaints and praise in both languages, and questions.
    const { items } = inboxList(s, {}, 500, ANCHOR);
    const has = (language: string, label: string) => items.some((m) => m.language === language && m.sentiment?.label === label);
    for (const language of ['zh', 'en']) for (const label of ['negative', 'positive']) expect(has(language, label), `${language} ${label}`).toBe(true);
    expect(items.some((m) => m.sentiment?.label === 'neutral')).toBe(true);
    expect(items.filter((m) => ANCHOR - m.at < 30 * DAY).length).toBeGreaterThan(5);

    const again = await load();
    expect(answers(again.sqlite)).toEqual(rows);
  });
});

describe('urgency', () => {
  const base = { sentiment: null, openComplaint: false, segment: null, churnRisk: null, clvCents: null, topDecileClvCents: null, waitedMs: 0 };

  it('grows with the wait, ever more slowly, and stops after two weeks', () => {
    const at = (hours: number) => urgency({ ...base, waitedMs: hours * HOUR }).score;
    expect(at(24)).toBeGreaterThan(at(1));
    expect(at(48) - at(24)).toBeLessThan(at(24) - at(0));
    expect(at(24 * 30)).toBe(at(24 * 14));
  });

  it('counts a stronger negative more, mixed less, and a pleased customer’s aside not at all', () => {
    const feeling = (label: 'negative' | 'mixed' | 'positive', score: number) =>
      urgency({ ...base, sentiment: { label, score, aspects: [{ aspect: 'delivery', polarity: 'negative', score: -0.5, words: [] }] } });
    expect(feeling('negative', -0.9).score).toBeGreaterThan(feeling('negative', -0.3).score);
    expect(feeling('negative', -0.3).score).toBeGreaterThan(feeling('mixed', 0).score);
    expect(feeling('positive', 0.8).reasons.map((r) => r.code)).toEqual(['waiting']);
  });
});
