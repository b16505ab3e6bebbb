// The predictions job on the sample shop, as the app runs it (queued behind the segments run the
// sample's bulk write starts), with the analysis date pinned: every customer with a paid order is
// scored, one-purchase customers get no spend of their own, the churn risk beats recency on the
// shop's last 90 days, forecasts and bought-together rules are stored, the smart-list fields find
// the same people as the table, new CLV settings start a new run, and thin data shows no numbers.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { PREDICT_JOB_KIND } from '../../src-main/core/predict/recompute-job';
import { fitPhase } from '../../src-main/core/predict/recompute';
import { readHistory } from '../../src-main/core/predict/history';
import { churnSplit } from '../../src-main/core/predict/churn-split';
import { patronRouter } from '../../src-main/core/router';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { analysisAsOf } from '../../src-main/core/segments/analysis-date';
import { freshCores, tempCore } from './temp-core';

const DATE = '2026-03-01';
const ANCHOR = Date.UTC(2026, 2, 1, 6, 30);

describe('predictions on the sample shop', () => {
  let env: ReturnType<typeof tempCore>;
  let core: Core;
  let api: ReturnType<typeof patronRouter.createCaller>;
  beforeAll(async () => {
    env = tempCore({ noResume: true });
    core = env.core;
    api = patronRouter.createCaller({ core });
    await api.segments.setAnalysisDate({ date: DATE });
    core.jobs.start(SAMPLE_JOB_KIND, { seed: 5, customers: 1500, anchor: ANCHOR });
    await core.jobs.idle();
  }, 120_000);
  afterAll(() => env.cleanup());

  it('scores every customer with a paid order, as of the analysis date, saying what it rests on', async () => {
    const done = core.jobs.list().filter((j) => j.kind === PREDICT_JOB_KIND && j.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    const withOrders = core.sqlite.prepare(`SELECT count(DISTINCT customer_id) FROM orders WHERE status = 'paid' AND ordered_at < ?`).pluck().get(Date.UTC(2026, 2, 2)) as number;
    const o = await api.predictions.overview({});
    expect(o.run).toMatchObject({ date: DATE, customers: withOrders, horizonMonths: 12, discountRate: 0.1 });
    expect(o.run!.lastDay! <= DATE).toBe(true);
    expect(o.stale).toBe(false);
    expect(o.totals.customers).toBe(withOrders);
    expect(o.fits!.bgnbd!.converged).toBe(true);
    // The sample shop's customers all stop buying at about the same rate: b sits at its cap.
    expect(o.fits!.bgnbd!.dropoutAlike).toBe(true);
    expect(o.fits!.gg!.converged).toBe(true);
    expect(Number.isFinite(o.fits!.gg!.correlation)).toBe(true);
    expect(o.bands.reduce((n, b) => n + b.customers, 0)).toBe(withOrders);
    expect(o.totals.clvCents).toBeGreaterThan(0);
    // At risk: medium or high, most value at stake first, each with reasons in codes.
    expect(o.atRisk.length).toBeGreaterThan(0);
    for (const c of o.atRisk) expect(c.churnRisk).toBeGreaterThanOrEqual(0.4);
    for (let i = 1; i < o.atRisk.length; i++) expect(o.atRisk[i - 1].clvCents * o.atRisk[i - 1].churnRisk).toBeGreaterThanOrEqual(o.atRisk[i].clvCents * o.atRisk[i].churnRisk);
    expect(o.atRisk.some((c) => c.reasons.length > 0)).toBe(true);
    expect(o.bySegment.reduce((n, s) => n + s.customers, 0)).toBe(withOrders);
  });

  it('gives a one-purchase customer P(alive) and churn risk but no spend of their own', async () => {
    const one = core.sqlite.prepare('SELECT customer_id FROM customer_predictions WHERE purchases = 1 LIMIT 1').pluck().get() as number;
    const v = await api.predictions.customer({ customerId: one });
    expect(v.prediction).toMatchObject({ purchases: 1, expectedOrderCents: null, clvUsesAverageOrder: true, asOf: DATE });
    // The shop's own rhythm: twice its customers' usual gap, in whole weeks.
    expect(v.prediction!.churnPeriodDays % 7).toBe(0);
    expect(v.prediction!.pAlive).toBeGreaterThan(0);
    expect(v.prediction!.churnRisk).toBeGreaterThan(0);
    const many = core.sqlite.prepare('SELECT customer_id FROM customer_predictions WHERE purchases >= 5 ORDER BY churn_risk DESC LIMIT 1').pluck().get() as number;
    const m = await api.predictions.customer({ customerId: many });
    expect(m.prediction!.expectedOrderCents).toBeGreaterThan(0);
    expect(m.prediction!.firstDay < m.prediction!.lastDay).toBe(true);
    // A customer without paid orders: no numbers, and why.
    const none = core.sqlite.prepare('SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM customer_predictions) LIMIT 1').pluck().get() as number | undefined;
    if (none) expect((await api.predictions.customer({ customerId: none })).gap).toBe('no_orders');
  });

  it('ranks who leaves in the shop’s last 90 days better than recency alone', () => {
    const h = readHistory(core.sqlite, analysisAsOf(core.sqlite).asOf);
    const r = churnSplit(h, h.endDay - 90, 90)!;
    expect(r.model).toBe('logistic');
    expect(r.auc).toBeGreaterThan(r.recencyAuc);
  });

  it('stores forecasts by day, week and month, and bought-together rules', async () => {
    for (const period of ['day', 'week', 'month'] as const) {
      const f = (await api.predictions.forecast({ period })).forecast!;
      expect(f.reason).toBeNull();
      expect(f.model).toMatch(/ETS|constant/);
      expect(f.forecast.length).toBe({ day: 28, week: 13, month: 12 }[period]);
      expect(f.history.at(-1)!.date <= DATE).toBe(true);
      expect(f.forecast[0].date > f.history.at(-1)!.date).toBe(true);
      for (const p of f.forecast) expect(p.lower95 <= p.lower80 && p.lower80 <= p.upper80 && p.upper80 <= p.upper95).toBe(true);
    }
    const item = core.sqlite.prepare('SELECT lhs_item FROM product_rules WHERE lhs_item IS NOT NULL ORDER BY lift DESC LIMIT 1').pluck().get() as string;
    const also = await api.predictions.alsoBought({ item });
    expect(also.rules.length).toBeGreaterThan(0);
    expect(also.rules[0].lift).toBeGreaterThan(1);
    expect(also.name.length).toBeGreaterThan(0);
  });

  it('filters customers by churn risk and CLV as the table holds them', async () => {
    const filter = { match: 'all' as const, conditions: [{ field: 'churn_risk' as const, op: 'gte' as const, value: 50 }, { field: 'clv' as const, op: 'gt' as const, value: 100 }] };
    const count = await api.lists.count({ filter });
    const direct = core.sqlite.prepare('SELECT count(*) FROM customer_predictions WHERE churn_risk >= 0.5 AND clv_cents > 10000').pluck().get() as number;
    expect(count.count).toBe(direct);
    expect(direct).toBeGreaterThan(0);
  });

  it('starts a new run with the person’s CLV horizon and discount rate', async () => {
    const before = (await api.predictions.overview({})).totals.clvCents;
    await api.predictions.setSettings({ horizonMonths: 6, discountRate: 0.2 });
    await core.jobs.idle();
    const o = await api.predictions.overview({});
    expect(o.run).toMatchObject({ horizonMonths: 6, discountRate: 0.2 });
    expect(o.stale).toBe(false);
    expect(o.totals.clvCents).toBeLessThan(before);
    await expect(api.predictions.setSettings({ horizonMonths: 0, discountRate: 0.1 })).rejects.toThrow();
  });
});

describe('predictions on thin data', () => {
  const fresh = freshCores();
  it('fits nothing and shows no numbers with a handful of customers', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    await api.segments.setAnalysisDate({ date: DATE });
    for (let i = 0; i < 4; i++) {
      const c = await api.customers.create({ name: `Thin ${i}` });
      await api.orders.add({ customerId: c.id, orderNo: `T-${i}`, orderedAt: Date.UTC(2026, 0, 10 + i), status: 'paid', lines: [{ name: 'Tea', quantity: 1, unitPriceCents: 5000 }] });
    }
    await api.predictions.recompute({});
    await core.jobs.idle();
    const o = await api.predictions.overview({});
    expect(o.fits!.thin).toContain('too_few_customers');
    expect(o.totals.customers).toBe(0);
    const id = core.sqlite.prepare('SELECT id FROM customers LIMIT 1').pluck().get() as number;
    const v = await api.predictions.customer({ customerId: id });
    expect(v.prediction).toBeNull();
    expect(v.gap).toBe('too_few_customers');
    // fitPhase says the same without the job.
    expect(fitPhase(readHistory(core.sqlite, analysisAsOf(core.sqlite).asOf)).bgnbd).toBeNull();
  });
});

describe('predictions after a single write', () => {
  it('rescore the customer at once with the run’s models: an order today ends "nothing for N weeks"', async () => {
    const env = tempCore({ noResume: true });
    try {
      const core = env.core;
      const api = patronRouter.createCaller({ core });
      await api.segments.setAnalysisDate({ date: DATE });
      core.jobs.start(SAMPLE_JOB_KIND, { seed: 9, customers: 600, anchor: ANCHOR });
      await core.jobs.idle();
      const id = core.sqlite
        .prepare(`SELECT customer_id FROM customer_predictions WHERE purchases >= 3 AND reasons LIKE '%"gap"%' ORDER BY churn_risk DESC LIMIT 1`)
        .pluck()
        .get() as number;
      const before = (await api.predictions.customer({ customerId: id })).prediction!;
      const runs = core.jobs.list().filter((j) => j.kind === PREDICT_JOB_KIND).length;
      await api.orders.add({ customerId: id, orderNo: 'TODAY-1', orderedAt: Date.UTC(2026, 2, 1, 9), status: 'paid', lines: [{ name: 'Tea', quantity: 1, unitPriceCents: 8800 }] });
      const after = (await api.predictions.customer({ customerId: id })).prediction!;
      expect(after.purchases).toBe(before.purchases + 1);
      expect(after.lastDay).toBe(DATE);
      expect(after.churnRisk).toBeLessThan(before.churnRisk);
      expect(after.reasons.some((r) => r.code === 'gap')).toBe(false);
      // No new run: the stored models did it.
      await core.jobs.idle();
      expect(core.jobs.list().filter((j) => j.kind === PREDICT_JOB_KIND).length).toBe(runs);
    } finally {
      await env.cleanup();
    }
  }, 120_000);
});
