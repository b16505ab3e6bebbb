// `npm run bench -- analytics [--customers N] [--runs N] [--queries N] [--fresh]`
//
// On the sample shop's generator at 100,000 customers (about 1,000,000 orders and 1,800,000 order
// lines, built once and cached in the temp folder), through the app's own API (the tRPC router the
// UI calls, so validation and the job system are in the timings):
//   recompute — the full recompute as the app runs it: the 'segments.recompute' job (facts, RFM,
//       clustering with automatic k, storing), from start to done; target < 10 s on 2 cores;
//   one customer — an order recorded for one customer (orders.add): the write with every
//       derived-state hook, including rescoring that customer's segment, p50/p99;
//   dashboard — each dashboard query over the last 12 months (revenue by week and by month with
//       the previous year, products, customers needing attention, satisfaction, segments
//       overview), p50/p99; target p99 < 100 ms each;
//   list count — lists.count over a fixed mix of smart-list filters, p50/p99; target p99 < 100 ms;
//   k-means — the choice the issue leaves to the bench: Patron's own typed-array k-means against
//       the ml-kmeans package, both with k-means++ seeding, for k = 2..10 on the same 100,000 × 5
//       standardised points (generated blobs), same iteration cap; the time of each.
// Prints a table, then one JSON line.
import { patronRouter } from '../../src-main/core/router';
import { forgetOverview } from '../../src-main/core/segments/queries';
import type { Filter } from '../../src-main/shared/filters';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { kmeans as ownKmeans } from '../../src-main/core/segments/kmeans';
import { Rng } from '../../src-main/core/sample/random';
import { DATA_NOW } from './lib/crm-data';
import { openSampleDatabase } from './lib/sample-db';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { round, summarize, timed, timedAsync } from './lib/stats';
import { printTable, type Cell } from './lib/table';

const TARGET = { recomputeS: 10, dashboardP99Ms: 100, listCountP99Ms: 100 };
const DAY = 86_400_000;
type Caller = ReturnType<typeof patronRouter.createCaller>;

/** A fixed mix of smart lists a shop owner would save. */
function listFilters(city: string, tag: string): Filter[] {
  return [
    { match: 'all', conditions: [{ field: 'city', op: 'is', value: city }, { field: 'total_spent', op: 'gt', value: 1000 }] },
    { match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: ['at_risk', 'cant_lose'] }] },
    { match: 'all', conditions: [{ field: 'days_since_last_order', op: 'gt', value: 90 }, { field: 'order_count', op: 'gte', value: 3 }] },
    { match: 'any', conditions: [{ field: 'tag', op: 'in', value: [tag] }, { field: 'cluster', op: 'eq', value: 1 }] },
    { match: 'all', conditions: [{ field: 'feeling', op: 'in', value: ['unhappy'] }, { field: 'city', op: 'is', value: city, not: true }] },
    {
      match: 'all',
      conditions: [
        { field: 'language', op: 'in', value: ['zh'] },
        { match: 'any', not: true, conditions: [{ field: 'rfm_segment', op: 'in', value: ['lost', 'hibernating'] }, { field: 'avg_order_value', op: 'lt', value: 100 }] },
      ],
    },
    { match: 'all', conditions: [{ field: 'name', op: 'contains', value: '王' }] },
  ];
}

/** 100,000 points in 5 dimensions around 6 centres, standardised; the same on every machine. */
function blobs(n: number, d: number): Float64Array {
  const rng = new Rng(7);
  const centres = Array.from({ length: 6 * d }, () => rng.next() * 8 - 4);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, 5);
    for (let j = 0; j < d; j++) {
      // Box–Muller: a normal deviate from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      x[i * d + j] = centres[c * d + j] + z;
    }
  }
  return x;
}

/** Seconds for k = 2..10 with each implementation, one seeded start each, at most 100 iterations. */
function compareKmeans(): { own: number; ml: number } {
  const n = 100_000;
  const d = 5;
  const x = blobs(n, d);
  const rows = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, i * d + d)));
  const [own] = timed(() => {
    for (let k = 2; k <= 10; k++) ownKmeans(x, n, d, k, 42, 1, 100);
  });
  const [ml] = timed(() => {
    for (let k = 2; k <= 10; k++) mlKmeans(rows, k, { initialization: 'kmeans++', seed: 42, maxIterations: 100 });
  });
  return { own: own / 1000, ml: ml / 1000 };
}

async function sample(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm: statements prepared, pages cached
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timedAsync(fn))[0]);
  return out;
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  const customers = intFlag(flags, 'customers', 100_000);
  const runs = intFlag(flags, 'runs', 3);
  const queries = intFlag(flags, 'queries', 100);
  const core = await openSampleDatabase(customers, flags.has('fresh'));
  try {
    const caller: Caller = patronRouter.createCaller({ core });
    const count = (sql: string) => (core.sqlite.prepare(sql).get() as { n: number }).n;
    const data = { customers: count('SELECT count(*) n FROM customers'), orders: count('SELECT count(*) n FROM orders'), lines: count('SELECT count(*) n FROM order_items') };
    log(`data: ${data.customers} customers, ${data.orders} orders, ${data.lines} order lines`);

    // Full recompute, as the app runs it.
    const recompute: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [ms] = await timedAsync(async () => {
        const { jobId } = await caller.segments.recompute({});
        await core.jobs.idle();
        const job = core.jobs.get(jobId);
        if (job.status !== 'done') throw new Error(`recompute ended ${job.status}: ${job.error?.message ?? ''}`);
      });
      recompute.push(ms / 1000);
      log(`recompute ${i + 1}/${runs}: ${round(ms / 1000, 2)} s`);
    }
    const overview = await caller.segments.overview({});
    const k = overview.clustering?.k ?? 0;

    // One customer: an order recorded through the API, segment rescored in the same write.
    const ids = (core.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 200 OFFSET 1000').all() as { id: number }[]).map((r) => r.id);
    let n = 0;
    const oneCustomer = await sample(Math.min(queries, ids.length - 1), async () => {
      const customerId = ids[n++ % ids.length];
      await caller.orders.add({
        customerId,
        orderNo: `BENCH-${Date.now()}-${n}`,
        orderedAt: DATA_NOW - DAY,
        lines: [{ name: 'Bench item', quantity: 1, unitPriceCents: 12_900 }],
      });
    });
    await core.jobs.idle();

    // Dashboard queries over the last 12 months.
    const to = DATA_NOW;
    const from = DATA_NOW - 365 * DAY;
    const dashboard: Record<string, number[]> = {
      revenue_week: await sample(queries, () => caller.dashboard.revenue({ bucket: 'week', from, to })),
      revenue_month: await sample(queries, () => caller.dashboard.revenue({ bucket: 'month', from, to })),
      products: await sample(queries, () => caller.dashboard.products({ from, to, limit: 10 })),
      attention: await sample(queries, () => caller.dashboard.attention({ limit: 10 })),
      satisfaction: await sample(queries, () => caller.dashboard.satisfaction({ bucket: 'month', from, to })),
      // Cold: the kept aggregates dropped before each call, as any change drops them.
      segments_overview: await sample(queries, () => {
        forgetOverview(core.sqlite);
        return caller.segments.overview({});
      }),
    };

    // Smart-list counts.
    const city = (core.sqlite.prepare('SELECT city FROM customers WHERE city IS NOT NULL GROUP BY city ORDER BY count(*) DESC LIMIT 1').get() as { city: string }).city;
    const tag = (core.sqlite.prepare('SELECT name FROM tags ORDER BY id LIMIT 1').get() as { name: string } | undefined)?.name ?? 'VIP';
    const filters = listFilters(city, tag);
    let f = 0;
    const listCount = await sample(queries * 2, () => caller.lists.count({ filter: filters[f++ % filters.length] }));

    log('k-means: Patron\'s own against ml-kmeans, k = 2..10 on 100,000 × 5...');
    const km = compareKmeans();

    const rec = summarize(recompute);
    const one = summarize(oneCustomer);
    const lists = summarize(listCount);
    const dashRows: Cell[][] = Object.entries(dashboard).map(([name, s]) => {
      const sum = summarize(s);
      return [name, round(sum.p50, 1), round(sum.p99, 1), sum.p99 < TARGET.dashboardP99Ms ? 'ok' : 'OVER'];
    });
    const dashboardP99 = Math.max(...Object.values(dashboard).map((s) => summarize(s).p99));
    printTable(
      ['measure', 'p50', 'p99 / best', 'target'],
      [
        ['full recompute (s, median / best)', round(rec.p50, 2), round(rec.min, 2), `< ${TARGET.recomputeS} s`],
        ['one customer: order + rescoring (ms)', round(one.p50, 2), round(one.p99, 2), ''],
        ...dashRows.map((r) => [`dashboard ${r[0]} (ms)`, r[1], r[2], `< ${TARGET.dashboardP99Ms} ms`]),
        [`list count, ${filters.length} filters (ms)`, round(lists.p50, 1), round(lists.p99, 1), `< ${TARGET.listCountP99Ms} ms`],
        ['k-means k=2..10, 100k × 5: Patron (s)', round(km.own, 2), '', ''],
        ['k-means k=2..10, 100k × 5: ml-kmeans (s)', round(km.ml, 2), '', ''],
      ],
    );
    const ok = rec.p50 < TARGET.recomputeS && dashboardP99 < TARGET.dashboardP99Ms && lists.p99 < TARGET.listCountP99Ms;
    if (!ok) process.exitCode = 1;
    return {
      customers: data.customers,
      orders: data.orders,
      order_lines: data.lines,
      k,
      recompute_s: round(rec.p50, 2),
      recompute_best_s: round(rec.min, 2),
      one_customer_p50_ms: round(one.p50, 2),
      one_customer_p99_ms: round(one.p99, 2),
      dashboard_p99_ms: round(dashboardP99, 1),
      list_count_p50_ms: round(lists.p50, 1),
      list_count_p99_ms: round(lists.p99, 1),
      kmeans_own_s: round(km.own, 2),
      kmeans_ml_kmeans_s: round(km.ml, 2),
      target_met: ok ? 'yes' : 'no',
    };
  } finally {
    await core.close();
  }
}
