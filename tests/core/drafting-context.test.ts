// Reply drafting without a model, through the real contract (tRPC over a MessagePort, as in
// Electron) on a real SQLite file: the shop facts, a bounded prompt that lists what it rests on
// for the customer with the longest history, the shop's past replies to similar messages found
// through the search index, a template draft that passes every check in English and Chinese,
// checks of an edited draft, and "mark sent" logging the reply so the message leaves the inbox.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SHOP_FACTS, FACT_MAX_CHARS, FACT_TOPICS, type DraftEvent, type ShopFacts } from '../../src-main/shared/drafting';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/service';
import { draftContext } from '../../src-main/core/drafting/draft-reply';
import { allowedKeys, unknownClaims } from '../../src-main/core/drafting/fact-claims';
import { replyContext } from '../../src-main/core/drafting/reply-context';
import { answerTokens, DRAFT_MAX_TOKENS, DRAFT_PROMPT_MAX_CHARS, MIN_ANSWER_TOKENS, promptBound } from '../../src-main/core/drafting/reply-prompt';
import { addFeedback } from '../../src-main/core/feedback/service';
import { logInteraction, logReply } from '../../src-main/core/interactions/service';
import { addOrder } from '../../src-main/core/orders/write';
import { addTask } from '../../src-main/core/tasks/service';
import { portClientFor } from '../transport/port-client';
import { openCore, tempDir } from './temp-core';

type Client = ReturnType<typeof portClientFor>['api'];
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1, 9);

/** Runs a draft subscription to its end and returns its events. */
function drafted(api: Client, input: { messageId: number; tone: 'warm' | 'formal' | 'brief' | 'apologetic'; language?: 'en' | 'zh' }) {
  return new Promise<DraftEvent[]>((resolve, reject) => {
    const events: DraftEvent[] = [];
    api.drafting.draft.subscribe(input, { onData: (e) => (events.push(e), e.type === 'checked' && resolve(events)), onError: reject, onComplete: () => resolve(events) });
  });
}

function inbound(core: Core, customerId: number, body: string, at: number, language?: 'en' | 'zh'): number {
  return logInteraction(core.sqlite, { customerId, channel: language === 'zh' ? 'wechat' : 'email', direction: 'inbound', body, occurredAt: at, language }).id;
}

describe('reply drafting without a model', () => {
  const dir = tempDir();
  let core: Core;
  let api: Client;
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

  it('keeps the shop facts in settings: unwritten topics read as empty, a save is one change event', async () => {
    expect(await api.drafting.facts.query()).toEqual(EMPTY_SHOP_FACTS);
    const changes: ChangeEvent[] = [];
    const off = core.changes.on((e) => changes.push(e));
    const facts: ShopFacts = { ...EMPTY_SHOP_FACTS, returns: ' Returns and exchanges within 7 days of delivery, unopened. ', hours: '每天10:00-20:00营业' };
    expect(await api.drafting.setFacts.mutate(facts)).toEqual({ ...facts, returns: facts.returns.trim() });
    off();
    expect(changes.flatMap((e) => e.changes.map((c) => c.type))).toEqual(['settings']);
    expect(await api.drafting.facts.query()).toMatchObject({ returns: 'Returns and exchanges within 7 days of delivery, unopened.', delivery: '' });
  });

  it('keeps the prompt within its bound for a customer with a very long history, and lists its sources', async () => {
    const long: ShopFacts = Object.fromEntries(FACT_TOPICS.map((t) => [t, `${t}: ${'Our policy is explained here in detail. '.repeat(60)}`.slice(0, FACT_MAX_CHARS)])) as ShopFacts;
    await api.drafting.setFacts.mutate(long);
    const { id } = createCustomer(core.sqlite, { name: '李娜', city: '上海', language: 'zh' });
    for (let i = 0; i < 40; i++) {
      addOrder(core.sqlite, { customerId: id, orderNo: `LN-${1000 + i}`, orderedAt: NOW - (40 - i) * 9 * DAY, lines: [{ name: '茉莉花茶 250g', quantity: 2, unitPriceCents: 6400 }, { name: '盖碗 青瓷', quantity: 1, unitPriceCents: 9800 }] });
    }
    const history = core.sqlite.prepare(`INSERT INTO interactions (customer_id, channel, direction, body, occurred_at, handled) VALUES (?, 'wechat', ?, ?, ?, 1)`);
    for (let i = 0; i < 300; i++) history.run(id, i % 2 ? 'outbound' : 'inbound', `第${i}条：我上周买的礼盒包装破了，能不能换一个？`.repeat(12), NOW - (300 - i) * DAY);
    for (let i = 0; i < 8; i++) addTask(core.sqlite, { customerId: id, title: `给李娜回电话，说明补发礼盒的安排 ${i} `.repeat(6), dueAt: NOW + i * DAY });
    for (let i = 0; i < 6; i++) addFeedback(core.sqlite, { customerId: id, kind: 'complaint', body: `礼盒又压坏了，第${i}次投诉。`.repeat(15), occurredAt: NOW - i * DAY });
    const messageId = inbound(core, id, '我的订单LN-1039还没到，礼盒是不是又压坏了？太失望了！', NOW, 'zh');

    const c = draftContext(core, { messageId, tone: 'warm' });
    expect(c.system.length + c.prompt.length).toBeLessThanOrEqual(DRAFT_PROMPT_MAX_CHARS);
    expect(c.truncated).toBe(true);
    expect(c.language).toBe('zh');
    expect(c.system).toMatch(/李娜/);
    // Facts come first: the message, the newest orders, the open tasks and the shop facts are in.
    expect(c.prompt).toContain('我的订单LN-1039还没到');
    const kinds = c.sources.map((s) => s.kind);
    expect(kinds.slice(0, 2)).toEqual(['customer', 'message']);
    expect(c.sources.filter((s) => s.kind === 'order').map((s) => s.text.split(':')[0])).toEqual(['LN-1039', 'LN-1038', 'LN-1037', 'LN-1036', 'LN-1035']);
    expect(kinds).toEqual(expect.arrayContaining(['task', 'tone', 'fact']));
    // Every source listed is in the prompt, as the prompt quotes it.
    for (const s of c.sources) expect(c.prompt, s.kind).toContain(s.text.replace(/"/g, "'"));
    // And the same through the contract, for the sources panel.
    expect(await api.drafting.context.query({ messageId, tone: 'warm' })).toEqual({ language: 'zh', tone: 'warm', sources: c.sources, promptChars: c.system.length + c.prompt.length, truncated: true });
    // Every number and date the prompt shows (the tone line's dates included) is one the facts check accepts.
    const full = replyContext(core.sqlite, core.db, { messageId, tone: 'warm' });
    expect(full.prompt).toMatch(/最近的语气（最新在前）：负面 \d{4}-\d{2}-\d{2}/);
    expect(unknownClaims(`${full.system}\n${full.prompt}`, allowedKeys(full.expect.allowed))).toEqual([]);

    // A model whose context holds less gets a shorter prompt, and the answer still fits beside it.
    for (const contextSize of [2048, 1536]) {
      const small = replyContext(core.sqlite, core.db, { messageId, tone: 'warm' }, contextSize);
      const chars = small.system.length + small.prompt.length;
      expect(chars, String(contextSize)).toBeLessThanOrEqual(promptBound(contextSize));
      expect(chars).toBeLessThan(c.system.length + c.prompt.length);
      expect(answerTokens(contextSize, chars)).toBe(DRAFT_MAX_TOKENS);
      expect(small.sources.slice(0, 2).map((x) => x.kind)).toEqual(['customer', 'message']);
    }
    // The largest context keeps the largest bound, never more; the smallest leaves no room to answer (the template answers).
    expect(promptBound(8192)).toBe(DRAFT_PROMPT_MAX_CHARS);
    expect(promptBound(null)).toBe(DRAFT_PROMPT_MAX_CHARS);
    const tiny = replyContext(core.sqlite, core.db, { messageId, tone: 'warm' }, 512);
    expect(answerTokens(512, tiny.system.length + tiny.prompt.length)).toBeLessThan(MIN_ANSWER_TOKENS);
    await api.drafting.setFacts.mutate({ ...EMPTY_SHOP_FACTS, returns: 'Returns and exchanges within 7 days of delivery, unopened.' });
  });

  it("finds the shop's past replies to similar messages through the search index, and shows nothing of the customers they answered", async () => {
    const ann = createCustomer(core.sqlite, { name: 'Ann Baker', language: 'en' }).id;
    const ben = createCustomer(core.sqlite, { name: 'Ben Carter', language: 'en' }).id;
    const cat = createCustomer(core.sqlite, { name: 'Cat Dale', language: 'en' }).id;
    // Answered through "mark sent" (reply_to_id)...
    const a = inbound(core, ann, 'The jasmine gift box AB-7788 arrived damaged at 12 Rose Lane, the lid is broken.', NOW - 30 * DAY, 'en');
    logReply(core.sqlite, { messageId: a, body: 'Dear Ms Baker,\nSo sorry, Ann! A new gift box for order AB-7788 (¥128.00) goes out today. Mail ann.baker@example.com or call 138 0013 8000.' }, NOW - 29 * DAY);
    // ...answered before replies were linked: the next message the shop sent within days...
    inbound(core, ben, 'My gift box arrived crushed and damaged. Not happy.', NOW - 20 * DAY, 'en');
    logInteraction(core.sqlite, { customerId: ben, channel: 'email', direction: 'outbound', body: 'Apologies Ben, we will replace the damaged box.', occurredAt: NOW - 19 * DAY });
    // ...and one about something else.
    const hours = inbound(core, cat, 'What are your opening hours at the weekend?', NOW - 10 * DAY, 'en');
    logReply(core.sqlite, { messageId: hours, body: 'We are open every day.' }, NOW - 10 * DAY);

    const dan = createCustomer(core.sqlite, { name: 'Dan Evans', language: 'en' }).id;
    const messageId = inbound(core, dan, 'Hello, my gift box arrived damaged. Can you send another?', NOW, 'en');
    const c = replyContext(core.sqlite, core.db, { messageId, tone: 'formal' });
    const past = c.sources.filter((s) => s.kind === 'past_reply');
    // Only the shop's words: the greeting dropped, the customer's name said as "the customer", no digits, emails or phones.
    expect(past.map((s) => s.text)).toEqual([
      'Apologies the customer, we will replace the damaged box.',
      'So sorry, the customer! A new gift box for order goes out today. Mail or call.',
    ]);
    for (const never of ['Ann', 'Baker', 'Ben', 'Carter', 'AB-7788', '7788', '128', 'Rose Lane', 'example.com', '138', 'crushed', 'lid is broken']) {
      expect(`${c.system}\n${c.prompt}`, never).not.toContain(never);
    }
    // What another customer was told is no fact for this one: their order number and price are flagged.
    const checks = await api.drafting.check.mutate({ messageId, language: 'en', text: 'Dear Dan Evans, a new gift box for order AB-7788 (¥128.00) goes out today.' });
    expect(checks.find((x) => x.check === 'facts')).toEqual({ check: 'facts', ok: false, params: { unknown: ['128.00', 'AB-7788'] } });
  });

  it("signs with the shop's name from the shop facts, and gives it to the model", async () => {
    await api.drafting.setFacts.mutate({ ...EMPTY_SHOP_FACTS, name: 'Cloud Leaf', returns: 'Returns and exchanges within 7 days of delivery, unopened.' });
    const fay = createCustomer(core.sqlite, { name: 'Fay Gold', language: 'en' }).id;
    const messageId = inbound(core, fay, 'Do you have the oolong in stock?', NOW, 'en');
    const events = await drafted(api, { messageId, tone: 'warm' });
    expect((events[1] as Extract<DraftEvent, { type: 'template' }>).text).toMatch(/Warm wishes,\nCloud Leaf$/);
    const c = draftContext(core, { messageId, tone: 'warm' });
    expect(c.system).toContain('Sign off as Cloud Leaf.');
    expect(c.prompt).toContain("- Shop's name: Cloud Leaf");
    expect(c.sources.find((s) => s.kind === 'fact')).toMatchObject({ topic: 'name', text: 'Cloud Leaf' });
    await api.drafting.setFacts.mutate({ ...EMPTY_SHOP_FACTS, returns: 'Returns and exchanges within 7 days of delivery, unopened.' });
  });

  it('accepts in a draft every date the prompt shows, the tone line\'s included', async () => {
    const gus = createCustomer(core.sqlite, { name: 'Gus Hale', language: 'en' }).id;
    const old = inbound(core, gus, 'Terrible service, the parcel was late and broken. Very disappointed.', new Date(2025, 2, 14, 12).getTime(), 'en');
    core.sqlite.prepare('UPDATE interactions SET handled = 1 WHERE id = ?').run(old);
    const messageId = inbound(core, gus, 'Is my new parcel on its way?', NOW, 'en');
    const c = replyContext(core.sqlite, core.db, { messageId, tone: 'warm' });
    // The day of the unhappy message is in the prompt only through the tone line.
    expect(c.prompt).toMatch(/Their recent tone \(newest first\): .*negative 2025-03-14/);
    expect(c.prompt.split('\n').filter((l) => l.includes('2025-03-14'))).toHaveLength(1);
    const checks = await api.drafting.check.mutate({ messageId, language: 'en', text: 'Hi Gus, sorry again about the parcel of 14 March; the new one is on its way.' });
    expect(checks.find((x) => x.check === 'facts')).toEqual({ check: 'facts', ok: true, params: { unknown: [] } });
  });

  it('drafts a filled template that passes every check, in English and in Chinese', async () => {
    const emma = createCustomer(core.sqlite, { name: 'Emma Wilson', language: 'en' }).id;
    addOrder(core.sqlite, { customerId: emma, orderNo: 'EW-2001', orderedAt: NOW - 12 * DAY, lines: [{ name: 'Jasmine Tea 茉莉花茶 250g', quantity: 1, unitPriceCents: 11000 }] });
    const en = inbound(core, emma, 'The parcel arrived damaged and the tea is ruined. Very disappointed.', NOW, 'en');
    const events = await drafted(api, { messageId: en, tone: 'warm' });
    expect(events.map((e) => e.type)).toEqual(['context', 'template', 'checked']);
    expect(events[0]).toMatchObject({ type: 'context', mode: 'template', language: 'en', tone: 'warm' });
    const text = (events[1] as Extract<DraftEvent, { type: 'template' }>).text;
    expect(text).toMatch(/^Hi Emma,\n\nThank you for letting us know, and I'm so sorry/);
    expect(text).toContain('EW-2001');
    const checks = (events[2] as Extract<DraftEvent, { type: 'checked' }>).checks;
    expect(checks.map((c) => [c.check, c.ok])).toEqual([['language', true], ['facts', true], ['name', true], ['length', true]]);

    const wang = createCustomer(core.sqlite, { name: '王芳', language: 'zh' }).id;
    addOrder(core.sqlite, { customerId: wang, orderNo: 'WF-3001', orderedAt: NOW - 5 * DAY, lines: [{ name: 'Jasmine Tea 茉莉花茶 250g', quantity: 1, unitPriceCents: 11000 }] });
    const zh = inbound(core, wang, '茶叶收到了，味道很正，包装也很用心，下次还来买', NOW, 'zh');
    for (const tone of ['warm', 'formal', 'brief', 'apologetic'] as const) {
      const z = await drafted(api, { messageId: zh, tone });
      const zt = (z[1] as Extract<DraftEvent, { type: 'template' }>).text;
      expect(zt, tone).toMatch(/王芳/);
      expect((z[2] as Extract<DraftEvent, { type: 'checked' }>).checks.filter((c) => !c.ok), `${tone}: ${zt}`).toEqual([]);
    }
    // The owner may switch the language: the same message answered in English.
    const switched = await drafted(api, { messageId: zh, tone: 'warm', language: 'en' });
    expect(switched[0]).toMatchObject({ language: 'en' });
    expect((switched[1] as Extract<DraftEvent, { type: 'template' }>).text).toMatch(/^Hi 王芳,/);
  });

  it('speaks of the order the complaint is about: one it quotes, else the one holding the product it names, else the last', async () => {
    const li = createCustomer(core.sqlite, { name: '李娜', language: 'zh' }).id;
    addOrder(core.sqlite, { customerId: li, orderNo: 'LI-7001', orderedAt: NOW - 30 * DAY, lines: [{ name: 'Honey Tea Gift Box 蜂蜜花茶礼盒 Premium', quantity: 1, unitPriceCents: 48400 }] });
    addOrder(core.sqlite, { customerId: li, orderNo: 'LI-7002', orderedAt: NOW - 3 * DAY, lines: [{ name: 'Citron Honey Tea 柚子茶 500g', quantity: 2, unitPriceCents: 6100 }] });
    const template = async (body: string) => {
      const e = await drafted(api, { messageId: inbound(core, li, body, NOW, 'zh'), tone: 'warm' });
      return { text: (e[1] as Extract<DraftEvent, { type: 'template' }>).text, checks: (e[2] as Extract<DraftEvent, { type: 'checked' }>).checks };
    };
    const named = await template('蜂蜜花茶礼盒有一股陈味，质量太差了，申请退款');
    expect(named.text).toContain('LI-7001');
    expect(named.text).not.toContain('LI-7002');
    expect(named.checks.filter((c) => !c.ok)).toEqual([]);
    expect((await template('订单LI-7002一直没发货，太慢了，很失望')).text).toContain('LI-7002');
    expect((await template('你们的客服态度太差了，很失望')).text).toContain('LI-7002');
  });

  it("checks an edited draft: a planted order number or price, a wrong language or name is flagged; the right ones pass", async () => {
    const emma = (core.sqlite.prepare(`SELECT id FROM customers WHERE name = 'Emma Wilson'`).get() as { id: number }).id;
    const messageId = (core.sqlite.prepare(`SELECT id FROM interactions WHERE customer_id = ? AND direction = 'inbound'`).get(emma) as { id: number }).id;
    const failed = async (text: string, language: 'en' | 'zh' = 'en') => (await api.drafting.check.mutate({ messageId, language, text })).filter((c) => !c.ok);
    expect(await failed('Hi Emma, so sorry! Your order EW-2001 (110.00 CNY) will be replaced; returns within 7 days are always fine.')).toEqual([]);
    expect(await failed('Hi Emma, so sorry! Your order EW-2099 will be replaced.')).toEqual([{ check: 'facts', ok: false, params: { unknown: ['EW-2099'] } }]);
    expect(await failed('Hi Emma, so sorry! We will refund the ¥120 for order EW-2001.')).toEqual([{ check: 'facts', ok: false, params: { unknown: ['120'] } }]);
    expect(await failed('Hi Sophie, so sorry! Your order will be replaced as soon as we can.')).toEqual([{ check: 'name', ok: false, params: { expected: 'Emma Wilson', found: ['Sophie'] } }]);
    expect(await failed('Emma您好，非常抱歉给您添麻烦了。您的包裹我们正在核实，会尽快给您补发一份新的茶叶，请您放心，有问题随时联系我们。', 'en')).toEqual([{ check: 'language', ok: false, params: { expected: 'en', found: 'zh' } }]);
  });

  it('marks a reply sent: logged as outbound answering the message, which leaves the open set', async () => {
    const wang = (core.sqlite.prepare(`SELECT id FROM customers WHERE name = '王芳'`).get() as { id: number }).id;
    const messageId = (core.sqlite.prepare(`SELECT id FROM interactions WHERE customer_id = ? AND direction = 'inbound'`).get(wang) as { id: number }).id;
    const open = () => (core.sqlite.prepare(`SELECT id FROM interactions WHERE direction = 'inbound' AND handled = 0`).all() as { id: number }[]).map((r) => r.id);
    expect(open()).toContain(messageId);
    const { id } = await api.drafting.send.mutate({ messageId, body: '王芳您好，谢谢您的好评！期待下次再见～' });
    expect(core.sqlite.prepare('SELECT customer_id AS customerId, direction, channel, body, reply_to_id AS replyToId FROM interactions WHERE id = ?').get(id)).toEqual({
      customerId: wang, direction: 'outbound', channel: 'wechat', body: '王芳您好，谢谢您的好评！期待下次再见～', replyToId: messageId,
    });
    expect(open()).not.toContain(messageId);
    // A reply to a reply is refused, naming the field.
    await expect(drafted(api, { messageId: id, tone: 'warm' })).rejects.toMatchObject({ data: { app: { code: 'invalid_input', field: 'messageId' } } });
  });
});
