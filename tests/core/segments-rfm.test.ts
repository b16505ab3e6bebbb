// RFM on a small hand-checked base: quintile scores with ties (equal values, equal scores), the
// named segments, customers with no paid order in their own group, refunded orders and orders
// after the analysis date left out; and one order recorded through the write path moving a
// customer's segment without a new run.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { patronRouter } from '../../src-main/core/router';
import { recomputeCustomerMetrics } from '../../src-main/core/orders/metrics';
import { endOfDay } from '../../src-main/core/segments/analysis-date';
import { quintileCuts, scoreAbove } from '../../src-main/core/segments/rfm';
import { ruleName } from '../../src-main/core/segments/rule-names';
import { freshCores } from './temp-core';

const fresh = freshCores();
const DAY = 86_400_000;
const DATE = '2025-06-01';
const AS_OF = endOfDay(DATE);

/** name, days since the last paid order, paid orders, total spend (yuan). */
const BASE: [string, number, number, number][] = [
  ['A', 400, 1, 100],
  ['B', 10, 1, 100],
  ['C', 10, 1, 500],
  ['D', 200, 2, 300],
  ['E', 35, 2, 300],
  ['F', 90, 3, 900],
  ['G', 5, 4, 1200],
  ['H', 300, 4, 1200],
  ['I', 20, 8, 5000],
  ['J', 2, 10, 8000],
];

// Worked by hand with score = 1 + floor(5 × below / 10) = 1 + floor(below / 2):
//   F sorted 1 1 1 2 2 3 4 5 8 10 → 1:1 2:2 3:3 4:4 5:4 8:5 10:5
//   M sorted 100 100 300 300 500 900 1200 1200 5000 8000 → 100:1 300:2 500:3 900:3 1200:4 5000:5 8000:5
//   R (fewer days is better; "below" = customers with MORE days) → 400:1 10:4 200:2 35:3 90:2 5:5 300:1 20:3 2:5
const EXPECTED: Record<string, [number, number, number, string]> = {
  A: [1, 1, 1, 'lost'],
  B: [4, 1, 1, 'promising'],
  C: [4, 1, 3, 'potential_loyalists'],
  D: [2, 2, 2, 'hibernating'],
  E: [3, 2, 2, 'need_attention'],
  F: [2, 3, 3, 'at_risk'],
  G: [5, 4, 4, 'champions'],
  H: [1, 4, 4, 'at_risk'],
  I: [3, 5, 5, 'loyal'],
  J: [5, 5, 5, 'champions'],
};

function seed(sqlite: Database.Database): Map<string, number> {
  const ids = new Map<string, number>();
  const customer = sqlite.prepare(`INSERT INTO customers (name, created_at) VALUES (?, ?)`);
  const order = sqlite.prepare(`INSERT INTO orders (customer_id, order_no, ordered_at, status, total_cents, currency) VALUES (?, ?, ?, ?, ?, 'CNY')`);
  let no = 0;
  sqlite.transaction(() => {
    for (const name of [...BASE.map((b) => b[0]), 'K', 'L']) ids.set(name, Number(customer.run(name, AS_OF - 1000 * DAY).lastInsertRowid));
    for (const [name, days, n, yuan] of BASE) {
      const last = AS_OF - days * DAY - DAY / 2;
      for (let k = 0; k < n; k++) order.run(ids.get(name), `O${++no}`, last - k * 7 * DAY, 'paid', (yuan * 100) / n);
    }
    // Not counted: a refund (A), an order after the analysis date (J), a cancelled order (L, who stays without orders).
    order.run(ids.get('A'), `O${++no}`, AS_OF - DAY, 'refunded', 999_900);
    order.run(ids.get('J'), `O${++no}`, AS_OF + 3 * DAY, 'paid', 999_900);
    order.run(ids.get('L'), `O${++no}`, AS_OF - DAY, 'cancelled', 5_000);
  })();
  recomputeCustomerMetrics(sqlite);
  return ids;
}

type Row = { r: number | null; f: number | null; m: number | null; segment: string; cluster: number | null; run_id: number };
const rowOf = (sqlite: Database.Database, id: number | undefined) => sqlite.prepare('SELECT r, f, m, segment, cluster, run_id FROM customer_segments WHERE customer_id = ?').get(id) as Row;

describe('RFM', () => {
  it('scores quintiles with ties kept together', () => {
    const cuts = quintileCuts([1, 1, 1, 2, 2, 3, 4, 5, 8, 10]);
    expect([1, 2, 3, 4, 5, 8, 10].map((v) => scoreAbove(v, cuts))).toEqual([1, 2, 3, 4, 4, 5, 5]);
    // All equal: everyone gets the same (lowest) score.
    const same = quintileCuts([7, 7, 7, 7]);
    expect(scoreAbove(7, same)).toBe(1);
  });

  it('gives the hand-checked scores and segments, and no-order customers their own group', async () => {
    const { core } = fresh();
    const ids = seed(core.sqlite);
    const api = patronRouter.createCaller({ core });
    await api.segments.setAnalysisDate({ date: DATE });
    await core.jobs.idle();
    for (const [name, [r, f, m, segment]] of Object.entries(EXPECTED)) {
      expect({ name, ...rowOf(core.sqlite, ids.get(name)) }).toMatchObject({ name, r, f, m, segment });
    }
    for (const name of ['K', 'L']) expect(rowOf(core.sqlite, ids.get(name))).toMatchObject({ r: null, f: null, m: null, segment: 'no_orders', cluster: null });

    const overview = await api.segments.overview({});
    expect(overview.run).toMatchObject({ date: DATE, pinned: true, customers: 12, withOrders: 10, orders: 36 });
    expect(overview.stale).toBe(false);
    const count = (code: string) => overview.segments.find((s) => s.code === code)?.customers;
    expect([count('champions'), count('at_risk'), count('lost'), count('no_orders'), count('cant_lose')]).toEqual([2, 2, 1, 2, 0]);
    expect(overview.segments.map((s) => s.code)).toHaveLength(12);
    expect(overview.grid).toHaveLength(25);
    // J: R5 and FM5; G: R5 FM4.
    expect(overview.grid.find((c) => c.r === 5 && c.fm === 5)?.customers).toBe(1);
    expect(overview.grid.find((c) => c.r === 5 && c.fm === 4)?.customers).toBe(1);
    // Ten customers with orders: too few to cluster, said so.
    expect(overview.clustering?.reason.code).toBe('too_few_customers');
    expect(overview.clusters).toEqual([]);
    expect(await api.segments.customer({ customerId: ids.get('I') as number })).toMatchObject({ segment: 'loyal', r: 3, f: 5, m: 5, date: DATE });
  });

  it('moves one customer when an order is recorded, without a new run', async () => {
    const { core } = fresh();
    const ids = seed(core.sqlite);
    const api = patronRouter.createCaller({ core });
    await api.segments.setAnalysisDate({ date: DATE });
    await core.jobs.idle();
    const runs = () => core.sqlite.prepare('SELECT count(*) FROM segment_runs').pluck().get();
    const before = runs();
    const a = ids.get('A') as number;
    expect(rowOf(core.sqlite, a).segment).toBe('lost');
    const events: string[] = [];
    core.changes.on((e) => events.push(...e.changes.map((c) => `${c.type}:${c.op}:${c.customerIds.join(',')}`)));
    // A buys again the day before the date: R 5 (fewest days), F 2 (2 > 1), M 2 (200 > 100) → FM 2 → potential loyalist.
    await api.orders.add({ customerId: a, orderNo: 'NEW-1', orderedAt: AS_OF - DAY, lines: [{ name: 'Tea', quantity: 1, unitPriceCents: 10_000 }] });
    expect(rowOf(core.sqlite, a)).toMatchObject({ r: 5, f: 2, m: 2, segment: 'potential_loyalists' });
    expect(events).toContain(`segments:update:${a}`);
    await core.jobs.idle();
    expect(runs()).toBe(before);
    // The others are untouched: still one row each, from the same run.
    expect(core.sqlite.prepare('SELECT count(*) FROM customer_segments').pluck().get()).toBe(12);
    expect(rowOf(core.sqlite, ids.get('J'))).toMatchObject({ segment: 'champions' });
  });
});

describe('rule-based names', () => {
  it('names a cluster from its strongest features in English and Chinese', () => {
    const profile = {
      features: [
        { key: 'log_spend' as const, mean: 900_000, baseMean: 100_000, z: 1.8 },
        { key: 'orders' as const, mean: 3, baseMean: 3, z: 0.1 },
        { key: 'recency_days' as const, mean: 400, baseMean: 120, z: 1.2 },
        { key: 'aov' as const, mean: 30_000, baseMean: 30_000, z: 0 },
        { key: 'tenure_days' as const, mean: 500, baseMean: 480, z: 0.05 },
      ],
      topCategories: [],
    };
    expect(ruleName(profile, 'en').name).toBe('Big spenders, lapsed');
    expect(ruleName(profile, 'zh').name).toBe('高消费·久未回购');
    expect(ruleName(profile, 'en').description).toBe('They spend well above the average and have not bought for a long while.');
    // A name already given in the run is not given twice.
    const taken = new Set(['Big spenders, lapsed']);
    expect(ruleName(profile, 'en', taken).name).not.toBe('Big spenders, lapsed');
  });
});
