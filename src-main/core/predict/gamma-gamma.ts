// Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
// Monetary Value", brucehardie.com note 025; after Colombo & Jiang 1999). A customer's transaction
// values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers; fitted on the customers with at
// least one repeat purchase, from x (repeat purchases) and zbar (their mean value). The model
// assumes spend is independent of frequency: spendFrequencyCorrelation checks that.
import { minimiseBfgs } from './bfgs';
import { inRange } from './bgnbd';
import { minimise } from './optimise';
import { digamma, lgamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendRow {
  x: number;
  zbar: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Log-likelihood of the zbar values (note 025, every constant included). */
  ll: number;
  /** false when the optimiser stalled or a parameter ran off toward 0 or ∞ (bgnbd.ts inRange). */
  converged: boolean;
  /** Customers the fit used: x > 0 and zbar > 0. */
  customers: number;
}

/** Repeat customers with a positive mean spend: the only ones the density is defined for. */
function usable(rows: readonly SpendRow[]): SpendRow[] {
  return rows.filter((r) => r.x > 0 && r.zbar > 0 && Number.isFinite(r.zbar));
}

/**
 * Σ ln f(zbar | p, q, γ, x) with (note 025)
 *   f = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · x^(px) · zbar^(px−1) / (γ + x·zbar)^(px+q),
 * and, when `grad` is given, its gradient with respect to (ln p, ln q, ln γ).
 */
function logLikelihood(params: GammaGammaParams, rows: readonly SpendRow[], grad?: number[]): number {
  const { p, q, gamma } = params;
  const lnGamma = Math.log(gamma);
  const lgq = lgamma(q);
  const dgq = digamma(q);
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dg = 0;
  // x takes few distinct values: its Γ and ψ terms are cached per value.
  const cache = new Map<number, [number, number, number]>();
  for (const { x, zbar } of rows) {
    let terms = cache.get(x);
    if (!terms) {
      const px = p * x;
      terms = [lgamma(px + q) - lgamma(px) + px * Math.log(x), digamma(px + q), digamma(px)];
      cache.set(x, terms);
    }
    const px = p * x;
    const lnZ = Math.log(zbar);
    const lnS = Math.log(gamma + x * zbar);
    ll += terms[0] - lgq + q * lnGamma + (px - 1) * lnZ - (px + q) * lnS;
    if (grad) {
      dp += x * (terms[1] - terms[2] + Math.log(x) + lnZ - lnS);
      dq += terms[1] - dgq + lnGamma - lnS;
      dg += q / gamma - (px + q) / (gamma + x * zbar);
    }
  }
  if (grad) {
    grad[0] = dp * p;
    grad[1] = dq * q;
    grad[2] = dg * gamma;
  }
  return ll;
}

/** Log-likelihood of the usable rows (x > 0, zbar > 0) under `params`. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendRow[]): number {
  return logLikelihood(params, usable(rows));
}

const fromLog = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });

/** Maximum-likelihood fit on the customers with x > 0 and zbar > 0; throws when there are none. */
export function fitGammaGamma(rows: readonly SpendRow[], options: { start?: GammaGammaParams } = {}): GammaGammaFit {
  const raw = usable(rows);
  if (raw.length === 0) throw new Error('Gamma-Gamma: no customers with a repeat purchase of positive value to fit');
  // Fitted on spend divided by its median, so γ stays near 1 in any currency and unit (cents of
  // won would put ln γ past inRange): p and q do not depend on the unit, γ scales with it, and
  // the log-likelihood of the data in its own unit is n·ln(scale) lower (one zbar per customer).
  const sorted = raw.map((r) => r.zbar).sort((a, b) => a - b);
  const scale = sorted[Math.floor(sorted.length / 2)];
  const use = raw.map((r) => ({ x: r.x, zbar: r.zbar / scale }));
  const start = options.start ?? { p: 1, q: 1, gamma: 1 };
  const x0 = [start.p, start.q, start.gamma].map(Math.log);
  const fg = (v: number[], g: number[]) => {
    const ll = logLikelihood(fromLog(v), use, g);
    for (let i = 0; i < 3; i++) g[i] = -g[i];
    return -ll;
  };
  let best = minimiseBfgs(fg, x0);
  if (!best.converged) {
    const nm = minimise((v) => -logLikelihood(fromLog(v), use), best.x);
    best = { x: nm.x, fx: nm.fx, converged: nm.converged, iterations: best.iterations };
  }
  const fitted = fromLog(best.x);
  return {
    params: { ...fitted, gamma: fitted.gamma * scale },
    ll: -best.fx - use.length * Math.log(scale),
    // q ≤ 1 has no population mean spend (heavy-tailed spend): not a usable fit.
    converged: best.converged && Number.isFinite(best.fx) && best.x.every(inRange) && fitted.q > 1,
    customers: use.length,
  };
}

/**
 * E(Z | x, zbar) = (γ + zbar·x) p / (p x + q − 1) (note 025): a weighted mean of the
 * customer's own zbar and the population mean pγ/(q−1), which is what x = 0 gets. Infinite when
 * q ≤ 1 (the population mean does not exist then).
 */
export function conditionalSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  if (x <= 0) return q > 1 ? (p * gamma) / (q - 1) : Number.POSITIVE_INFINITY;
  const d = p * x + q - 1;
  return d > 0 ? ((gamma + zbar * x) * p) / d : Number.POSITIVE_INFINITY;
}

/**
 * |r| at or above which frequency and spend are treated as dependent. lifetimes' Quickstart
 * ("The Gamma-Gamma model and the independence assumption") checks this Pearson correlation
 * before fitting (CDNOW: 0.11) but names no cut; 0.3 is Cohen's (1988) "medium" correlation,
 * our own convention for "no longer weak".
 */
export const CORRELATION_WARNING = 0.3;

export interface SpendFrequencyCorrelation {
  /** Pearson r of x and zbar among the repeat customers (NaN with fewer than 2 or no spread). */
  r: number;
  customers: number;
  correlationWarning: boolean;
}

export function spendFrequencyCorrelation(rows: readonly SpendRow[]): SpendFrequencyCorrelation {
  const use = usable(rows);
  const n = use.length;
  let mx = 0;
  let mz = 0;
  for (const { x, zbar } of use) {
    mx += x / n;
    mz += zbar / n;
  }
  let sxz = 0;
  let sxx = 0;
  let szz = 0;
  for (const { x, zbar } of use) {
    sxz += (x - mx) * (zbar - mz);
    sxx += (x - mx) ** 2;
    szz += (zbar - mz) ** 2;
  }
  const r = n >= 2 && sxx > 0 && szz > 0 ? sxz / Math.sqrt(sxx * szz) : Number.NaN;
  return { r, customers: n, correlationWarning: Math.abs(r) >= CORRELATION_WARNING };
}
