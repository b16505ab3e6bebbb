// Win-back and campaign messages on the sample shop, end to end on a real SQLite file: a segment
// resolved to exactly its customers who can be written to, one message each in the customer's
// language (templates without a model, the tiny GGUF with one), progress to the total, cancel
// mid-way and resume without rewriting what was done, review (approve, edit, skip), and the CSV
// export: exactly the approved messages behind a BOM, each logged once on its customer's timeline.
import { readFileSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIEF_MAX_CHARS, CAMPAIGN_MAX_CUSTOMERS, DRAFT_CHECKS, EMPTY_SHOP_FACTS, TONES, type CampaignMessage } from '../../src-main/shared/drafting';
import type { SegmentCode } from '../../src-main/shared/segments';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import type { Core } from '../../src-main/core/core';
import { CAMPAIGN_JOB_KIND, type CampaignJobResult } from '../../src-main/core/campaigns/campaign-job';
import { campaignSystem } from '../../src-main/core/campaigns/campaign-prompt';
import { getShopFacts, saveShopFacts, writtenFacts } from '../../src-main/core/drafting/facts';
import { campaignMessages, createCampaign, deleteCampaign, exportCampaign, getCampaign, listCampaigns, resumeCampaign, reviewMessage } from '../../src-main/core/campaigns/service';
import { createCustomer } from '../../src-main/core/customers/service';
import { createList } from '../../src-main/core/lists/service';
import { patronRouter } from '../../src-main/core/router';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempCore, tempDir } from './temp-core';

const ANCHOR = Date.UTC(2026, 2, 1, 6, 30);
const HAN = /\p{Script=Han}/u;

/** Customers of the segment in the latest run, and of them those with consent and a contact for some channel (worked out here, from the columns). */
function segmentCustomers(core: Core, segment: SegmentCode) {
  const rows = core.sqlite
    .prepare(
      `SELECT c.id, (c.consent_wechat = 1 OR (c.consent_sms = 1 AND c.phone IS NOT NULL) OR (c.consent_email = 1 AND c.email IS NOT NULL)) AS reachable
       FROM customer_segments s JOIN customers c ON c.id = s.customer_id WHERE s.segment = ?`,
    )
    .all(segment) as { id: number; reachable: number }[];
  return { all: rows.map((r) => r.id), reachable: rows.filter((r) => r.reachable).map((r) => r.id) };
}

/** A segment with [min, max] customers that can be written to: the largest such, or the smallest (the model's tests, to stay quick). */
function pickSegment(core: Core, min: number, max: number, prefer: 'largest' | 'smallest' = 'largest'): SegmentCode {
  const codes = core.sqlite
    .prepare(`SELECT segment FROM customer_segments WHERE segment <> 'no_orders' GROUP BY segment ORDER BY count(*) ${prefer === 'largest' ? 'DESC' : 'ASC'}`)
    .pluck()
    .all() as SegmentCode[];
  const fit = codes.find((c) => {
    const n = segmentCustomers(core, c).reachable.length;
    return n >= min && n <= max;
  });
  if (!fit) throw new Error(`no segment with ${min}-${max} reachable customers`);
  return fit;
}

const jobResult = (core: Core, jobId: number) => core.jobs.get(jobId).result as CampaignJobResult | null;
const languageOf = (core: Core, customerId: number) => core.sqlite.prepare('SELECT language FROM customers WHERE id = ?').pluck().get(customerId) as string;

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

/** The body is in the message's language, apart from the names of what the customer bought (the sample shop's are bilingual). */
function expectInLanguage(core: Core, m: CampaignMessage) {
  expect(m.body).toBeTruthy();
  const products = core.sqlite
    .prepare('SELECT DISTINCT i.product_name FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.customer_id = ?')
    .pluck()
    .all(m.customerId) as string[];
  const own = products.reduce((text, p) => text.split(p).join(' '), m.body ?? '');
  if (m.language === 'zh') expect(own).toMatch(HAN);
  else expect(own).not.toMatch(HAN);
}

describe('campaign messages on the sample shop', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(async () => {
    core = openCore(dir, { noResume: true });
    const api = patronRouter.createCaller({ core });
    await api.segments.setAnalysisDate({ date: '2026-03-01' });
    core.jobs.start(SAMPLE_JOB_KIND, { seed: 11, customers: 160, anchor: ANCHOR });
    // The sample shop's bulk write starts the segments recompute (and predictions) by itself.
    await core.jobs.idle();
  }, 240_000);
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let templated: { campaignId: number; messages: CampaignMessage[] };

  it('without a model, fills every message of a segment from templates, each in its customer\u2019s language', async () => {
    const segment = pickSegment(core, 4, 60);
    const { all, reachable } = segmentCustomers(core, segment);
    const changes: ChangeEvent[] = [];
    const off = core.changes.on((e) => changes.push(e));
    const finals: { done: number; total: number; status: string }[] = [];
    const onJob = (e: { id: number; kind: string; done: number; total: number; status: string }) => e.kind === CAMPAIGN_JOB_KIND && finals.push(e);
    core.jobs.events.on('job', onJob);

    const made = createCampaign(core, { name: 'Come back', purpose: 'winback', target: { kind: 'segment', segment }, brief: '', tone: 'warm' });
    await core.jobs.idle();
    core.jobs.events.off('job', onJob);
    off();

    // Exactly the segment: every customer who can be written to has a message, the rest are counted.
    expect(made.customers).toBe(reachable.length);
    expect(made.leftOut).toBe(all.length - reachable.length);
    const messages = campaignMessages(core, made.campaignId);
    expect(messages.map((m) => m.customerId).sort((a, b) => a - b)).toEqual([...reachable].sort((a, b) => a - b));
    expect(messages.map((m) => m.position)).toEqual(messages.map((_, i) => i + 1));
    for (const m of messages) {
      expect(m.language).toBe(languageOf(core, m.customerId).startsWith('zh') ? 'zh' : 'en');
      expect(m.madeBy).toBe('template');
      expect(m.status).toBe('pending');
      expectInLanguage(core, m);
      // Addressed by the name on record (an English name by its first word in a warm message).
      expect(m.body).toContain(HAN.test(m.customerName) ? m.customerName : m.customerName.split(' ')[0]);
      // Checked, and a template says nothing its checks would flag.
      expect(m.checks.map((c) => c.check).sort()).toEqual([...DRAFT_CHECKS].sort());
      expect(m.checks.filter((c) => !c.ok)).toEqual([]);
      // Chinese speakers are written to on WeChat or by text first, English speakers by email first.
      if (m.language === 'zh') expect(['wechat', 'sms', 'email']).toContain(m.channel);
      else expect(['email', 'whatsapp', 'sms', 'wechat']).toContain(m.channel);
    }

    const job = core.jobs.get(made.jobId);
    expect(job).toMatchObject({ status: 'done', done: reachable.length, total: reachable.length });
    expect(jobResult(core, made.jobId)).toEqual({ drafted: reachable.length, byModel: 0, byTemplate: reachable.length, failed: 0 });
    expect(finals.at(-1)).toMatchObject({ status: 'done', done: reachable.length, total: reachable.length });
    // The campaign's creation and each drafted chunk were announced.
    const campaignChanges = changes.flatMap((e) => e.changes).filter((c) => c.type === 'campaign');
    expect(campaignChanges.map((c) => c.op)).toContain('create');
    expect(campaignChanges.map((c) => c.op)).toContain('update');
    expect(getCampaign(core, made.campaignId).counts).toMatchObject({ total: reachable.length, drafted: reachable.length, pending: reachable.length });
    templated = { campaignId: made.campaignId, messages };
  });

  it('reviews one by one: approve, edit (checked again), skip, re-open', () => {
    const [a, b, c, d] = templated.messages;
    expect(reviewMessage(core, { id: a.id, status: 'approved' }).status).toBe('approved');
    // An edit that plants an order number and a price the records do not hold is flagged.
    const planted = `${b.customerName}, order ZZ-98765 is ready: only 888.88 today.`;
    const edited = reviewMessage(core, { id: b.id, body: planted, status: 'approved' });
    expect(edited).toMatchObject({ body: planted, status: 'approved' });
    const facts = edited.checks.find((x) => x.check === 'facts');
    expect(facts?.ok).toBe(false);
    expect(facts?.params.unknown?.join(' ')).toMatch(/98765|888/);
    expect(reviewMessage(core, { id: c.id, status: 'skipped' }).status).toBe('skipped');
    if (d) {
      reviewMessage(core, { id: d.id, status: 'approved' });
      expect(reviewMessage(core, { id: d.id, status: 'pending' }).status).toBe('pending');
    }
    expect(getCampaign(core, templated.campaignId).counts).toMatchObject({ approved: 2, skipped: 1 });
  });

  it('exports exactly the approved messages as CSV with a BOM, logs each on its timeline once, and a second export adds nothing', async () => {
    const before = core.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
    const approved = campaignMessages(core, templated.campaignId).filter((m) => m.status === 'approved');
    const out = exportCampaign(core, templated.campaignId);
    expect(out).toMatchObject({ rows: approved.length, alreadyExported: 0 });
    expect(out.file).toBeTruthy();
    const bytes = readFileSync(out.file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Served like any export: by its name in the exports folder.
    const api = patronRouter.createCaller({ core });
    const served = await api.export.read({ fileName: out.name! });
    expect(Buffer.from(served.data, 'base64').equals(bytes)).toBe(true);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Name', 'Email', 'Phone', 'Channel', 'Language', 'Message']);
    expect(parsed.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual(approved.map((m) => [m.customerName, m.channel, m.language, m.body]));

    const after = core.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
    expect(after - before).toBe(approved.length);
    for (const m of approved) {
      const row = core.sqlite.prepare('SELECT m.status, i.customer_id, i.direction, i.channel, i.body, i.handled FROM campaign_messages m JOIN interactions i ON i.id = m.interaction_id WHERE m.id = ?').get(m.id);
      expect(row).toEqual({ status: 'exported', customer_id: m.customerId, direction: 'outbound', channel: m.channel, body: m.body, handled: 1 });
      // On the customer's page, newest first.
      const { items } = await api.timeline.forCustomer({ customerId: m.customerId, limit: 5 });
      expect(items.filter((i) => i.type === 'interaction' && i.direction === 'outbound' && i.body === m.body)).toHaveLength(1);
    }
    // An exported message stays as it went out.
    expect(() => reviewMessage(core, { id: approved[0].id, status: 'pending' })).toThrow(/exported/);

    const again = exportCampaign(core, templated.campaignId);
    expect(again).toEqual({ file: null, name: null, rows: 0, alreadyExported: approved.length });
    expect(core.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(after);
    await api.export.delete({ fileName: out.name! });
  });

  it('exports only the messages approved since the last export', () => {
    const skipped = campaignMessages(core, templated.campaignId).find((m) => m.status === 'skipped')!;
    reviewMessage(core, { id: skipped.id, status: 'approved' });
    const out = exportCampaign(core, templated.campaignId);
    expect(out).toMatchObject({ rows: 1, alreadyExported: 2 });
    const lines = Papa.parse<string[]>(readFileSync(out.file!, 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(lines.slice(1).map((r) => r[0])).toEqual([skipped.customerName]);
    expect(getCampaign(core, templated.campaignId).counts.exported).toBe(3);
  });

  it('deleting a campaign keeps what was logged on the timelines', () => {
    const logged = core.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get();
    deleteCampaign(core, templated.campaignId);
    expect(listCampaigns(core).map((c) => c.id)).not.toContain(templated.campaignId);
    expect(core.sqlite.prepare('SELECT count(*) FROM campaign_messages WHERE campaign_id = ?').pluck().get(templated.campaignId)).toBe(0);
    expect(core.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(logged);
  });

  describe('with the tiny model', () => {
    beforeAll(async () => {
      await core.models.importFile(tinyGgufPath());
    }, 120_000);

    it('generates each message with the model and checks it', async () => {
      const segment = pickSegment(core, 2, 8, 'smallest');
      const made = createCampaign(core, { name: 'Spring tea', purpose: 'campaign', target: { kind: 'segment', segment }, brief: 'New spring oolong is in.', tone: 'brief' });
      await core.jobs.idle();
      const job = core.jobs.get(made.jobId);
      expect(job.status).toBe('done');
      const result = jobResult(core, made.jobId)!;
      expect(result.drafted).toBe(made.customers);
      expect(result.byModel).toBeGreaterThan(0);
      expect(result.byModel + result.byTemplate).toBe(made.customers);
      const messages = campaignMessages(core, made.campaignId);
      expect(messages.filter((m) => m.madeBy === 'model').length).toBe(result.byModel);
      for (const m of messages) {
        expect(m.body).toBeTruthy();
        expect(m.checks.map((c) => c.check).sort()).toEqual([...DRAFT_CHECKS].sort());
      }
    }, 120_000);

    it('stops mid-way on cancel, and a resume writes only the messages still empty', async () => {
      const segment = pickSegment(core, 6, 40, 'smallest');
      const made = createCampaign(core, { name: 'Miss you', purpose: 'winback', target: { kind: 'segment', segment }, brief: '', tone: 'warm' });
      // Cancelled as soon as the first chunk has committed.
      const off = core.changes.on((e) => {
        if (e.changes.some((c) => c.type === 'campaign' && c.op === 'update' && c.ids.includes(made.campaignId))) {
          off();
          void core.jobs.cancel(made.jobId);
        }
      });
      await core.jobs.idle();
      expect(core.jobs.get(made.jobId).status).toBe('cancelled');
      const stopped = campaignMessages(core, made.campaignId);
      const done = stopped.filter((m) => m.body !== null);
      expect(done.length).toBeGreaterThan(0);
      expect(done.length).toBeLessThan(stopped.length);
      // Written in review order.
      expect(done.map((m) => m.position)).toEqual(done.map((_, i) => i + 1));
      expect(getCampaign(core, made.campaignId).counts.drafted).toBe(done.length);

      const { jobId } = resumeCampaign(core, made.campaignId);
      expect(jobId).not.toBe(made.jobId);
      expect(getCampaign(core, made.campaignId).jobId).toBe(jobId);
      await core.jobs.idle();
      expect(core.jobs.get(jobId)).toMatchObject({ status: 'done', done: stopped.length, total: stopped.length });
      expect(jobResult(core, jobId)?.drafted).toBe(stopped.length - done.length);
      const finished = campaignMessages(core, made.campaignId);
      expect(finished.every((m) => m.body !== null)).toBe(true);
      const byId = new Map(finished.map((m) => [m.id, m]));
      for (const m of done) expect(byId.get(m.id)).toMatchObject({ body: m.body, madeBy: m.madeBy });
    }, 180_000);
  });
});

describe('campaign targets', () => {
  let env: ReturnType<typeof tempCore>;
  beforeAll(() => {
    env = tempCore({ noResume: true });
  });
  afterAll(() => env.cleanup());

  it(`refuses a list of more than ${CAMPAIGN_MAX_CUSTOMERS} customers, naming the count, and stores nothing`, () => {
    const { sqlite } = env.core;
    const add = sqlite.prepare(`INSERT INTO customers (name, email, email_norm, consent_email, language) VALUES (?, ?, ?, 1, 'en')`);
    sqlite.transaction(() => {
      for (let i = 0; i < 512; i++) add.run(`Customer ${i}`, `c${i}@example.com`, `c${i}@example.com`);
    })();
    const { id: listId } = createList(sqlite, { name: 'Everyone', filter: { match: 'all', conditions: [] } });
    expect(errorOf(() => createCampaign(env.core, { name: 'Too many', purpose: 'campaign', target: { kind: 'list', listId }, brief: 'Hello', tone: 'warm' }))).toMatchObject({ code: 'campaign_too_large', params: { count: 512, max: CAMPAIGN_MAX_CUSTOMERS } });
    expect(sqlite.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(0);
    expect(sqlite.prepare(`SELECT count(*) FROM jobs WHERE kind = ?`).pluck().get(CAMPAIGN_JOB_KIND)).toBe(0);
  });

  it('refuses a customer who cannot be written to, and reaches one who can on their channel with the brief', async () => {
    const nobody = createCustomer(env.core.sqlite, { name: '赵敏', phone: '13800138000', language: 'zh' });
    expect(errorOf(() => createCampaign(env.core, { name: 'x', purpose: 'winback', target: { kind: 'customer', customerId: nobody.id }, brief: '', tone: 'warm' }))).toMatchObject({
      code: 'campaign_empty',
      params: { leftOut: 1 },
    });
    const zhou = createCustomer(env.core.sqlite, { name: '周杰', phone: '13900139000', language: 'zh', consentSms: true });
    const brief = '春季新茶已经上市，欢迎到店品尝。';
    const made = createCampaign(env.core, { name: 'y', purpose: 'campaign', target: { kind: 'customer', customerId: zhou.id }, brief, tone: 'formal' });
    expect(made).toMatchObject({ customers: 1, leftOut: 0 });
    await env.core.jobs.idle();
    const [m] = campaignMessages(env.core, made.campaignId);
    expect(m).toMatchObject({ customerName: '周杰', language: 'zh', channel: 'sms', madeBy: 'template' });
    expectInLanguage(env.core, m);
    // Without a model, the owner's brief is said as written.
    expect(m.body).toContain(brief);
  });

  it('takes the language a customer was stored with in any form: zh_CN is Chinese', async () => {
    const li = createCustomer(env.core.sqlite, { name: 'Li Wei', email: 'li.wei@example.com', consentEmail: true });
    // As an older version or another tool may have written it.
    env.core.sqlite.prepare(`UPDATE customers SET language = 'zh_CN' WHERE id = ?`).run(li.id);
    const made = createCampaign(env.core, { name: 'zh', purpose: 'winback', target: { kind: 'customer', customerId: li.id }, brief: '', tone: 'warm' });
    await env.core.jobs.idle();
    const [m] = campaignMessages(env.core, made.campaignId);
    expect(m).toMatchObject({ language: 'zh', madeBy: 'template' });
    expect(m.body).toMatch(HAN);
  });

  it('uses the shop facts: the model is told them, the template signs with the shop\u2019s name, and the checks accept what they state', async () => {
    const { sqlite, db } = env.core;
    saveShopFacts(sqlite, db, { ...EMPTY_SHOP_FACTS, name: 'Cloud Leaf', offers: '10% off all oolong until 30 June.' });
    const system = campaignSystem('campaign', 'warm', 'New oolong is in.', writtenFacts(getShopFacts(db)));
    expect(system).toContain('from a small shop (Cloud Leaf)');
    expect(system).toContain('- Current offers: 10% off all oolong until 30 June.');
    const ada = createCustomer(sqlite, { name: 'Ada Moss', email: 'ada@example.com', language: 'en', consentEmail: true });
    const made = createCampaign(env.core, { name: 'Oolong', purpose: 'campaign', target: { kind: 'customer', customerId: ada.id }, brief: 'New oolong is in.', tone: 'warm' });
    await env.core.jobs.idle();
    const [m] = campaignMessages(env.core, made.campaignId);
    expect(m.body).toMatch(/Warm wishes,\nCloud Leaf$/);
    // The offer as the facts state it passes; one they do not state is flagged.
    const edited = reviewMessage(env.core, { id: m.id, body: 'Hi Ada, new oolong is in, and all oolong is 10% off until 30 June. Cloud Leaf' });
    expect(edited.checks.find((c) => c.check === 'facts')).toMatchObject({ ok: true });
    const invented = reviewMessage(env.core, { id: m.id, body: 'Hi Ada, new oolong is in, and all oolong is 20% off until 30 June. Cloud Leaf' });
    expect(invented.checks.find((c) => c.check === 'facts')).toMatchObject({ ok: false, params: { unknown: ['20'] } });
    saveShopFacts(sqlite, db, EMPTY_SHOP_FACTS);
  });

  it(`takes a brief of at most ${BRIEF_MAX_CHARS} characters, which a text message says whole with a long name and sign-off`, async () => {
    const { sqlite, db } = env.core;
    const api = patronRouter.createCaller({ core: env.core });
    const bo = createCustomer(sqlite, { name: 'Bartholomew Alexander Fitzgerald-Montgomery', phone: '+44 7700 900123', language: 'en', consentSms: true });
    const target = { kind: 'customer' as const, customerId: bo.id };
    await expect(api.campaigns.create({ name: 'Too long', purpose: 'campaign', target, brief: 'x'.repeat(BRIEF_MAX_CHARS + 1) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    saveShopFacts(sqlite, db, { ...EMPTY_SHOP_FACTS, name: 'The Cloud Leaf Tea House and Porcelain Gallery of Shanghai Road' });
    const brief = 'New spring teas are in. '.repeat(20).slice(0, BRIEF_MAX_CHARS);
    for (const tone of TONES) {
      const made = await api.campaigns.create({ name: tone, purpose: 'campaign', target, brief, tone });
      await env.core.jobs.idle();
      const [m] = campaignMessages(env.core, made.campaignId);
      expect(m.channel).toBe('sms');
      expect(m.body).toContain(brief.trim());
      expect(m.checks.find((c) => c.check === 'length'), tone).toMatchObject({ ok: true });
    }
    saveShopFacts(sqlite, db, EMPTY_SHOP_FACTS);
  });
});
