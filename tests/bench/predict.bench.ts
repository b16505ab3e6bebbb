// `npm run bench -- predict [--customers N] [--runs N] [--fresh]`
//
// The predictions as the app runs them: the 'predictions.recompute' job started through the API
// the UI calls (predictions.recompute), from start to done, on the sample shop's generator at
// 100,000 customers (about 1,000,000 orders and 1,800,000 order lines; built once and cached, the
// same database as the analytics bench). Per part, from the job's own timings: reading the
// purchase history, the BG/NBD fit, the Gamma-Gamma fit, churn (training on the shop's own time
// split and scoring everyone, with CLV), the three sales forecasts, the bought-together rules,
// storing. Target: all together under 10 s on 2 cores. Prints a table, then one JSON line.
import { PREDICT_JOB_KIND, type PredictJobResult } from '../../src-main/core/predict/recompute-job';
import { patronRouter } from '../../src-main/core/router';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { openSampleDatabase } from './lib/sample-db';
import { round, summarize } from './lib/stats';
import { printTable } from './lib/table';

const TARGET_S = 10;
const PARTS = ['history', 'bgnbd', 'gg', 'churn', 'forecast', 'basket', 'storing'] as const;

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  const customers = intFlag(flags, 'customers', 100_000);
  const runs = intFlag(flags, 'runs', 3);
  const core = await openSampleDatabase(customers, flags.has('fresh'));
  try {
    const api = patronRouter.createCaller({ core });
    const orders = core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    const lines = core.sqlite.prepare('SELECT count(*) FROM order_items').pluck().get() as number;
    const totals: number[] = [];
    const parts = Object.fromEntries(PARTS.map((p) => [p, [] as number[]])) as Record<(typeof PARTS)[number], number[]>;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const { jobId } = await api.predictions.recompute({});
      await core.jobs.idle();
      totals.push((performance.now() - t0) / 1000);
      const job = core.jobs.get(jobId);
      if (job.kind !== PREDICT_JOB_KIND || job.status !== 'done') throw new Error(`the predictions job ended ${job.status}: ${job.error?.message ?? ''}`);
      const ms = (job.result as PredictJobResult).ms;
      for (const p of PARTS) parts[p].push(ms[p] / 1000);
      log(`run ${i + 1}: ${round(totals[i], 2)} s`);
    }
    const o = await api.predictions.overview({});
    const med = (xs: number[]) => round(summarize(xs).p50, 3);
    printTable(
      ['part', 'median s', 'min s', 'max s'],
      [...PARTS.map((p) => [p, med(parts[p]), round(Math.min(...parts[p]), 3), round(Math.max(...parts[p]), 3)]), ['total (job, start to done)', med(totals), round(Math.min(...totals), 3), round(Math.max(...totals), 3)]],
    );
    const check = o.fits?.churn.check;
    log(`scored ${o.totals.customers.toLocaleString()} customers; churn AUC on the last ${o.fits?.churn.periodDays ?? 0} days ${check ? round(check.auc, 3) : '–'} vs recency ${check ? round(check.recencyAuc, 3) : '–'}; ${o.fits?.basket.rules ?? 0} rules`);
    const total = med(totals);
    if (total >= TARGET_S) process.exitCode = 1;
    return {
      customers,
      orders,
      order_lines: lines,
      runs,
      total_s: total,
      ...Object.fromEntries(PARTS.map((p) => [`${p}_s`, med(parts[p])])),
      scored: o.totals.customers,
      churn_auc: check ? round(check.auc, 4) : null,
      recency_auc: check ? round(check.recencyAuc, 4) : null,
      rules: o.fits?.basket.rules ?? 0,
      target_s: TARGET_S,
      meets_target: total < TARGET_S,
    };
  } finally {
    await core.close();
  }
}
