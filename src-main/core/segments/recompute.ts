// The full recompute in four phases (facts, RFM, clustering, storing), each a plain function so
// the job (recompute-job.ts) reports progress between them and the bench times them. Everything
// is derived from one read of the facts as of the analysis date, so the RFM scores, the previous
// period's segments and the clusters describe the same data.
import type Database from 'better-sqlite3';
import type { RfmSegment } from '../../shared/segments';
import { analysisAsOf, type AnalysisDate } from './analysis-date';
import { chooseKSteps, finish, type KChoice } from './choose-k';
import { readFacts, type Facts } from './facts';
import { buildFeatures, type Standardisation } from './features';
import type { RunModel, RunThresholds } from './model';
import { profiles, type ClusterSummary } from './profile';
import { daysBefore, rfmCuts, scoreAgainst, scoreAll, type RfmCuts } from './rfm';
import { storeRun } from './store';
import { uiLanguage } from './stmts';

export const DEFAULT_SEED = 20_251_203;

export interface RfmPhase {
  cuts: RfmCuts;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: RfmSegment[];
  prevCuts: RfmCuts;
  /** The segment one period earlier; null for a customer with no paid order then. */
  prevSegment: (RfmSegment | null)[];
}

export function rfmPhase(f: Facts): RfmPhase {
  const recency = new Float64Array(f.n);
  for (let i = 0; i < f.n; i++) recency[i] = daysBefore(f.asOf, f.last[i]);
  const cur = scoreAll(recency, f.orders, f.spend);
  // The previous period: the same facts with the earlier bound, scored by their own quintiles.
  const had: number[] = [];
  for (let i = 0; i < f.n; i++) if (f.prevOrders[i] > 0) had.push(i);
  const pr = new Float64Array(had.length);
  const po = new Float64Array(had.length);
  const ps = new Float64Array(had.length);
  had.forEach((i, j) => {
    pr[j] = daysBefore(f.prevAsOf, f.prevLast[i]);
    po[j] = f.prevOrders[i];
    ps[j] = f.prevSpend[i];
  });
  const prevCuts = rfmCuts(pr, po, ps);
  const prevSegment = new Array<RfmSegment | null>(f.n).fill(null);
  had.forEach((i, j) => (prevSegment[i] = scoreAgainst(prevCuts, pr[j], po[j], ps[j]).segment));
  return { ...cur, prevCuts, prevSegment };
}

export interface ClusterPhase {
  choice: KChoice;
  std: Standardisation;
  /** Each customer's cluster (1 = biggest revenue); 0 when not clustered. */
  idx: Int32Array;
  /** In idx order. */
  clusters: (ClusterSummary & { idx: number; centroid: number[] })[];
}

export function clusterPhase(f: Facts, seed: number): ClusterPhase {
  return finish(clusterPhaseSteps(f, seed));
}

/** clusterPhase a candidate k at a time (yields each k scored). */
export function* clusterPhaseSteps(f: Facts, seed: number): Generator<number, ClusterPhase> {
  const { x, natural, std, d } = buildFeatures(f);
  const choice: KChoice = yield* chooseKSteps(x, f.n, d, { seed });
  const idx = new Int32Array(f.n);
  if (!choice.fit) return { choice, std, idx, clusters: [] };
  const fit = choice.fit;
  const summaries = profiles(f, std.keys, x, natural, fit.labels, fit.k).filter((s) => s.size > 0);
  // Numbered by revenue, biggest first (ties by size, then the fit's label: deterministic).
  summaries.sort((a, b) => b.revenueCents - a.revenueCents || b.size - a.size || a.label - b.label);
  const idxOfLabel = new Int32Array(fit.k);
  const clusters = summaries.map((s, i) => {
    idxOfLabel[s.label] = i + 1;
    return { ...s, idx: i + 1, centroid: Array.from(fit.centroids.subarray(s.label * d, s.label * d + d)) };
  });
  for (let i = 0; i < f.n; i++) idx[i] = idxOfLabel[fit.labels[i]];
  return { choice, std, idx, clusters };
}

export interface RecomputeOptions {
  seed?: number;
  /** The analysis date (default: the stored one, analysisAsOf). */
  date?: AnalysisDate;
}

export interface RecomputeResult {
  runId: number;
  customers: number;
  withOrders: number;
  k: number;
  /** Milliseconds per phase. */
  ms: { facts: number; rfm: number; clustering: number; storing: number; total: number };
}

export function thresholdsOf(f: Facts, rfm: RfmPhase): RunThresholds {
  return { current: rfm.cuts, prev: { ...rfm.prevCuts, asOf: f.prevAsOf } };
}

export function modelOf(f: Facts, c: ClusterPhase, seed: number): RunModel {
  const { choice } = c;
  return {
    seed,
    method: 'silhouette',
    k: c.clusters.length,
    scores: choice.scores,
    reason: choice.reason,
    sampled: choice.sampled,
    features: c.std.keys,
    categories: f.categories,
    std: c.std,
    centroids: c.clusters.map((k) => k.centroid),
  };
}

/** The whole recompute as one plain function (the bench's and tests' entry; the job runs the same phases). */
export function recomputeSegments(sqlite: Database.Database, opts: RecomputeOptions = {}): RecomputeResult {
  const seed = opts.seed ?? DEFAULT_SEED;
  const date = opts.date ?? analysisAsOf(sqlite);
  const t0 = performance.now();
  const facts = readFacts(sqlite, date.asOf);
  const t1 = performance.now();
  const rfm = rfmPhase(facts);
  const t2 = performance.now();
  const clusters = clusterPhase(facts, seed);
  const t3 = performance.now();
  const runId = storeRun(sqlite, { date, facts, rfm, clusters, thresholds: thresholdsOf(facts, rfm), model: modelOf(facts, clusters, seed), language: uiLanguage(sqlite) });
  const t4 = performance.now();
  return {
    runId,
    customers: facts.customers,
    withOrders: facts.n,
    k: clusters.clusters.length,
    ms: { facts: t1 - t0, rfm: t2 - t1, clustering: t3 - t2, storing: t4 - t3, total: t4 - t0 },
  };
}
