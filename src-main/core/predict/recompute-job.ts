// The predictions as a job (write lane), with progress by phase. The phases before storing only
// read; the store is one committed step, so a cancel or a crash leaves the last run as it was.
// It follows the segments: each segments run (after an import, the sample shop, a new day, a
// change of the analysis date) is followed by a predictions run on the same date.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { changeBus } from '../changes/bus';
import { defineJob } from '../jobs/job-kind';
import type { JobRunner } from '../jobs/runner';
import { analysisAsOf } from '../segments/analysis-date';
import { basketPhase, fitPhase, forecastPhase, readHistory, scorePhase } from './recompute';
import { predictionSettings } from './settings';
import { latestModel, storeRun } from './store';

export const PREDICT_JOB_KIND = 'predictions.recompute' satisfies JobKindName;

export const PREDICT_PHASES = ['history', 'fitting', 'churn', 'forecast', 'basket', 'storing'] as const;
export type PredictPhase = (typeof PREDICT_PHASES)[number];

export interface PredictJobResult {
  runId: number;
  customers: number;
  /** Milliseconds per phase, and of the two fits within 'fitting'. */
  ms: Record<PredictPhase, number> & { bgnbd: number; gg: number };
}

const yieldNow = () => new Promise((resolve) => setImmediate(resolve));

export const predictJob = defineJob({
  kind: PREDICT_JOB_KIND,
  input: z.object({}),
  checkpoint: z.object({ stored: z.boolean() }),
  detail: z.object({ phase: z.enum(PREDICT_PHASES) }),
  async run(ctx): Promise<PredictJobResult> {
    const { sqlite } = ctx;
    const ms = Object.fromEntries(PREDICT_PHASES.map((p) => [p, 0])) as Record<PredictPhase, number>;
    const phase = async <T>(name: PredictPhase, work: () => T): Promise<T> => {
      ctx.progress(PREDICT_PHASES.indexOf(name), PREDICT_PHASES.length, { phase: name });
      await yieldNow();
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const t0 = performance.now();
      const out = work();
      ms[name] = Math.round(performance.now() - t0);
      return out;
    };
    const { asOf, pinned } = analysisAsOf(sqlite);
    const settings = predictionSettings(sqlite);
    const previous = latestModel(sqlite);
    const history = await phase('history', () => readHistory(sqlite, asOf));
    const fit = await phase('fitting', () => fitPhase(history, previous ? { bgnbd: previous.model.bgnbd, gg: previous.model.gg, date: previous.date } : undefined));
    const score = await phase('churn', () => scorePhase(history, fit, settings));
    const forecast = await phase('forecast', () => forecastPhase(sqlite, asOf, !pinned));
    const basket = await phase('basket', () => basketPhase(sqlite, asOf));
    ctx.progress(PREDICT_PHASES.length - 1, PREDICT_PHASES.length, { phase: 'storing' });
    await yieldNow();
    let runId = 0;
    const t0 = performance.now();
    await ctx.step(
      () => {
        runId = storeRun(sqlite, { asOf, history, fit, score, forecast, basket, settings, periodDays: score.periodDays });
      },
      { checkpoint: { stored: true }, done: PREDICT_PHASES.length, total: PREDICT_PHASES.length, detail: { phase: 'storing' } },
    );
    ms.storing = Math.round(performance.now() - t0);
    return { runId, customers: history.n, ms: { ...ms, ...fit.ms } };
  },
});

/** The waiting (or, with reuseRunning, running) predictions job, if any. */
export function activePredict(sqlite: Database.Database, queuedOnly = true): number | null {
  const statuses = queuedOnly ? `('queued')` : `('queued', 'running')`;
  return (sqlite.prepare(`SELECT id FROM jobs WHERE kind = ? AND status IN ${statuses} ORDER BY id LIMIT 1`).pluck().get(PREDICT_JOB_KIND) as number | undefined) ?? null;
}

/** Starts a run unless one is waiting to start already (it will see the latest data). */
export function startPredict(jobs: JobRunner, sqlite: Database.Database): number {
  return activePredict(sqlite) ?? jobs.start(PREDICT_JOB_KIND, {});
}

/**
 * Predictions follow the segments: a stored segments run (after an import, the sample shop, a new
 * day, a new analysis date) queues a predictions run behind it in the write lane. At start, a
 * missing run or one of another day than the analysis date queues one too.
 */
export function followSegments(jobs: JobRunner, sqlite: Database.Database, opts: { atStart: boolean }): () => void {
  if (opts.atStart) {
    const last = sqlite.prepare('SELECT as_of FROM prediction_runs ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
    const hasOrders = sqlite.prepare(`SELECT 1 FROM orders LIMIT 1`).get() !== undefined;
    if (hasOrders && last !== analysisAsOf(sqlite).asOf) startPredict(jobs, sqlite);
  }
  return changeBus(sqlite).on((e) => {
    if (e.changes.some((c) => c.type === 'segments' && c.op === 'bulk')) startPredict(jobs, sqlite);
  });
}
