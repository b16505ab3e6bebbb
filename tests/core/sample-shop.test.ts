// The sample shop: what a demo relies on (a believable shop in two languages), and what the job
// system promises (same seed, same shop; resume after shutdown; cancel leaves nothing).
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/service';
import { removeSampleData, SAMPLE_JOB_KIND, type SampleSummary } from '../../src-main/core/sample/sample-job';
import { tagCustomer } from '../../src-main/core/tags/service';
import { search } from '../../src-main/core/search/service';
import { openCore, tempDir } from './temp-core';

const DAY = 86_400_000;
/** A fixed "now" so the data set, and what the test expects of it, never drift. */
const ANCHOR = Date.UTC(2026, 2, 1, 6, 30);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function freshCore(): { core: Core; dir: string } {
  const dir = tempDir('patron-sample-');
  const core = openCore(dir);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => core.close());
  return { core, dir };
}

async function load(core: Core, input: Record<string, unknown>) {
  const id = core.jobs.start(SAMPLE_JOB_KIND, input);
  await core.jobs.idle();
  return core.jobs.get(id);
}

/** Waits (yielding to the job between its steps) until the job has committed `done` customers. */
async function untilDone(core: Core, id: number, done: number): Promise<void> {
  for (let i = 0; i < 100_000 && core.jobs.get(id).done < done; i++) await new Promise((r) => setImmediate(r));
}

const all = <T>(sqlite: Database.Database, sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
const one = (sqlite: Database.Database, sql: string, ...params: unknown[]) => sqlite.prepare(sql).pluck().get(...params) as number;

/** A hash of everything a user sees of the sample shop, independent of row ids. */
function fingerprint(sqlite: Database.Database): string {
  const parts = [
    `SELECT sku, name, category, price_cents FROM products WHERE source = 'sample' ORDER BY sku`,
    `SELECT c.name, c.email, c.phone, c.city, c.country, c.language, c.consent_email, c.consent_sms, c.consent_wechat,
            c.total_spent_cents, c.order_count, c.first_order_at, c.last_order_at, c.created_at, co.name
     FROM customers c LEFT JOIN companies co ON co.id = c.company_id WHERE c.source = 'sample' ORDER BY c.email`,
    `SELECT o.order_no, o.ordered_at, o.status, o.channel, o.total_cents, c.email FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.order_no`,
    `SELECT o.order_no, i.product_name, i.quantity, i.unit_price_cents, p.sku FROM order_items i JOIN orders o ON o.id = i.order_id
     LEFT JOIN products p ON p.id = i.product_id ORDER BY o.order_no, i.product_name`,
    `SELECT c.email, i.channel, i.direction, i.language, i.subject, i.body, i.occurred_at, i.handled FROM interactions i
     JOIN customers c ON c.id = i.customer_id ORDER BY c.email, i.occurred_at, i.body`,
    `SELECT c.email, f.kind, p.sku, f.rating, f.nps, f.body, f.occurred_at FROM feedback f JOIN customers c ON c.id = f.customer_id
     LEFT JOIN products p ON p.id = f.product_id ORDER BY c.email, f.occurred_at, f.kind`,
    `SELECT c.email, t.title, t.due_at, t.done_at FROM tasks t JOIN customers c ON c.id = t.customer_id ORDER BY c.email, t.title, t.due_at`,
    `SELECT c.email, n.body, n.created_at FROM notes n JOIN customers c ON c.id = n.customer_id ORDER BY c.email, n.created_at`,
    `SELECT c.email, t.name FROM customer_tags ct JOIN customers c ON c.id = ct.customer_id JOIN tags t ON t.id = ct.tag_id ORDER BY c.email, t.name`,
  ];
  const h = createHash('sha256');
  for (const sql of parts) h.update(JSON.stringify(sqlite.prepare(sql).raw().all()));
  return h.digest('hex');
}

describe('sample shop', () => {
  it('loads a believable two-language shop of 2,000 customers over three years', async () => {
    const { core } = freshCore();
    const { sqlite } = core;
    // How long it takes is measured by `npm run bench -- sample`, not asserted here.
    const job = await load(core, { seed: 42, customers: 2000, anchor: ANCHOR });
    expect(job.status).toBe('done');
    const summary = job.result as SampleSummary;

    // The summary tells the truth.
    expect(summary).toEqual({
      customers: one(sqlite, `SELECT count(*) FROM customers WHERE source = 'sample'`),
      products: one(sqlite, `SELECT count(*) FROM products WHERE source = 'sample'`),
      orders: one(sqlite, 'SELECT count(*) FROM orders'),
      interactions: one(sqlite, 'SELECT count(*) FROM interactions'),
      feedback: one(sqlite, 'SELECT count(*) FROM feedback'),
      tasks: one(sqlite, 'SELECT count(*) FROM tasks'),
    });
    expect(summary.customers).toBe(2000);
    expect(summary.products).toBe(300);
    expect(summary.orders).toBeGreaterThan(8000);
    // Roughly 3 to 8 messages per customer.
    expect(summary.interactions / summary.customers).toBeGreaterThan(3);
    expect(summary.interactions / summary.customers).toBeLessThan(10);

    // Customers: mixed Chinese and English names, cities in China and elsewhere, unique contacts.
    const people = all<{ name: string; language: string; city: string; phone: string; email: string }>(sqlite, 'SELECT name, language, city, phone, email FROM customers');
    const chinese = people.filter((p) => /^\p{Script=Han}{2,4}$/u.test(p.name));
    const english = people.filter((p) => /^[A-Z][a-z]+ [A-Z][A-Za-z']+$/.test(p.name));
    expect(chinese.length / people.length).toBeGreaterThan(0.5);
    expect(chinese.length / people.length).toBeLessThan(0.7);
    expect(english.length / people.length).toBeGreaterThan(0.3);
    expect(chinese.length + english.length).toBe(people.length);
    expect(chinese.every((p) => p.language === 'zh' && p.phone.startsWith('+86 1'))).toBe(true);
    expect(english.every((p) => p.language === 'en')).toBe(true);
    const cities = new Set(people.map((p) => p.city));
    for (const c of ['上海', '北京', '深圳', 'London', 'Singapore', 'Hong Kong']) expect(cities).toContain(c);
    expect(one(sqlite, 'SELECT count(DISTINCT email_norm) FROM customers')).toBe(2000);
    expect(one(sqlite, 'SELECT count(DISTINCT phone_norm) FROM customers')).toBe(2000);
    expect(one(sqlite, 'SELECT count(*) FROM customers WHERE company_id IS NOT NULL')).toBeGreaterThan(50);
    expect(one(sqlite, 'SELECT count(*) FROM customers WHERE consent_email = 1')).toBeGreaterThan(200);
    expect(one(sqlite, 'SELECT count(*) FROM customers WHERE consent_wechat = 0')).toBeGreaterThan(200);

    // Products: 300 in ten categories, unique SKUs, bilingual names.
    expect(one(sqlite, 'SELECT count(DISTINCT sku) FROM products')).toBe(300);
    expect(one(sqlite, 'SELECT count(DISTINCT category) FROM products')).toBe(10);
    expect(one(sqlite, `SELECT count(*) FROM products WHERE name LIKE 'Longjing Green Tea 龙井绿茶%'`)).toBeGreaterThan(0);

    // Orders: three years up to the anchor, totals that add up, some refunds and cancellations.
    const span = sqlite.prepare('SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders').get() as { first: number; last: number };
    expect(ANCHOR - span.first).toBeGreaterThan(3 * 365 * DAY - 20 * DAY);
    expect(ANCHOR - span.first).toBeLessThanOrEqual(3 * 365 * DAY + DAY);
    expect(span.last).toBeLessThanOrEqual(ANCHOR);
    expect(ANCHOR - span.last).toBeLessThan(2 * DAY);
    expect(one(sqlite, `SELECT count(*) FROM orders o WHERE total_cents != (SELECT sum(quantity * unit_price_cents) FROM order_items i WHERE i.order_id = o.id)`)).toBe(0);
    expect(one(sqlite, `SELECT count(*) FROM orders WHERE status = 'refunded'`)).toBeGreaterThan(20);
    expect(one(sqlite, `SELECT count(*) FROM orders WHERE status = 'cancelled'`)).toBeGreaterThan(20);
    expect(one(sqlite, 'SELECT max(n) FROM (SELECT count(*) AS n FROM order_items GROUP BY order_id)')).toBe(4);

    // Seasonality: November (Double 11) sells more than the average month.
    const months = all<{ m: string; rev: number }>(
      sqlite,
      `SELECT strftime('%Y-%m', ordered_at / 1000, 'unixepoch') AS m, sum(total_cents) AS rev FROM orders
       WHERE status = 'paid' AND ordered_at >= ? AND ordered_at < ? GROUP BY m`,
      Date.UTC(2023, 3, 1), Date.UTC(2026, 1, 1),
    );
    expect(months.length).toBe(34);
    const mean = months.reduce((s, r) => s + r.rev, 0) / months.length;
    const novembers = months.filter((r) => r.m.endsWith('-11'));
    expect(novembers.length).toBe(3);
    for (const nov of novembers) expect(nov.rev).toBeGreaterThan(mean);
    expect(novembers.reduce((s, r) => s + r.rev, 0) / novembers.length).toBeGreaterThan(mean * 1.3);
    // ...and the Chinese New Year run-up and Mid-Autumn are busier than summer.
    const avgOf = (suffix: string) => months.filter((r) => r.m.endsWith(suffix)).reduce((s, r, _, a) => s + r.rev / a.length, 0);
    expect(avgOf('-01')).toBeGreaterThan(avgOf('-07'));
    expect(avgOf('-09')).toBeGreaterThan(avgOf('-07'));

    // Metrics are current, and both lapsed and recent customers are there to find.
    expect(one(sqlite, `SELECT count(*) FROM customers c WHERE order_count != (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.status = 'paid')`)).toBe(0);
    const churned = one(sqlite, 'SELECT count(*) FROM customers WHERE last_order_at < ?', ANCHOR - 180 * DAY);
    const recent = one(sqlite, 'SELECT count(*) FROM customers WHERE last_order_at > ?', ANCHOR - 30 * DAY);
    expect(churned).toBeGreaterThan(200);
    expect(recent).toBeGreaterThan(200);
    expect(one(sqlite, 'SELECT count(*) FROM customers WHERE first_order_at > ?', ANCHOR - 90 * DAY)).toBeGreaterThan(50);

    // Messages in both languages, with real praise and real complaints, some still open.
    const count = (where: string) => one(sqlite, `SELECT count(*) FROM interactions WHERE ${where}`);
    expect(count(`language = 'zh' AND direction = 'inbound'`)).toBeGreaterThan(500);
    expect(count(`language = 'en' AND direction = 'inbound'`)).toBeGreaterThan(300);
    expect(count(`direction = 'outbound'`)).toBeGreaterThan(1000);
    for (const word of ['发票', '退货', '物流', '快递', '退款', '包装', '质量', '好评', 'refund', 'delivery', 'invoice', 'damaged', 'wonderful']) {
      expect(count(`direction = 'inbound' AND body LIKE '%${word}%'`), word).toBeGreaterThan(0);
    }
    expect(count(`channel = 'wechat' AND language = 'zh'`)).toBeGreaterThan(count(`channel = 'email' AND language = 'zh'`));
    expect(count(`channel = 'email' AND language = 'en'`)).toBeGreaterThan(count(`channel = 'wechat' AND language = 'en'`));
    expect(count(`body LIKE '%{%'`)).toBe(0);
    const open = count(`direction = 'inbound' AND handled = 0 AND occurred_at > ${ANCHOR - 14 * DAY}`);
    expect(open).toBeGreaterThan(10);
    expect(count(`direction = 'inbound' AND handled = 1 AND occurred_at > ${ANCHOR - 14 * DAY}`)).toBeGreaterThan(10);
    expect(count(`occurred_at > ${ANCHOR}`)).toBe(0);

    // Feedback: ratings that match the words, reviews of things the customer bought, NPS 0 to 10.
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'review' AND rating = 5`)).toBeGreaterThan(50);
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'review' AND rating <= 2`)).toBeGreaterThan(20);
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'review' AND rating = 1 AND (body LIKE '%refund%' OR body LIKE '%退款%')`)).toBeGreaterThan(0);
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'review' AND rating >= 4 AND (body LIKE '%refund%' OR body LIKE '%退款%')`)).toBe(0);
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'complaint'`)).toBeGreaterThan(20);
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'survey' AND nps BETWEEN 0 AND 10`)).toBeGreaterThan(50);
    expect(one(sqlite, `SELECT count(*) FROM feedback WHERE kind = 'survey' AND nps <= 6`)).toBeGreaterThan(5);
    expect(
      one(sqlite, `SELECT count(*) FROM feedback f WHERE kind = 'review' AND NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE o.customer_id = f.customer_id AND i.product_id = f.product_id)`),
    ).toBe(0);

    // Tasks: open follow-ups, some overdue, some coming up; done ones too. Notes and tags.
    expect(one(sqlite, 'SELECT count(*) FROM tasks WHERE done_at IS NULL AND due_at < ?', ANCHOR)).toBeGreaterThan(5);
    expect(one(sqlite, 'SELECT count(*) FROM tasks WHERE done_at IS NULL AND due_at BETWEEN ? AND ?', ANCHOR, ANCHOR + 14 * DAY)).toBeGreaterThan(5);
    expect(one(sqlite, 'SELECT count(*) FROM tasks WHERE done_at IS NOT NULL')).toBeGreaterThan(20);
    expect(one(sqlite, 'SELECT count(*) FROM notes')).toBeGreaterThan(200);
    const tagged = all<{ name: string; n: number }>(sqlite, 'SELECT t.name, count(*) AS n FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id GROUP BY t.name');
    expect(tagged.find((t) => t.name === 'VIP')?.n).toBeGreaterThan(20);
    expect(tagged.find((t) => t.name === '老客户')?.n).toBeGreaterThan(20);

    // Everything is searchable, in Chinese down to one character.
    expect(one(sqlite, 'SELECT count(*) FROM customers_fts')).toBe(2000);
    expect(one(sqlite, 'SELECT count(*) FROM interactions_fts')).toBe(summary.interactions);
    const wang = search(sqlite, '王', 50);
    expect(wang.customers.length).toBeGreaterThan(10);
    expect(wang.customers.every((c) => c.name.includes('王'))).toBe(true);
    const logistics = search(sqlite, '物流', 20);
    expect(logistics.interactions.length).toBeGreaterThan(5);
    expect(logistics.interactions.every((i) => i.body.includes('物流'))).toBe(true);
    expect(search(sqlite, 'refund', 5).interactions.length).toBe(5);
    expect(search(sqlite, 'VIP', 5).customers.length).toBe(5);
    expect(search(sqlite, 'London', 5).customers.every((c) => c.city === 'London')).toBe(true);
  });

  it('gives the same shop for the same seed and anchor, and another for another seed', async () => {
    const a = freshCore();
    const b = freshCore();
    const c = freshCore();
    await load(a.core, { seed: 7, customers: 300, anchor: ANCHOR });
    await load(b.core, { seed: 7, customers: 300, anchor: ANCHOR });
    await load(c.core, { seed: 8, customers: 300, anchor: ANCHOR });
    expect(fingerprint(a.core.sqlite)).toBe(fingerprint(b.core.sqlite));
    expect(fingerprint(a.core.sqlite)).not.toBe(fingerprint(c.core.sqlite));
  });

  it('resumes after a shutdown mid-job and ends with exactly the uninterrupted shop', async () => {
    const reference = freshCore();
    const whole = await load(reference.core, { seed: 3, customers: 500, anchor: ANCHOR });

    const dir = tempDir('patron-sample-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = openCore(dir);
    const id = first.jobs.start(SAMPLE_JOB_KIND, { seed: 3, customers: 500, anchor: ANCHOR });
    await untilDone(first, id, 200);
    await first.close();

    // Half-way: committed chunks only, and the job waiting to resume.
    const peek = openCore(dir, { noResume: true });
    const written = one(peek.sqlite, `SELECT count(*) FROM customers WHERE source = 'sample'`);
    expect(written).toBeGreaterThanOrEqual(200);
    expect(written).toBeLessThan(500);
    expect(written % 100).toBe(0);
    expect(peek.jobs.get(id).status).toBe('running');
    await peek.close();

    const second = openCore(dir);
    cleanups.push(() => second.close());
    await second.jobs.idle();
    const resumed = second.jobs.get(id);
    expect(resumed.status).toBe('done');
    expect(resumed.result).toEqual(whole.result);
    expect(one(second.sqlite, `SELECT count(*) FROM customers WHERE source = 'sample'`)).toBe(500);
    expect(one(second.sqlite, 'SELECT count(DISTINCT email) FROM customers')).toBe(500);
    expect(fingerprint(second.sqlite)).toBe(fingerprint(reference.core.sqlite));
  });

  it('cancelling mid-run removes everything it wrote and leaves the user’s own data', async () => {
    const { core } = freshCore();
    const { sqlite } = core;
    sqlite.prepare(`INSERT INTO customers (name, email, email_norm) VALUES ('My Customer', 'me@example.com', 'me@example.com')`).run();
    sqlite.prepare(`INSERT INTO products (sku, name, category, price_cents) VALUES ('MINE-1', 'My product', 'Mine', 1000)`).run();
    const id = core.jobs.start(SAMPLE_JOB_KIND, { seed: 5, customers: 500, anchor: ANCHOR });
    await untilDone(core, id, 100);
    expect(one(sqlite, `SELECT count(*) FROM customers WHERE source = 'sample'`)).toBeGreaterThan(0);
    await core.jobs.cancel(id);
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('cancelled');
    expect(one(sqlite, `SELECT count(*) FROM customers WHERE source = 'sample'`)).toBe(0);
    expect(one(sqlite, `SELECT count(*) FROM products WHERE source = 'sample'`)).toBe(0);
    for (const table of ['orders', 'order_items', 'interactions', 'feedback', 'tasks', 'notes', 'customer_tags', 'tags', 'companies', 'interactions_fts']) {
      expect(one(sqlite, `SELECT count(*) FROM ${table}`), table).toBe(0);
    }
    expect(one(sqlite, 'SELECT count(*) FROM customers')).toBe(1);
    expect(one(sqlite, 'SELECT count(*) FROM products')).toBe(1);
  });

  it('loading again replaces the earlier sample shop instead of doubling it', async () => {
    const { core } = freshCore();
    expect((await load(core, { seed: 1, customers: 100, anchor: ANCHOR })).status).toBe('done');
    const again = await load(core, { seed: 1, customers: 100 });
    expect(again.status).toBe('done');
    expect(one(core.sqlite, `SELECT count(*) FROM customers WHERE source = 'sample'`)).toBe(100);
    expect(one(core.sqlite, `SELECT count(*) FROM products WHERE source = 'sample'`)).toBe(300);
    expect(one(core.sqlite, 'SELECT count(*) FROM customers_fts')).toBe(100);
    // Without a pinned anchor the shop ends today.
    const last = one(core.sqlite, 'SELECT max(ordered_at) FROM orders');
    expect(last).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - last).toBeLessThan(30 * DAY);
  });

  it('removing sample data keeps the person’s own customers, tags and companies, even unused ones', async () => {
    const { core } = freshCore();
    const { sqlite } = core;
    const mine = createCustomer(sqlite, { name: 'Zhou Min', company: 'My Own Co' }).id;
    tagCustomer(sqlite, mine, 'VIP');
    sqlite.prepare(`INSERT INTO tags (name) VALUES ('Unused tag of mine')`).run();
    sqlite.prepare(`INSERT INTO companies (name) VALUES ('Prospect Ltd')`).run();
    expect((await load(core, { seed: 3, customers: 200, anchor: ANCHOR })).status).toBe('done');
    expect(one(sqlite, `SELECT count(*) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = 'VIP'`)).toBeGreaterThan(1);
    const removed = removeSampleData(sqlite);
    expect(removed.customers).toBe(200);
    const tags = all<{ name: string }>(sqlite, 'SELECT name FROM tags ORDER BY name').map((t) => t.name);
    expect(tags).toEqual(['Unused tag of mine', 'VIP']);
    const companies = all<{ name: string }>(sqlite, 'SELECT name FROM companies ORDER BY name').map((c) => c.name);
    expect(companies).toEqual(['My Own Co', 'Prospect Ltd']);
    expect(one(sqlite, 'SELECT count(*) FROM customers')).toBe(1);
  });
});
