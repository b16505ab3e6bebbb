// RFM scores 1–5 by quintile (Hughes 1994, "Strategic Database Marketing"), with ties kept
// together: a value's score is 1 + floor(5 × (values strictly below it) / n), so equal values
// always get equal scores and a score is skipped rather than split. The cut values are stored
// with the run so one customer's edit is scored later against the same cuts (scoreAgainst) and
// gets exactly the score the full recompute would have given the same value.
import { segmentOf, type RfmSegment } from '../../shared/segments';

/** score ≥ s exactly when value > cuts[s - 2] (s = 2..5); four cuts, ascending. */
export type Cuts = [number, number, number, number];

export interface RfmCuts {
  n: number;
  /** Recency in days: lower is better, so R ≥ s when days < r[s - 2]. */
  r: Cuts;
  /** Paid orders: F ≥ s when orders > f[s - 2]. */
  f: Cuts;
  /** Spend in cents: M ≥ s when spend > m[s - 2]. */
  m: Cuts;
}

/** The cuts of `values` (any order): the value at each quintile boundary of the sorted values. */
export function quintileCuts(values: ArrayLike<number>): Cuts {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const cuts = [0, 0, 0, 0] as Cuts;
  // below(x) ≥ j  ⇔  x > sorted[j - 1], with j = ceil((s - 1) n / 5) the fewest values below a score s.
  for (let s = 2; s <= 5; s++) {
    const j = Math.ceil(((s - 1) * n) / 5);
    cuts[s - 2] = n ? sorted[Math.max(0, j - 1)] : 0;
  }
  return cuts;
}

/** 1 + how many cuts `value` is above: its quintile score. */
export function scoreAbove(value: number, cuts: Cuts): number {
  let s = 1;
  for (const c of cuts) if (value > c) s++;
  return s;
}

/** Recency's score: fewer days is better (days below the cut). */
export function scoreBelow(value: number, cuts: Cuts): number {
  let s = 1;
  for (const c of cuts) if (value < c) s++;
  return s;
}

/** Recency, negated so the ascending cuts work; stored back in days. */
function recencyCuts(days: ArrayLike<number>): Cuts {
  const neg = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) neg[i] = -days[i];
  return quintileCuts(neg).map((c) => -c) as Cuts;
}

export function rfmCuts(recencyDays: ArrayLike<number>, orders: ArrayLike<number>, spend: ArrayLike<number>): RfmCuts {
  return { n: orders.length, r: recencyCuts(recencyDays), f: quintileCuts(orders), m: quintileCuts(spend) };
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** One customer's scores and segment against stored cuts. */
export function scoreAgainst(cuts: RfmCuts, recencyDays: number, orders: number, spend: number): RfmScore {
  const r = scoreBelow(recencyDays, cuts.r);
  const f = scoreAbove(orders, cuts.f);
  const m = scoreAbove(spend, cuts.m);
  return { r, f, m, segment: segmentOf(r, f, m) };
}

/** Everyone's scores at once (typed arrays, as the recompute reads them). */
export function scoreAll(recencyDays: Float64Array, orders: Float64Array, spend: Float64Array) {
  const cuts = rfmCuts(recencyDays, orders, spend);
  const n = orders.length;
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const segment: RfmSegment[] = new Array<RfmSegment>(n);
  for (let i = 0; i < n; i++) {
    const s = scoreAgainst(cuts, recencyDays[i], orders[i], spend[i]);
    r[i] = s.r;
    f[i] = s.f;
    m[i] = s.m;
    segment[i] = s.segment;
  }
  return { cuts, r, f, m, segment };
}

/** Whole days from `time` to the end of the analysis day. */
export const daysBefore = (asOf: number, time: number): number => Math.floor((asOf - time) / 86_400_000);
