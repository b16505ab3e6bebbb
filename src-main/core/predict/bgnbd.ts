// BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "'Counting Your Customers' the Easy
// Way", Marketing Science 24(2) 275–284; "FHL" below). While alive a customer buys at Poisson rate
// λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b). A customer's
// history is (x repeat purchases, t_x = time of the last one, T = time since the first), in weeks.
//
// Fitting is maximum likelihood on log-parameters with an analytic gradient (BFGS), over the
// distinct (x, t_x, T) tuples with their counts: the app's t_x and T are whole days / 7, so
// 100,000 customers collapse to far fewer tuples, and the per-x and per-T terms are computed once
// per distinct value.
import { minimiseBfgs } from './bfgs';
import { minimise } from './optimise';
import { digamma, hyp2f1, hyp2f1Series, lgamma, logHyp2f1Positive } from './special';

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgnbdRow {
  x: number;
  t_x: number;
  T: number;
}

export interface BgnbdFit {
  params: BgnbdParams;
  /** Log-likelihood at the fit, with every constant of FHL eq. (6). */
  ll: number;
  /** false when the optimiser stalled or a parameter ran off toward 0 or ∞ (see inRange). */
  converged: boolean;
  customers: number;
  /** a or b reached its bound (LOG_AB_MAX): dropout looks about the same for every customer. */
  dropoutAlike?: boolean;
}

export interface BgnbdFitOptions {
  /** Where the search starts (default r = α = a = b = 1, the start lifetimes uses). */
  start?: BgnbdParams;
}

/** Rows collapsed to distinct tuples, with index tables for the per-x, per-T and per-t_x terms. */
interface Compressed {
  n: number;
  count: Float64Array;
  x: Float64Array;
  xIdx: Int32Array;
  TIdx: Int32Array;
  /** -1 when x = 0 (t_x does not enter the likelihood then). */
  txIdx: Int32Array;
  xs: Float64Array;
  xCount: Float64Array;
  Ts: Float64Array;
  txs: Float64Array;
}

function compress(rows: readonly BgnbdRow[]): Compressed {
  const tuples = new Map<string, number>();
  const count: number[] = [];
  const keys: [number, number, number][] = [];
  for (const row of rows) {
    const { x, t_x, T } = row;
    if (!(Number.isInteger(x) && x >= 0 && t_x >= 0 && T >= t_x && T > 0)) {
      throw new Error(`BG/NBD: a customer's history is invalid (x=${x}, t_x=${t_x}, T=${T}): need whole x ≥ 0 and 0 ≤ t_x ≤ T, T > 0`);
    }
    const tx = x === 0 ? 0 : t_x;
    const key = `${x},${tx},${T}`;
    const at = tuples.get(key);
    if (at === undefined) {
      tuples.set(key, count.length);
      count.push(1);
      keys.push([x, tx, T]);
    } else count[at]++;
  }
  const index = (values: number[]) => {
    const map = new Map<number, number>();
    for (const v of values) if (!map.has(v)) map.set(v, map.size);
    return map;
  };
  const xMap = index(keys.map((k) => k[0]));
  const TMap = index(keys.map((k) => k[2]));
  const txMap = index(keys.filter((k) => k[0] > 0).map((k) => k[1]));
  const n = keys.length;
  const c: Compressed = {
    n,
    count: Float64Array.from(count),
    x: Float64Array.from(keys, (k) => k[0]),
    xIdx: Int32Array.from(keys, (k) => xMap.get(k[0]) as number),
    TIdx: Int32Array.from(keys, (k) => TMap.get(k[2]) as number),
    txIdx: Int32Array.from(keys, (k) => (k[0] > 0 ? (txMap.get(k[1]) as number) : -1)),
    xs: Float64Array.from(xMap.keys()),
    xCount: new Float64Array(xMap.size),
    Ts: Float64Array.from(TMap.keys()),
    txs: Float64Array.from(txMap.keys()),
  };
  for (let i = 0; i < n; i++) c.xCount[c.xIdx[i]] += c.count[i];
  return c;
}

/**
 * Log-likelihood (FHL eq. 6) and, when `grad` is given, its gradient with respect to
 * (ln r, ln α, ln a, ln b). Per customer:
 *   ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *   + ln[ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x) ]
 * the last term as a log-sum-exp so large x cannot overflow.
 */
function logLikelihood(p: BgnbdParams, c: Compressed, grad?: number[]): number {
  const { r, alpha, a, b } = p;
  const N = c.xCount.reduce((s, v) => s + v, 0);
  // Per-customer terms that do not depend on x.
  let ll = N * (-lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b));
  let dr = N * (-digamma(r) + Math.log(alpha));
  let dAlpha = (N * r) / alpha;
  let da = N * digamma(a + b);
  let db = N * (digamma(a + b) - digamma(b));
  const nx = c.xs.length;
  const lnBx1 = new Float64Array(nx);
  for (let k = 0; k < nx; k++) {
    const x = c.xs[k];
    const w = c.xCount[k];
    ll += w * (lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x));
    if (grad) {
      dr += w * digamma(r + x);
      da -= w * digamma(a + b + x);
      db += w * (digamma(b + x) - digamma(a + b + x));
    }
    lnBx1[k] = x > 0 ? Math.log(b + x - 1) : 0;
  }
  const lnT = c.Ts.map((T) => Math.log(alpha + T));
  const lnTx = c.txs.map((t) => Math.log(alpha + t));
  const lnA = Math.log(a);
  for (let i = 0; i < c.n; i++) {
    const x = c.x[i];
    const w = c.count[i];
    const l3 = -(r + x) * lnT[c.TIdx[i]];
    if (x === 0) {
      ll += w * l3;
      if (grad) {
        dr -= w * lnT[c.TIdx[i]];
        dAlpha -= (w * r) / (alpha + c.Ts[c.TIdx[i]]);
      }
      continue;
    }
    const k = c.xIdx[i];
    const l4 = lnA - lnBx1[k] - (r + x) * lnTx[c.txIdx[i]];
    const hi = Math.max(l3, l4);
    ll += w * (hi + Math.log1p(Math.exp(Math.min(l3, l4) - hi)));
    if (grad) {
      // Weight of the "dropped out right after the last purchase" branch in the sum.
      const q = 1 / (1 + Math.exp(l3 - l4));
      dr -= w * ((1 - q) * lnT[c.TIdx[i]] + q * lnTx[c.txIdx[i]]);
      dAlpha -= w * (r + x) * ((1 - q) / (alpha + c.Ts[c.TIdx[i]]) + q / (alpha + c.txs[c.txIdx[i]]));
      da += (w * q) / a;
      db -= (w * q) / (b + x - 1);
    }
  }
  if (grad) {
    grad[0] = dr * r;
    grad[1] = dAlpha * alpha;
    grad[2] = da * a;
    grad[3] = db * b;
  }
  return ll;
}

/** Total log-likelihood of the rows under `params` (FHL eq. 6, all constants included). */
export function bgnbdLogLikelihood(params: BgnbdParams, rows: readonly BgnbdRow[]): number {
  return logLikelihood(params, compress(rows));
}

const fromLog = (v: number[]): BgnbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });

/**
 * a and b are kept below e^LOG_AB_MAX (about 22,000) by a smooth transform, ln a = L·tanh(v/L):
 * where nobody's dropout differs much from anybody's (a synthetic shop, a subscription box) the
 * likelihood keeps rising, ever more slowly, as a and b grow together at a fixed a/(a+b), and
 * Beta(a, b) with both in the thousands is already that point mass. An interior optimum (CDNOW's
 * a = 0.79, b = 2.43) is the same in either coordinates.
 */
const LOG_AB_MAX = 10;
const BOUNDED = [false, false, true, true];
const toLogParam = (v: number[]) => v.map((x, i) => (BOUNDED[i] ? LOG_AB_MAX * Math.tanh(x / LOG_AB_MAX) : x));
const fromLogParam = (l: number[]) => l.map((x, i) => (BOUNDED[i] ? LOG_AB_MAX * Math.atanh(Math.max(-0.999, Math.min(0.999, x / LOG_AB_MAX))) : x));

/** Maximum-likelihood fit. Throws on an empty or invalid input. */
export function fitBgnbd(rows: readonly BgnbdRow[], options: BgnbdFitOptions = {}): BgnbdFit {
  if (rows.length === 0) throw new Error('BG/NBD: no customers to fit');
  const c = compress(rows);
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const x0 = fromLogParam([start.r, start.alpha, start.a, start.b].map(Math.log));
  // Minimise −LL; the log-parameters keep every value valid.
  const fg = (v: number[], g: number[]) => {
    const l = toLogParam(v);
    const ll = logLikelihood(fromLog(l), c, g);
    for (let i = 0; i < 4; i++) g[i] = -g[i] * (BOUNDED[i] ? 1 - Math.tanh(v[i] / LOG_AB_MAX) ** 2 : 1);
    return -ll;
  };
  let best = minimiseBfgs(fg, x0);
  if (!best.converged) {
    // A rare stall (a very flat ridge): polish from the best point with Nelder–Mead.
    const nm = minimise((v) => -logLikelihood(fromLog(toLogParam(v)), c), best.x);
    best = { x: nm.x, fx: nm.fx, converged: nm.converged, iterations: best.iterations };
  }
  const l = toLogParam(best.x);
  const dropoutAlike = l[2] > LOG_AB_MAX - 0.1 || l[3] > LOG_AB_MAX - 0.1;
  return { params: fromLog(l), ll: -best.fx, converged: best.converged && Number.isFinite(best.fx) && l.every(inRange), customers: rows.length, dropoutAlike };
}

/**
 * A log-parameter past ±16 (a value above 8.9e6 or below 1.1e-7; fitted values on real data are
 * within 1e-3..1e5) means the likelihood kept rising toward 0 or ∞: the data (too few or too alike
 * customers) cannot pin the model down, so the fit is not reported as converged. BG/NBD's a and b
 * never get there (LOG_AB_MAX caps them; dropoutAlike says so); r, α and Gamma-Gamma's p, q and γ
 * (fitted on spend scaled to its median) can.
 */
export const inRange = (logParam: number) => Math.abs(logParam) < 16;

/** ln of the odds term a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) in P(alive). */
function logDeadOdds(p: BgnbdParams, x: number, t_x: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + t_x));
}

/** P(alive at T | x, t_x, T) = 1 / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie & Lee 2008 note "Computing P(alive) using the BG/NBD model"). */
export function pAlive(params: BgnbdParams, x: number, t_x: number, T: number): number {
  const lo = logDeadOdds(params, x, t_x, T);
  return lo > 0 ? Math.exp(-lo) / (1 + Math.exp(-lo)) : 1 / (1 + Math.exp(lo));
}

/** a, nudged off 1 where (a+b+x−1)/(a−1) · [1 − …] is 0/0; the expression is smooth in a there. */
const awayFromOne = (a: number) => (Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a);

/**
 * Expected purchases in (T, T+t] of a customer still alive: E[Y(t) | x, t_x, T] / P(alive), which
 * depends on x and T only (so CLV reuses it across customers with the same x and T).
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t):
 * FHL eq. (10)'s numerator (and eq. 7 with x = 0, T = 0). Euler's transformation (A&S 15.3.3)
 * rewrites (1−z)^(r+x) ₂F₁(r+x, b+x; c; z) as (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z), c = a+b+x−1,
 * whose parameters stay small for large x, so its series neither overflows nor needs many terms.
 */
export function expectedIfAlive(p: BgnbdParams, t: number, x: number, T: number): number {
  if (!(t > 0)) return 0;
  const a = awayFromOne(p.a);
  const c = a + p.b + x - 1;
  const z = t / (p.alpha + T + t);
  // With a in the tens or hundreds (dropout nearly the same for everyone) Euler's series climbs
  // for about a·z terms, past 1e308 when z nears 1 (0 × ∞). Pfaff's transformation on b (A&S
  // 15.3.4) gives the same product as ₂F₁(r+x, a−1; c; z/(z−1)), whose terms shrink at once by
  // about (a−1)/c · z/(1−z): a handful of terms where Euler's needs hundreds.
  const w = z / (z - 1);
  const pfaffFirst = a > 10 && ((a - 1) / c) * Math.abs(w) * Math.max(1, p.r + x) < 0.5;
  let f = pfaffFirst ? hyp2f1Series(p.r + x, a - 1, c, w) : Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1(a + p.b - 1 - p.r, a - 1, c, z);
  if (!Number.isFinite(f)) f = pfaffFirst ? Math.exp((a - 1) * Math.log1p(-z)) * hyp2f1(a + p.b - 1 - p.r, a - 1, c, z) : hyp2f1Series(p.r + x, a - 1, c, w);
  // Both overflow (a in the hundreds, a long horizon, a new customer: z near 1): Euler's series
  // summed in logs, its terms all positive there.
  if (!Number.isFinite(f)) f = Math.exp((a - 1) * Math.log1p(-z) + logHyp2f1Positive(a + p.b - 1 - p.r, a - 1, c, z));
  return (c / (a - 1)) * (1 - f);
}

/** Unconditional E[X(t)], purchases by a new customer in (0, t] (FHL eq. 7). */
export function expectedPurchasesNew(params: BgnbdParams, t: number): number {
  return expectedIfAlive(params, t, 0, 0);
}

/** E[Y(t) | x, t_x, T], expected purchases in (T, T+t] given the history (FHL eq. 10). */
export function expectedPurchases(params: BgnbdParams, t: number, x: number, t_x: number, T: number): number {
  return expectedIfAlive(params, t, x, T) * pAlive(params, x, t_x, T);
}

/** P(no purchase in (T, T+t] | history) = 1 − P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x). */
export function pNoPurchase(params: BgnbdParams, t: number, x: number, t_x: number, T: number): number {
  const alive = pAlive(params, x, t_x, T);
  if (!(t > 0)) return 1;
  const survive = Math.exp((params.r + x) * (Math.log(params.alpha + T) - Math.log(params.alpha + T + t)));
  return 1 - alive + alive * survive;
}
