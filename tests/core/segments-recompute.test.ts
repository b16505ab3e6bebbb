// The recompute job on the sample shop, with the analysis date pinned: every customer gets a
// segment, customers with orders a cluster, the clusters are profiled and named, the run says
// what it rests on; the same seed gives the same result; a person's cluster name carries over to
// the next run; a bulk write (removing the sample) starts a recompute by itself.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { patronRouter } from '../../src-main/core/router';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { RECOMPUTE_JOB_KIND } from '../../src-main/core/segments/recompute-job';
import { recomputeSegments } from '../../src-main/core/segments/recompute';
import { setAnalysisDate } from '../../src-main/core/segments/analysis-date';
import { freshCores, openCore } from './temp-core';

const fresh = freshCores();
const ANCHOR = Date.UTC(2026, 2, 1, 6, 30);
const DATE = '2026-03-01';

async function sampleShop(core: Core, customers = 400) {
  const api = patronRouter.createCaller({ core });
  await api.segments.setAnalysisDate({ date: DATE });
  core.jobs.start(SAMPLE_JOB_KIND, { seed: 5, customers, anchor: ANCHOR });
  await core.jobs.idle();
  return api;
}

const assignments = (core: Core) => core.sqlite.prepare('SELECT customer_id, r, f, m, segment, prev_segment, cluster FROM customer_segments ORDER BY customer_id').raw().all();

describe('segments recompute', () => {
  it('follows the sample shop: every customer a segment, clusters profiled and named', async () => {
    const { core } = fresh();
    const api = await sampleShop(core);
    // The sample shop's bulk write started the recompute by itself.
    const jobs = core.jobs.list().filter((j) => j.kind === RECOMPUTE_JOB_KIND && j.status === 'done');
    expect(jobs.length).toBeGreaterThan(0);
    const customers = core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const withOrders = core.sqlite.prepare(`SELECT count(DISTINCT customer_id) FROM orders WHERE status = 'paid' AND ordered_at < ?`).pluck().get(Date.UTC(2026, 2, 2)) as number;
    expect(core.sqlite.prepare('SELECT count(*) FROM customer_segments').pluck().get()).toBe(customers);
    expect(core.sqlite.prepare(`SELECT count(*) FROM customer_segments WHERE segment <> 'no_orders' AND r BETWEEN 1 AND 5 AND cluster IS NOT NULL`).pluck().get()).toBe(withOrders);

    const o = await api.segments.overview({});
    expect(o.run).toMatchObject({ date: DATE, pinned: true, customers, withOrders });
    expect(o.stale).toBe(false);
    expect(o.jobId).toBeNull();
    expect(o.segments.reduce((a, s) => a + s.customers, 0)).toBe(customers);
    expect(o.grid.reduce((a, c) => a + c.customers, 0)).toBe(withOrders);
    expect(o.clustering).toMatchObject({ method: 'silhouette', reason: { code: 'best_silhouette' } });
    expect(o.clustering?.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const k = o.clustering?.k ?? 0;
    expect(k).toBeGreaterThanOrEqual(2);
    expect(o.clusters.map((c) => c.idx)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    // Numbered by revenue, biggest first; sizes add up to the customers with orders.
    for (let i = 1; i < k; i++) expect(o.clusters[i - 1].revenueCents).toBeGreaterThanOrEqual(o.clusters[i].revenueCents);
    expect(o.clusters.reduce((a, c) => a + c.size, 0)).toBe(withOrders);
    for (const c of o.clusters) {
      expect(c.nameSource).toBe('rule');
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.profile.features.map((f) => f.key).slice(0, 5)).toEqual(['log_spend', 'orders', 'recency_days', 'aov', 'tenure_days']);
    }
    expect(new Set(o.clusters.map((c) => c.name)).size).toBe(k);
    // One customer's place, as the customer page reads it.
    const someone = core.sqlite.prepare(`SELECT customer_id FROM customer_segments WHERE cluster = 1 LIMIT 1`).pluck().get() as number;
    expect(await api.segments.customer({ customerId: someone })).toMatchObject({ cluster: 1, clusterName: o.clusters[0].name, date: DATE });
  }, 60_000);

  it('gives the same result for the same seed, and carries a person’s cluster name over', async () => {
    const { core } = fresh();
    const api = await sampleShop(core, 300);
    const first = assignments(core);
    await api.segments.renameCluster({ idx: 1, name: 'Our best', description: 'The ones we know by name.' });
    const r = recomputeSegments(core.sqlite);
    expect(r.ms.total).toBeGreaterThan(0);
    expect(assignments(core)).toEqual(first);
    const o = await api.segments.overview({});
    expect(o.clusters[0]).toMatchObject({ name: 'Our best', description: 'The ones we know by name.', nameSource: 'person' });
    await api.segments.renameSegment({ code: 'champions', name: 'Stars' });
    expect((await api.segments.overview({})).segments.find((s) => s.code === 'champions')?.customName).toBe('Stars');
    await api.segments.renameSegment({ code: 'champions', name: null });
    expect((await api.segments.overview({})).segments.find((s) => s.code === 'champions')?.customName).toBeNull();
  }, 60_000);

  it('recomputes after the sample is removed, and keeps only the last runs', async () => {
    const { core } = fresh();
    const api = await sampleShop(core, 200);
    for (let i = 0; i < 11; i++) recomputeSegments(core.sqlite);
    expect(core.sqlite.prepare('SELECT count(*) FROM segment_runs').pluck().get()).toBe(10);
    await api.sample.remove();
    await core.jobs.idle();
    const o = await api.segments.overview({});
    expect(o.run).toMatchObject({ customers: 0, withOrders: 0 });
    expect(o.clustering?.reason.code).toBe('too_few_customers');
    expect(core.sqlite.prepare('SELECT count(*) FROM customer_segments').pluck().get()).toBe(0);
  }, 60_000);

  it('the app opening on a new day recomputes as of today; opened again the same day, it does not', async () => {
    const { core, dir } = fresh();
    await sampleShop(core, 120);
    // The latest run is as of 1 March. The setting alone goes back to "today" (as if the app was
    // last open on 1 March and today is a later day), then the app is opened again.
    setAnalysisDate(core.sqlite, null);
    await core.close();
    const reopened = openCore(dir);
    try {
      await reopened.jobs.idle();
      const today = new Date().toISOString().slice(0, 10);
      expect((await patronRouter.createCaller({ core: reopened }).segments.overview({})).run).toMatchObject({ date: today, pinned: false });
      const runs = reopened.sqlite.prepare('SELECT count(*) FROM segment_runs').pluck().get() as number;
      await reopened.close();
      const again = openCore(dir);
      await again.jobs.idle();
      expect(again.sqlite.prepare('SELECT count(*) FROM segment_runs').pluck().get()).toBe(runs);
      await again.close();
    } finally {
      if (reopened.sqlite.open) await reopened.close();
    }
  });
});
