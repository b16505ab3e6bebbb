// Sales forecast: the ETS family (ets.ts) fitted to every admissible candidate and the one with
// the smallest AICc kept, as Hyndman's ets() does (Hyndman et al. 2008 §7.2; FPP 8.6), on the raw
// values or on √y for non-negative sales; intervals from the analytic variance where the
// model is linear, else from seeded simulated paths (Hyndman et al. 2008 ch. 6).
import { Rng } from '../../sample/random';
import { analyticVariance, fitEts, pointForecast, simulatePaths, specName, type EtsFit, type EtsSpec, type SeasonType, type TrendType } from './ets';
import type { Period } from './series';
import { periodsPerYear, yearlyProfile } from './yearly';

export type Transform = 'none' | 'log' | 'sqrt';

export interface ForecastOptions {
  horizon: number;
  /** Season length; detected from the period (7 a day, 52 a week, 12 a month) or the autocorrelation when absent. 1 = none. */
  season?: number;
  period?: Period;
  /**
   * Models √y (Box–Cox λ = ½) or log(1 + y) and back-transforms, so the point forecast is the
   * median. Default √y for non-negative data: on rolling origins (AirPassengers, daily shop
   * revenue with zero days) it beat both the raw values and the log, whose zero days swamp the fit.
   */
  transform?: Transform;
  /**
   * Take a time-of-year profile out before the ETS fit (yearly.ts); default on for daily and weekly
   * data of two years or more. For weeks it stands in for the 52-week ETS season.
   */
  yearly?: boolean;
  /** Seed for the simulated intervals. */
  seed?: number;
}

export interface Forecast {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  /** e.g. "ETS(A,Ad,A)", with " on √y" when transformed and " + yearly profile" when one was used. */
  model: string;
  season: number;
  aicc: number;
  converged: boolean;
  transform: Transform;
}

/** Input a forecast cannot be made from (too short, not numbers); the message says why. */
export class ForecastInputError extends Error {}

/** Fewer points than this and there is nothing to fit even a level to. */
export const MIN_POINTS = 4;
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;
const SIM_PATHS = 2000;

/** The usual season of a period: a week of days, a year of weeks or months. */
export function seasonOfPeriod(period: Period, n: number): number {
  if (period === 'day') return 7;
  if (period === 'month') return 12;
  // A year of weeks needs two years of data to say anything (and 52 states to fit from them).
  return n >= 2 * 52 + 12 ? 52 : 1;
}

/**
 * The lag (2..n/3) where the autocorrelation of the differenced series peaks, if the peak is
 * above the 95% white-noise band 1.96/√n (Box & Jenkins); else 1.
 */
export function detectSeason(y: number[]): number {
  const d = y.slice(1).map((v, i) => v - y[i]);
  const n = d.length;
  if (n < 8) return 1;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  let c0 = 0;
  for (const v of d) c0 += (v - mean) ** 2;
  if (c0 === 0) return 1;
  const acf = (lag: number) => {
    let s = 0;
    for (let t = lag; t < n; t++) s += (d[t] - mean) * (d[t - lag] - mean);
    return s / c0;
  };
  const maxLag = Math.min(Math.floor(n / 3), 400);
  const r = [1, acf(1)];
  let best = 1;
  let bestR = 1.96 / Math.sqrt(n);
  for (let lag = 2; lag <= maxLag + 1; lag++) {
    r.push(acf(lag));
    const k = lag - 1;
    // A local peak, not the shoulder of a slowly decaying autocorrelation.
    if (k >= 2 && r[k] > r[k - 1] && r[k] >= r[k + 1] && r[k] > bestR) {
      best = k;
      bestR = r[k];
    }
  }
  return best;
}

function candidates(m: number, positive: boolean): EtsSpec[] {
  const trends: TrendType[] = ['N', 'A', 'Ad'];
  const seasons: SeasonType[] = m > 1 ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const out: EtsSpec[] = [];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const)) {
    for (const trend of trends) {
      for (const season of seasons) {
        // Additive errors with a multiplicative season are numerically unstable; ets() leaves them out too.
        if (error === 'A' && season === 'M') continue;
        out.push({ error, trend, season, m: season === 'N' ? 1 : m });
      }
    }
  }
  return out;
}

function normalSource(seed: number): () => number {
  const rng = new Rng(seed, 0xf0ca);
  // Box–Muller.
  return () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function quantile(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

interface Bands {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

function bands(fit: EtsFit, horizon: number, seed: number): Bands {
  const mean = pointForecast(fit, horizon);
  const variance = analyticVariance(fit, horizon);
  if (variance) {
    const sd = variance.map(Math.sqrt);
    return {
      mean,
      lower80: mean.map((f, i) => f - Z80 * sd[i]),
      upper80: mean.map((f, i) => f + Z80 * sd[i]),
      lower95: mean.map((f, i) => f - Z95 * sd[i]),
      upper95: mean.map((f, i) => f + Z95 * sd[i]),
    };
  }
  const paths = simulatePaths(fit, horizon, SIM_PATHS, normalSource(seed));
  const b: Bands = { mean, lower80: [], upper80: [], lower95: [], upper95: [] };
  const col = new Float64Array(SIM_PATHS);
  for (let h = 0; h < horizon; h++) {
    for (let k = 0; k < SIM_PATHS; k++) col[k] = paths[k][h];
    col.sort();
    b.lower95.push(quantile(col, 0.025));
    b.lower80.push(quantile(col, 0.1));
    b.upper80.push(quantile(col, 0.9));
    b.upper95.push(quantile(col, 0.975));
  }
  return b;
}

function checkInput(values: number[], horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new ForecastInputError(`The horizon must be a whole number ≥ 1, got ${horizon}`);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new ForecastInputError(`Value ${bad + 1} is not a finite number (${values[bad]})`);
  if (values.length < MIN_POINTS) throw new ForecastInputError(`A forecast needs at least ${MIN_POINTS} points, got ${values.length}`);
}

/** The season length used: as given, else from the period, else detected; 1 when there are fewer than two seasons of data. */
export function chooseSeason(values: number[], options: Pick<ForecastOptions, 'season' | 'period'>): number {
  const given = options.season;
  if (given !== undefined && (!Number.isInteger(given) || given < 0)) throw new ForecastInputError(`The season must be a whole number ≥ 0, got ${given}`);
  const m = given ?? (options.period ? seasonOfPeriod(options.period, values.length) : detectSeason(values));
  return m >= 2 && values.length >= 2 * m ? m : 1;
}

export function forecastSeries(values: number[], options: ForecastOptions): Forecast {
  const { horizon } = options;
  checkInput(values, horizon);
  const perYear = periodsPerYear(options.period);
  // Two years at least: one to learn the profile from and one to fit the rest on.
  // For weeks a season given by the caller means an ETS season instead.
  const yearly = perYear !== null && (options.yearly ?? (values.length >= 2 * perYear && (options.period === 'day' || options.season === undefined)));
  // A weekly series' season is the year, which the profile then holds.
  const m = yearly && options.period === 'week' ? 1 : chooseSeason(values, options);
  const nonNegative = values.every((v) => v >= 0);
  const transform: Transform = nonNegative ? (options.transform ?? 'sqrt') : 'none';
  const flat = (v: number): Forecast => {
    const f = new Array<number>(horizon).fill(v);
    return { mean: f, lower80: f, upper80: f, lower95: f, upper95: f, model: 'constant', season: m, aicc: NaN, converged: true, transform: 'none' };
  };
  // A constant series has no error to estimate a likelihood from: its forecast is itself.
  if (values.every((v) => v === values[0])) return flat(values[0]);
  const z = transform === 'log' ? values.map(Math.log1p) : transform === 'sqrt' ? values.map(Math.sqrt) : values;
  // With a yearly profile the model is fitted to what the profile leaves, from the second year on.
  const profile = yearly && perYear !== null ? yearlyProfile(z, horizon, options.period as 'day' | 'week') : null;
  const skip = profile && perYear !== null ? Math.min(perYear, Math.max(0, z.length - 2 * m - MIN_POINTS)) : 0;
  const y = profile ? z.slice(skip).map((v, i) => v - profile[skip + i]) : z;
  const ahead = (xs: number[]) => (profile ? xs.map((v, h) => v + profile[z.length + h]) : xs);
  // Multiplicative parts need positive values (Hyndman et al. 2008 §2.5.2).
  const positive = y.every((v) => v > 0);
  let best: EtsFit | null = null;
  let converged = true;
  for (const spec of candidates(m, positive)) {
    let fit: EtsFit;
    try {
      fit = fitEts(y, spec);
    } catch {
      continue;
    }
    if (!best || fit.aicc < best.aicc) {
      best = fit;
      converged = fit.converged;
    }
  }
  if (!best) throw new ForecastInputError('No exponential smoothing model could be fitted to this series');
  const b = bands(best, horizon, options.seed ?? 1);
  const back = (xs: number[]) => ahead(xs).map((v) => (transform === 'log' ? Math.expm1(v) : transform === 'sqrt' ? Math.sign(v) * v * v : v)).map((v) => (nonNegative ? Math.max(0, v) : v));
  return {
    mean: back(b.mean),
    lower80: back(b.lower80),
    upper80: back(b.upper80),
    lower95: back(b.lower95),
    upper95: back(b.upper95),
    model: specName(best.spec) + (transform === 'log' ? ' on log(1+y)' : transform === 'sqrt' ? ' on √y' : '') + (profile ? ' + yearly profile' : ''),
    // The season the forecast holds: the year's for weeks with a profile.
    season: profile && options.period === 'week' ? (perYear ?? m) : m,
    aicc: best.aicc,
    converged,
    transform,
  };
}
