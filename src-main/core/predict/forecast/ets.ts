// Exponential smoothing in the innovations state-space form of Hyndman, Koehler, Ord & Snyder
// (2008), "Forecasting with Exponential Smoothing" (also Hyndman & Athanasopoulos, "Forecasting:
// Principles and Practice", ch. 8): error A/M, trend N/A/Ad, season N/A/M, fitted by maximum
// likelihood. The smoothing parameters, φ and the initial level and slope are estimated; the
// initial seasonal states come from a classical decomposition (init.ts) and stay fixed, which
// keeps a fit on three years of daily data to a few parameters.
import { minimise } from '../optimise';
import { initialStates } from './init';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Season length; 1 when season is 'N'. */
  m: number;
}

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  /** Final states: level, slope, and the last m seasonal states (oldest first). */
  level: number;
  slope: number;
  seasonal: number[];
  /** Variance of the innovations (relative errors for a multiplicative-error model). */
  sigma2: number;
  loglik: number;
  aicc: number;
  /** Estimated parameters plus initial states plus σ (Hyndman et al. 2008 §5.1 count). */
  k: number;
  converged: boolean;
}

export const specName = (s: EtsSpec) => `ETS(${s.error},${s.trend},${s.season})`;

// Admissible ranges, the usual ones of Hyndman's ets(): 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98.
const PHI_LO = 0.8;
const PHI_HI = 0.98;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

interface Layout {
  spec: EtsSpec;
  hasTrend: boolean;
  hasSeason: boolean;
  damped: boolean;
}

/** Unbounded vector → parameters inside their ranges (logistic maps, nested so β < α, γ < 1 − α). */
function decode(x: number[], L: Layout): { p: EtsParams; l0: number; b0: number } {
  let i = 0;
  const alpha = 1e-4 + (1 - 2e-4) * logistic(x[i++]);
  const beta = L.hasTrend ? alpha * logistic(x[i++]) : 0;
  const gamma = L.hasSeason ? (1 - alpha) * logistic(x[i++]) : 0;
  const phi = L.damped ? PHI_LO + (PHI_HI - PHI_LO) * logistic(x[i++]) : 1;
  return { p: { alpha, beta, gamma, phi }, l0: x[i++], b0: L.hasTrend ? x[i] : 0 };
}

function encode(p: EtsParams, l0: number, b0: number, L: Layout): number[] {
  const x = [logit((p.alpha - 1e-4) / (1 - 2e-4))];
  if (L.hasTrend) x.push(logit(p.beta / p.alpha));
  if (L.hasSeason) x.push(logit(p.gamma / (1 - p.alpha)));
  if (L.damped) x.push(logit((p.phi - PHI_LO) / (PHI_HI - PHI_LO)));
  x.push(l0);
  if (L.hasTrend) x.push(b0);
  return x;
}

interface Pass {
  sse: number;
  /** Σ log|μ_t|, the Jacobian term of a multiplicative-error likelihood. */
  logMu: number;
  level: number;
  slope: number;
  seasonal: Float64Array;
}

/** The states a filter or a simulated path carries from one step to the next. */
interface State {
  l: number;
  b: number;
  s: Float64Array;
}

/**
 * One step of the state equations, given the step's r = y − μ, its one-step level lp = l + φb and
 * seasonal st: the same for additive and multiplicative errors (Hyndman et al. 2008 Table 2.3
 * with ε·μ = r), so the filter and the simulation share it.
 */
function advance(x: State, j: number, r: number, lp: number, st: number, p: EtsParams, season: SeasonType): void {
  if (season === 'M') {
    x.l = lp + (p.alpha * r) / st;
    x.b = p.phi * x.b + (p.beta * r) / st;
    x.s[j] = st + (p.gamma * r) / lp;
  } else {
    x.l = lp + p.alpha * r;
    x.b = p.phi * x.b + p.beta * r;
    if (season === 'A') x.s[j] = st + p.gamma * r;
  }
}

/**
 * One pass of the filter. With r = y − μ the state updates are the same for additive and
 * multiplicative errors (Hyndman et al. 2008 Table 2.3 with ε·μ = r); only the likelihood differs.
 * Returns null when a forecast leaves the region the model needs (μ ≤ 0 with multiplicative parts).
 */
function filter(y: ArrayLike<number>, spec: EtsSpec, p: EtsParams, l0: number, b0: number, s0: ArrayLike<number>): Pass | null {
  const m = spec.m;
  const s = Float64Array.from(s0);
  const multErr = spec.error === 'M';
  const multSeason = spec.season === 'M';
  const addSeason = spec.season === 'A';
  const x: State = { l: l0, b: b0, s };
  let sse = 0;
  let logMu = 0;
  for (let t = 0; t < y.length; t++) {
    const j = t % m;
    const st = s[j];
    const lp = x.l + p.phi * x.b;
    const mu = multSeason ? lp * st : addSeason ? lp + st : lp;
    const r = y[t] - mu;
    if (multErr) {
      if (!(mu > 0)) return null;
      const e = r / mu;
      sse += e * e;
      logMu += Math.log(mu);
    } else sse += r * r;
    if (multSeason && (!(st > 0) || !(lp > 0))) return null;
    advance(x, j, r, lp, st, p, spec.season);
  }
  // Oldest seasonal state first: s[j] is the one used at the next t with t % m = j.
  const n = y.length;
  const seasonal = new Float64Array(m);
  for (let i = 0; i < m; i++) seasonal[i] = s[(n + i) % m];
  return { sse, logMu, level: x.l, slope: x.b, seasonal };
}

export interface FitOptions {
  maxRestarts?: number;
}

/** Maximum-likelihood fit of one model (Hyndman et al. 2008 §5.2, σ² concentrated out). */
export function fitEts(y: number[], spec: EtsSpec, options: FitOptions = {}): EtsFit {
  const n = y.length;
  const L: Layout = { spec, hasTrend: spec.trend !== 'N', hasSeason: spec.season !== 'N', damped: spec.trend === 'Ad' };
  const init = initialStates(y, spec.m, spec.trend !== 'N', spec.season);
  const s0 = init.seasonal;
  // −2 log L up to constants: n log(SSE) (+ 2 Σ log μ for multiplicative errors).
  const objective = (x: number[]): number => {
    const { p, l0, b0 } = decode(x, L);
    const pass = filter(y, spec, p, l0, b0, s0);
    if (!pass || !(pass.sse > 0)) return Infinity;
    return n * Math.log(pass.sse) + 2 * pass.logMu;
  };
  const start: EtsParams = { alpha: 0.1, beta: 0.01, gamma: 0.01, phi: 0.95 };
  // The initial level and slope are on the data's scale; Nelder–Mead's simplex is relative, fine.
  const x0 = encode(start, init.level, init.slope, L);
  const best = minimise(objective, x0, { maxRestarts: options.maxRestarts ?? 6, tolerance: 1e-7 });
  const { p, l0, b0 } = decode(best.x, L);
  const pass = filter(y, spec, p, l0, b0, s0);
  if (!pass) throw new Error(`${specName(spec)} could not be fitted`);
  const sigma2 = pass.sse / n;
  // Gaussian log-likelihood with σ² at its maximum (Hyndman et al. 2008 eq. 5.3 / 5.4).
  const loglik = -0.5 * (n * Math.log(2 * Math.PI * sigma2) + n) - pass.logMu;
  const nParams = 1 + (L.hasTrend ? 1 : 0) + (L.hasSeason ? 1 : 0) + (L.damped ? 1 : 0);
  const nStates = 1 + (L.hasTrend ? 1 : 0) + (L.hasSeason ? spec.m - 1 : 0);
  const k = nParams + nStates + 1;
  const aic = -2 * loglik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return {
    spec,
    params: p,
    level: pass.level,
    slope: pass.slope,
    seasonal: Array.from(pass.seasonal),
    sigma2,
    loglik,
    aicc,
    k,
    converged: best.converged && Number.isFinite(best.fx),
  };
}

/** φ_h = φ + φ² + … + φ^h (h for an undamped trend, 0 for none). */
export function dampSum(phi: number, h: number): number {
  let s = 0;
  let f = 1;
  for (let i = 0; i < h; i++) s += f *= phi;
  return s;
}

/** Point forecasts (conditional means for the linear models) h = 1..horizon ahead. */
export function pointForecast(fit: EtsFit, horizon: number): number[] {
  const { spec, params, level, slope, seasonal } = fit;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const trend = level + dampSum(params.phi, h) * slope;
    const s = seasonal[(h - 1) % spec.m];
    out.push(spec.season === 'M' ? trend * s : spec.season === 'A' ? trend + s : trend);
  }
  return out;
}

/**
 * Forecast variance h = 1..horizon ahead for the linear class (additive error, no multiplicative
 * part): σ²[1 + Σ_{j=1}^{h−1} c_j²] with c_j = α + β φ_j + γ d_{j,m}, where d_{j,m} = 1 when m
 * divides j (Hyndman et al. 2008 Table 6.1; FPP Table 8.8). Null for the other classes.
 */
export function analyticVariance(fit: EtsFit, horizon: number): number[] | null {
  const { spec, params, sigma2 } = fit;
  if (spec.error !== 'A' || spec.season === 'M') return null;
  const out: number[] = [];
  let sum = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(sigma2 * sum);
    const j = h;
    const c = params.alpha + params.beta * (spec.trend === 'N' ? 0 : dampSum(params.phi, j)) + (spec.season === 'A' && j % spec.m === 0 ? params.gamma : 0);
    sum += c * c;
  }
  return out;
}

/** Sample paths h = 1..horizon ahead by running the model forward on Gaussian innovations. */
export function simulatePaths(fit: EtsFit, horizon: number, paths: number, normal: () => number): Float64Array[] {
  const { spec, params } = fit;
  const sigma = Math.sqrt(fit.sigma2);
  const out: Float64Array[] = [];
  for (let k = 0; k < paths; k++) {
    const x: State = { l: fit.level, b: fit.slope, s: Float64Array.from(fit.seasonal) };
    const path = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      const j = h % spec.m;
      const st = x.s[j];
      const lp = x.l + params.phi * x.b;
      const mu = spec.season === 'M' ? lp * st : spec.season === 'A' ? lp + st : lp;
      const e = sigma * normal();
      const r = spec.error === 'M' ? mu * e : e;
      path[h] = mu + r;
      advance(x, j, r, lp, st, params, spec.season);
    }
    out.push(path);
  }
  return out;
}
