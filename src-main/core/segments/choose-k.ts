// Choosing k: the mean silhouette (Rousseeuw 1987, "Silhouettes: a graphical aid to the
// interpretation and validation of cluster analysis") of each candidate k = 2..8, fitted on a
// sample and scored on a smaller fixed sample (the silhouette is O(m²)); the k with the highest
// mean silhouette wins. The pairwise distances of the scoring sample are computed once and reused
// for every k. The final k is then fitted on everyone, started from the sample's centroids.
import { Rng } from '../sample/random';
import { kmeans, lloyd, nearest, rows, sampleIndices, type KMeansResult } from './kmeans';

export const K_MIN = 2;
export const K_MAX = 8;
/** Customers with orders below which there is nothing meaningful to cluster. */
export const MIN_CUSTOMERS = 20;
export const FIT_SAMPLE = 20_000;
export const SCORE_SAMPLE = 2_000;

export interface KChoice {
  k: number;
  scores: { k: number; silhouette: number }[];
  reason: { code: 'best_silhouette'; params: { k: number; silhouette: number } } | { code: 'too_few_customers'; params: { customers: number; min: number } };
  /** Rows the candidates were fitted on. */
  sampled: number;
  /** The final fit on everyone; null with too few customers. */
  fit: KMeansResult | null;
}

/** Mean silhouette of `labels` over points with pairwise distances `dist` (m × m, Euclidean). */
export function meanSilhouette(dist: Float64Array, m: number, labels: Int32Array, k: number): number {
  const sums = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i]]++;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[i];
    // A point alone in its cluster has silhouette 0 (Rousseeuw's convention).
    if (sizes[own] <= 1) continue;
    sums.fill(0);
    for (let j = 0; j < m; j++) sums[labels[j]] += dist[i * m + j];
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (!Number.isFinite(b)) continue;
    const den = Math.max(a, b);
    total += den > 0 ? (b - a) / den : 0;
  }
  return m ? total / m : 0;
}

function pairwise(x: Float64Array, m: number, d: number): Float64Array {
  const dist = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = x[i * d + t] - x[j * d + t];
        s += v * v;
      }
      dist[i * m + j] = dist[j * m + i] = Math.sqrt(s);
    }
  }
  return dist;
}

export interface ChooseOptions {
  seed: number;
  kMin?: number;
  kMax?: number;
  fitSample?: number;
  scoreSample?: number;
}

/** Chooses k for the standardised rows `x` (n × d) and fits it on everyone. */
export function chooseK(x: Float64Array, n: number, d: number, opts: ChooseOptions): KChoice {
  return finish(chooseKSteps(x, n, d, opts));
}

/** Runs a step-wise computation to its end. */
export function finish<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * chooseK one candidate at a time: yields the k just scored (and 0 before the final fit), so the
 * job can report progress and let other work run between candidates.
 */
export function* chooseKSteps(x: Float64Array, n: number, d: number, opts: ChooseOptions): Generator<number, KChoice> {
  if (n < MIN_CUSTOMERS) return { k: 0, scores: [], reason: { code: 'too_few_customers', params: { customers: n, min: MIN_CUSTOMERS } }, sampled: 0, fit: null };
  const rng = new Rng(opts.seed, 0x5e6);
  const fitIdx = sampleIndices(n, opts.fitSample ?? FIT_SAMPLE, rng);
  const fitX = rows(x, d, fitIdx);
  const fm = fitIdx.length;
  // The scoring sample is drawn from the fitting sample, so its labels come from the fits directly.
  const scoreIdx = sampleIndices(fm, Math.min(opts.scoreSample ?? SCORE_SAMPLE, fm), rng);
  const scoreX = rows(fitX, d, scoreIdx);
  const sm = scoreIdx.length;
  const dist = pairwise(scoreX, sm, d);
  const kMax = Math.min(opts.kMax ?? K_MAX, sm - 1);
  const scores: KChoice['scores'] = [];
  let bestFit: KMeansResult | null = null;
  let bestScore = -Infinity;
  for (let k = opts.kMin ?? K_MIN; k <= kMax; k++) {
    const fit = kmeans(fitX, fm, d, k, opts.seed);
    const labels = new Int32Array(sm);
    for (let i = 0; i < sm; i++) labels[i] = fit.labels[scoreIdx[i]];
    const s = meanSilhouette(dist, sm, labels, k);
    scores.push({ k, silhouette: Math.round(s * 10_000) / 10_000 });
    // Strictly better only: on a tie the smaller k (the simpler description) stays.
    if (s > bestScore + 1e-9) {
      bestScore = s;
      bestFit = fit;
    }
    yield k;
  }
  const chosen = bestFit as KMeansResult;
  const fit = fm === n ? chosen : lloyd(x, n, d, chosen.centroids, 50);
  return { k: chosen.k, scores, reason: { code: 'best_silhouette', params: { k: chosen.k, silhouette: Math.round(bestScore * 10_000) / 10_000 } }, sampled: fm, fit };
}

export { nearest };
