// The dashboard's numbers on a real SQLite file with hand-made orders: week and month buckets (in
// local time, clipped to the range), the same bucket a year earlier, new against returning
// customers, refunded orders left out, NPS arithmetic, best sellers and categories, customers
// needing attention, and answers that follow a write.
import { describe, expect, it } from 'vitest';
import { intervals, yearEarlier } from '../../src-main/core/dashboard/buckets';
import { npsOf } from '../../src-main/core/dashboard/satisfaction';
import { patronRouter } from '../../src-main/core/router';
import { freshCores } from './temp-core';

const fresh = freshCores();
// Local times, so the test reads the same in any time zone (buckets are local days).
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

async function shop() {
  const env = fresh();
  const api = patronRouter.createCaller({ core: env.core });
  const sqlite = env.core.sqlite;
  const pA = Number(sqlite.prepare("INSERT INTO products (sku, name, category, price_cents) VALUES ('A', 'Green tea', 'Tea', 5000)").run().lastInsertRowid);
  const pB = Number(sqlite.prepare("INSERT INTO products (sku, name, category, price_cents) VALUES ('B', 'Teapot', 'Teaware', 20000)").run().lastInsertRowid);
  const ann = (await api.customers.create({ name: 'Ann' })).id;
  const bob = (await api.customers.create({ name: 'Bob' })).id;
  const cid = (await api.customers.create({ name: 'Cid' })).id;
  let n = 0;
  const order = (customerId: number, orderedAt: number, lines: { productId: number; quantity: number; unitPriceCents: number }[], status: 'paid' | 'refunded' = 'paid') =>
    api.orders.add({ customerId, orderNo: `T-${++n}`, orderedAt, status, lines: lines.map((l) => ({ ...l, name: l.productId === pA ? 'Green tea' : 'Teapot' })) });
  // Ann: a customer since March 2023, back in March 2024.
  await order(ann, at(2023, 3, 10), [{ productId: pA, quantity: 8, unitPriceCents: 5000 }]); // 40,000
  await order(ann, at(2024, 3, 5), [{ productId: pB, quantity: 1, unitPriceCents: 20000 }, { productId: pA, quantity: 2, unitPriceCents: 5000 }]); // 30,000
  // Bob: first order in March 2024, again in April.
  await order(bob, at(2024, 3, 20), [{ productId: pA, quantity: 1, unitPriceCents: 5000 }]); // 5,000
  await order(bob, at(2024, 4, 2), [{ productId: pA, quantity: 4, unitPriceCents: 5000 }]); // 20,000
  // Cid: only a refunded order, which counts nowhere.
  await order(cid, at(2024, 3, 25), [{ productId: pB, quantity: 5, unitPriceCents: 20000 }], 'refunded');
  return { env, api, sqlite, ann, bob, cid, pA, pB, order };
}

describe('revenue by month', () => {
  it('sums paid orders per month in the shop currency, with the same month a year earlier beside it', async () => {
    const { api } = await shop();
    const r = await api.dashboard.revenue({ bucket: 'month', from: at(2024, 3, 1, 0), to: at(2024, 5, 1, 0) });
    expect(r.points.map((p) => p.period)).toEqual(['2024-03-01', '2024-04-01']);
    const [mar, apr] = r.points;
    expect(mar).toMatchObject({ revenueCents: 35_000, orders: 2, prevRevenueCents: 40_000, prevOrders: 1 });
    expect(apr).toMatchObject({ revenueCents: 20_000, orders: 1, prevRevenueCents: 0, prevOrders: 0 });
    // Orders: Ann had bought before (returning), Bob's first order ever (new); Cid's refund makes no customer.
    expect(mar).toMatchObject({ newCustomers: 1, returningOrders: 1 });
    // Bob's second order: from a customer who had bought before.
    expect(apr).toMatchObject({ newCustomers: 0, returningOrders: 1 });
    expect(r.totals).toMatchObject({ revenueCents: 55_000, orders: 3, newCustomers: 1, prevRevenueCents: 40_000, unconverted: 0 });
    // The two months before: nothing.
    expect(r.before).toMatchObject({ revenueCents: 0, orders: 0, newCustomers: 0 });
  });

  it('clips the first and last bucket to the range, so the points add up to the totals', async () => {
    const { api, sqlite } = await shop();
    const from = at(2024, 3, 10, 0);
    const to = at(2024, 4, 1, 0);
    const r = await api.dashboard.revenue({ bucket: 'month', from, to });
    expect(r.points).toHaveLength(1);
    expect(r.points[0]).toMatchObject({ period: '2024-03-01', revenueCents: 5_000, orders: 1, newCustomers: 1, returningOrders: 0 });
    const sql = sqlite.prepare("SELECT sum(total_cents) FROM orders WHERE status = 'paid' AND ordered_at >= ? AND ordered_at < ?").pluck().get(from, to);
    expect(r.totals.revenueCents).toBe(sql);
  });

  it('compares the KPI totals with the period of the same length just before', async () => {
    const { api } = await shop();
    const r = await api.dashboard.revenue({ bucket: 'month', from: at(2024, 4, 1, 0), to: at(2024, 5, 1, 0) });
    expect(r.totals).toMatchObject({ revenueCents: 20_000, orders: 1, newCustomers: 0 });
    // 30 days before 1 April: 2 March – 1 April holds Ann's and Bob's March orders; Bob was new then.
    expect(r.before).toMatchObject({ revenueCents: 35_000, orders: 2, newCustomers: 1 });
  });

  it('follows a write: a new order shows at once (its day is added in the write)', async () => {
    const { api, bob, pB, order } = await shop();
    const input = { bucket: 'month' as const, from: at(2024, 4, 1, 0), to: at(2024, 5, 1, 0) };
    expect((await api.dashboard.revenue(input)).totals.revenueCents).toBe(20_000);
    await order(bob, at(2024, 4, 15), [{ productId: pB, quantity: 1, unitPriceCents: 20000 }]);
    expect((await api.dashboard.revenue(input)).totals.revenueCents).toBe(40_000);
  });
});

describe('revenue by week', () => {
  it('starts weeks on Monday and lines each up with the week 52 weeks earlier (same weekdays)', async () => {
    const { api, ann, pA, order } = await shop();
    // Sunday 10 March 2024 belongs to the week of Monday 4 March.
    await order(ann, at(2024, 3, 10), [{ productId: pA, quantity: 1, unitPriceCents: 1000 }]);
    // 364 days before Tuesday 5 March 2024 is Tuesday 7 March 2023: the same week a year earlier.
    await order(ann, at(2023, 3, 7), [{ productId: pA, quantity: 1, unitPriceCents: 700 }]);
    const r = await api.dashboard.revenue({ bucket: 'week', from: at(2024, 3, 4, 0), to: at(2024, 3, 18, 0) });
    expect(r.points.map((p) => p.period)).toEqual(['2024-03-04', '2024-03-11']);
    // Ann's 10 March 2023 order falls in that earlier week too (Monday 6 March 2023 + 364 days = 4 March 2024).
    expect(r.points[0]).toMatchObject({ revenueCents: 31_000, orders: 2, prevRevenueCents: 40_700, prevOrders: 2 });
    expect(r.points[1]).toMatchObject({ revenueCents: 0, orders: 0 });
  });

  it('cuts buckets and the year-earlier shift in local days', () => {
    const list = intervals('week', at(2024, 2, 28, 0), at(2024, 3, 12, 0));
    expect(list.map((b) => b.period)).toEqual(['2024-02-26', '2024-03-04', '2024-03-11']);
    expect(list[0].from).toBe(at(2024, 2, 28, 0));
    expect(list[2].to).toBe(at(2024, 3, 12, 0));
    expect(new Date(yearEarlier(at(2024, 3, 4, 0), 'week')).getDay()).toBe(1);
    // 29 February a year back is the last day of February.
    expect(yearEarlier(at(2024, 2, 29, 0), 'month')).toBe(at(2023, 2, 28, 0));
  });
});

describe('best sellers', () => {
  it('ranks products by paid line revenue and shares out categories, refunds left out', async () => {
    const { api, pA, pB } = await shop();
    const r = await api.dashboard.products({ from: at(2024, 1, 1, 0), to: at(2025, 1, 1, 0), limit: 10 });
    // Green tea: 2×50 + 1×50 + 4×50 = 350.00; Teapot: 1×200 = 200.00 (Cid's refunded 5 teapots are not sales).
    expect(r.products.map((p) => [p.productId, p.revenueCents, p.quantity])).toEqual([
      [pA, 35_000, 7],
      [pB, 20_000, 1],
    ]);
    expect(r.products[0]).toMatchObject({ name: 'Green tea', category: 'Tea' });
    expect(r.totalCents).toBe(55_000);
    expect(r.categories.map((c) => [c.category, c.revenueCents])).toEqual([
      ['Tea', 35_000],
      ['Teaware', 20_000],
    ]);
    expect(r.categories[0].share).toBeCloseTo(35 / 55, 6);
    expect((await api.dashboard.products({ from: at(2024, 1, 1, 0), to: at(2025, 1, 1, 0), limit: 1 })).products).toHaveLength(1);
  });
});

describe('satisfaction', () => {
  it('computes NPS as % promoters (9–10) minus % detractors (0–6) and averages review ratings', async () => {
    const { env, ann } = await shop();
    const api = patronRouter.createCaller({ core: env.core });
    const ins = env.core.sqlite.prepare('INSERT INTO feedback (customer_id, kind, nps, rating, occurred_at) VALUES (?, ?, ?, ?, ?)');
    for (const score of [10, 9, 8, 7, 6, 0, 10]) ins.run(ann, 'survey', score, null, at(2024, 3, 15));
    for (const stars of [5, 4, 3]) ins.run(ann, 'review', null, stars, at(2024, 4, 15));
    ins.run(ann, 'survey', 0, null, at(2023, 3, 15)); // outside the range
    const r = await api.dashboard.satisfaction({ bucket: 'month', from: at(2024, 3, 1, 0), to: at(2024, 5, 1, 0) });
    expect(r.points[0]).toMatchObject({ period: '2024-03-01', responses: 7, promoters: 3, passives: 2, detractors: 2, nps: 14, reviews: 0, avgRating: null });
    expect(r.points[1]).toMatchObject({ period: '2024-04-01', responses: 0, nps: null, reviews: 3, avgRating: 4 });
    expect(r.totals).toMatchObject({ responses: 7, nps: 14, reviews: 3, avgRating: 4 });
  });

  it('NPS ranges over −100..100', () => {
    expect(npsOf(5, 0, 0)).toBe(100);
    expect(npsOf(0, 0, 4)).toBe(-100);
    expect(npsOf(1, 2, 1)).toBe(0);
    expect(npsOf(0, 0, 0)).toBeNull();
  });
});

describe('customers needing attention', () => {
  it('lists At Risk and Can’t Lose Them customers by spend, once a segments run exists', async () => {
    const { api, sqlite, ann, bob, cid } = await shop();
    expect(await api.dashboard.attention({ limit: 10 })).toMatchObject({ customers: [], hasRun: false });
    const run = Number(
      sqlite
        .prepare("INSERT INTO segment_runs (as_of, computed_at, customers, with_orders, orders, thresholds, model) VALUES (?, ?, 3, 2, 4, '{}', '{}')")
        .run(at(2024, 6, 1), Date.now()).lastInsertRowid,
    );
    const seg = sqlite.prepare('INSERT OR REPLACE INTO customer_segments (customer_id, run_id, segment, updated_at) VALUES (?, ?, ?, 0)');
    seg.run(ann, run, 'at_risk');
    seg.run(bob, run, 'cant_lose');
    seg.run(cid, run, 'champions');
    const r = await api.dashboard.attention({ limit: 10 });
    expect(r.hasRun).toBe(true);
    // Ann spent 700.00, Bob 250.00.
    expect(r.customers.map((c) => [c.name, c.segment, c.totalSpentCents, c.orderCount])).toEqual([
      ['Ann', 'at_risk', 70_000, 2],
      ['Bob', 'cant_lose', 25_000, 2],
    ]);
    expect(r.total).toEqual({ customers: 2, spentCents: 95_000 });
  });
});
