// The full recompute as a job (write lane), with progress by phase: facts, RFM, clustering,
// storing. The phases before storing only read; single edits committed while they run (the job
// yields between phases) are rescored again right after the new run is stored, in the same step,
// so none is lost to the replace. One committed step: a cancel or crash leaves the last run as it was.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { changeBus } from '../changes/bus';
import { PAID } from '../orders/metrics';
import { defineJob } from '../jobs/job-kind';
import type { JobRunner } from '../jobs/runner';
import { analysisAsOf } from './analysis-date';
import { readFacts } from './facts';
import { clusterPhaseSteps, DEFAULT_SEED, modelOf, rfmPhase, thresholdsOf, type ClusterPhase } from './recompute';
import { uiLanguage } from './stmts';
import { storeRun } from './store';
import { updateCustomerSegments } from './update-one';

export const RECOMPUTE_JOB_KIND = 'segments.recompute' satisfies JobKindName;

const PHASES = ['facts', 'rfm', 'clustering', 'storing'] as const;
const recomputeDetail = z.object({ phase: z.enum(PHASES) });
export interface RecomputeJobResult {
  runId: number;
  customers: number;
  withOrders: number;
  k: number;
  /** Milliseconds per phase. */
  ms: { facts: number; rfm: number; clustering: number; storing: number };
}

const yieldNow = () => new Promise((resolve) => setImmediate(resolve));

export const recomputeJob = defineJob({
  kind: RECOMPUTE_JOB_KIND,
  input: z.object({ seed: z.number().int().min(0).optional() }),
  // One step: a job resumed after a crash simply runs again (its phases before the step only read).
  checkpoint: z.object({ stored: z.boolean() }),
  detail: recomputeDetail,
  async run(ctx): Promise<RecomputeJobResult> {
    const { sqlite } = ctx;
    const seed = ctx.input.seed ?? DEFAULT_SEED;
    // Customers written one at a time while the phases run: rescored after the store.
    const touched = new Set<number>();
    const off = changeBus(sqlite).on((e) => {
      for (const c of e.changes) if ((c.type === 'order' || c.type === 'customer') && c.op !== 'bulk') for (const id of [...c.customerIds, ...(c.type === 'customer' ? c.ids : [])]) touched.add(id);
    });
    try {
      const ms = { facts: 0, rfm: 0, clustering: 0, storing: 0 };
      const phase = async <T>(i: number, work: () => T): Promise<T> => {
        ctx.progress(i, PHASES.length, { phase: PHASES[i] });
        await yieldNow();
        const t0 = performance.now();
        const out = work();
        ms[PHASES[i]] = Math.round(performance.now() - t0);
        return out;
      };
      const date = analysisAsOf(sqlite);
      const facts = await phase(0, () => readFacts(sqlite, date.asOf));
      const rfm = await phase(1, () => rfmPhase(facts));
      // Clustering yields between candidate k's, so calls and cancel are served meanwhile.
      ctx.progress(2, PHASES.length, { phase: 'clustering' });
      const t2 = performance.now();
      const steps = clusterPhaseSteps(facts, seed);
      let clusters: ClusterPhase;
      for (;;) {
        const r = steps.next();
        if (r.done) {
          clusters = r.value;
          break;
        }
        ctx.progress(2, PHASES.length, { phase: 'clustering' });
        await yieldNow();
      }
      ms.clustering = Math.round(performance.now() - t2);
      ctx.progress(3, PHASES.length, { phase: 'storing' });
      await yieldNow();
      let runId = 0;
      const t0 = performance.now();
      await ctx.step(
        () => {
          runId = storeRun(sqlite, { date, facts, rfm, clusters, thresholds: thresholdsOf(facts, rfm), model: modelOf(facts, clusters, seed), language: uiLanguage(sqlite) });
          off();
          updateCustomerSegments(sqlite, [...touched]);
        },
        { checkpoint: { stored: true }, done: PHASES.length, total: PHASES.length, detail: { phase: 'storing' } },
      );
      ms.storing = Math.round(performance.now() - t0);
      return { runId, customers: facts.customers, withOrders: facts.n, k: clusters.clusters.length, ms };
    } finally {
      off();
    }
  },
});

/** The active (queued or running) recompute, if any. */
export function activeRecompute(sqlite: Database.Database, queuedOnly = false): number | null {
  const statuses = queuedOnly ? `('queued')` : `('queued', 'running')`;
  return (sqlite.prepare(`SELECT id FROM jobs WHERE kind = ? AND status IN ${statuses} ORDER BY id LIMIT 1`).pluck().get(RECOMPUTE_JOB_KIND) as number | undefined) ?? null;
}

/**
 * Starts a recompute unless one is waiting to start already (it will see the latest data). One
 * running is not reused for new data: it read the facts before them, so another is queued.
 */
export function startRecompute(jobs: JobRunner, sqlite: Database.Database, opts: { reuseRunning?: boolean } = {}): number {
  return activeRecompute(sqlite, !opts.reuseRunning) ?? jobs.start(RECOMPUTE_JOB_KIND, {});
}

/** The latest run is of another day than the analysis date now (unpinned, and the day changed). */
const dayMovedOn = (sqlite: Database.Database) =>
  (sqlite.prepare('SELECT as_of FROM segment_runs ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined) !== analysisAsOf(sqlite).asOf;
const hasRun = (sqlite: Database.Database) => sqlite.prepare('SELECT 1 FROM segment_runs LIMIT 1').get() !== undefined;
const anyOrders = (sqlite: Database.Database) => sqlite.prepare(`SELECT 1 FROM orders WHERE ${PAID} LIMIT 1`).get() !== undefined;

/**
 * Segments follow the data (core.ts): after a bulk write (an import, the sample shop, removing
 * the sample) a recompute starts; so does the first write of customers or orders when no run
 * exists yet and there are paid orders (before that there is nothing to segment). A write while
 * a recompute waits to start is covered by it: no second one is queued.
 */
export function followData(jobs: JobRunner, sqlite: Database.Database, opts: { atStart: boolean }): () => void {
  // At start only where the core resumes work (the app), not for a command-line call or a test.
  // A new day moves "today": the app opens on segments as of today, not as of its last start.
  if (opts.atStart && anyOrders(sqlite) && (!hasRun(sqlite) || dayMovedOn(sqlite))) startRecompute(jobs, sqlite);
  return changeBus(sqlite).on((e) => {
    const relevant = e.changes.filter((c) => c.type === 'order' || c.type === 'customer');
    if (!relevant.length) return;
    if (hasRun(sqlite)) {
      if (relevant.some((c) => c.op === 'bulk')) startRecompute(jobs, sqlite);
    } else if (!activeRecompute(sqlite) && anyOrders(sqlite)) startRecompute(jobs, sqlite);
  });
}
