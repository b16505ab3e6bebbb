// The predictions in phases, each a plain function so the job (recompute-job.ts) reports progress
// between them and the bench times them: read the history; fit BG/NBD and Gamma-Gamma; train and
// score churn; CLV per customer; the sales forecasts; the bought-together rules. Everything is as
// of the analysis date the segments use (segments/analysis-date.ts).
import type Database from 'better-sqlite3';
import {
  FORECAST_HORIZON,
  FORECAST_PERIODS,
  MIN_CUSTOMERS_FOR_FIT,
  MIN_REPEAT_CUSTOMERS_FOR_FIT,
  type ChurnReason,
  type ForecastPeriod,
  type PredictionSettings,
} from '../../shared/predictions';
import { salesDaysSource } from '../dashboard/sales-days';
import { PAID } from '../orders/metrics';
import { dayOf } from '../segments/analysis-date';
import { itemName } from './basket/item-name';
import { appMinSupport, APP_MAX_LENGTH, mineRules } from './basket/rules';
import { expectedPurchases, fitBgnbd, type BgnbdFit, type BgnbdParams } from './bgnbd';
import { churnReasons, churnRisk, type ChurnInput, type ChurnModel } from './churn';
import { churnPeriodDays } from './churn-period';
import { churnInputsAt, churnSplit, trainChurn, type ChurnSplitResult, type TrainedChurn } from './churn-split';
import { customerLifetimeValue, WEEKS_PER_MONTH, type ClvCache } from './clv';
import { forecastSales, type SalesForecast } from './forecast-sales';
import { conditionalSpend, fitGammaGamma, spendFrequencyCorrelation, type GammaGammaFit, type GammaGammaParams } from './gamma-gamma';
import { customersAtCut, DAY_MS, fittable, readHistory, type CustomerAtCut, type PurchaseHistory } from './history';

/** Bought-together rules come from the orders of this many days before the analysis date. */
export const BASKET_DAYS = 730;
export const BASKET_MIN_CONFIDENCE = 0.1;
/** Rules kept per run (best lift first): far more than any screen shows. */
export const MAX_RULES = 5_000;

/** A fit as a run keeps it: when this run's did not converge, the last good one, and from when. */
export type KeptFit<F> = F & { keptFrom?: string };

export interface FitPhase {
  rows: CustomerAtCut[];
  /** null: too few customers to fit (thin data). */
  bgnbd: KeptFit<BgnbdFit> | null;
  gg: KeptFit<GammaGammaFit & { correlation: number; correlationWarning: boolean }> | null;
  /** Mean value of the repeat purchases (cents): the spend where Gamma-Gamma gives none (q ≤ 1). */
  meanOrderCents: number;
  /** Why a model was not fitted. */
  thin: ('too_few_customers' | 'too_few_repeat')[];
  /** Milliseconds of each fit (the bench reports them). */
  ms: { bgnbd: number; gg: number };
}

/** The last run's fits and its analysis date, for a fit that does not converge to fall back on. */
export interface PreviousFits {
  bgnbd: KeptFit<BgnbdFit> | null;
  gg: KeptFit<GammaGammaFit> | null;
  date: string;
}

/**
 * This run's fit, or where it did not converge the previous run's good one (itself converged, or
 * kept from an earlier run), marked converged: false with the date it comes from.
 */
function keepGood<F extends { converged: boolean }>(fit: F, previous: KeptFit<F> | null | undefined, date: string | undefined): KeptFit<F> {
  if (fit.converged || !previous || !date || !(previous.converged || previous.keptFrom)) return fit;
  return { ...previous, converged: false, keptFrom: previous.keptFrom ?? date };
}

export function fitPhase(h: PurchaseHistory, previous?: PreviousFits): FitPhase {
  const rows = customersAtCut(h, h.endDay);
  const repeat = rows.filter((r) => r.x > 0 && r.zbar > 0);
  const spend = repeat.map((r) => ({ x: r.x, zbar: r.zbar }));
  const thin: FitPhase['thin'] = [];
  if (fittable(rows).length < MIN_CUSTOMERS_FOR_FIT) thin.push('too_few_customers');
  if (repeat.length < MIN_REPEAT_CUSTOMERS_FOR_FIT) thin.push('too_few_repeat');
  const meanOrderCents = repeat.length ? repeat.reduce((n, r) => n + r.zbar, 0) / repeat.length : 0;
  const ms = { bgnbd: 0, gg: 0 };
  let bgnbd: FitPhase['bgnbd'] = null;
  let gg: FitPhase['gg'] = null;
  if (!thin.length) {
    let t0 = performance.now();
    bgnbd = keepGood(fitBgnbd(fittable(rows)), previous?.bgnbd, previous?.date);
    ms.bgnbd = Math.round(performance.now() - t0);
    t0 = performance.now();
    const corr = spendFrequencyCorrelation(spend);
    gg = { ...keepGood(fitGammaGamma(spend), previous?.gg, previous?.date), correlation: corr.r, correlationWarning: corr.correlationWarning };
    ms.gg = Math.round(performance.now() - t0);
  }
  return { rows, bgnbd, gg, meanOrderCents, thin, ms };
}

export interface Scored {
  i: number;
  purchases: number;
  pAlive: number;
  expectedPurchases: number;
  expectedOrderCents: number | null;
  clvCents: number;
  churnRisk: number;
  reasons: ChurnReason[];
}

export interface ScorePhase {
  trained: TrainedChurn;
  /** The churn period (churn-period.ts). */
  periodDays: number;
  /** The churn risk measured on the last churn period before the analysis date. */
  check: ChurnSplitResult | null;
  scored: Scored[];
}

/** Churn, CLV and the rest per customer (none when the fits are thin). */
export function scorePhase(h: PurchaseHistory, fit: FitPhase, settings: PredictionSettings): ScorePhase {
  const shopPeriod = churnPeriodDays(fit.rows);
  const trained = trainChurn(h, h.endDay, shopPeriod);
  // With under two periods of history the model learns on a shorter one: it scores for that one,
  // and the screens name it, so the probability means what it says.
  const periodDays = trained.trainPeriodDays >= 7 ? trained.trainPeriodDays : shopPeriod;
  // Measured on the last period: scored as of its start with the fit training already made there.
  const check = fit.bgnbd && trained.trainPeriodDays === periodDays ? churnSplit(h, trained.trainCutDay, periodDays, trained.at) : null;
  if (!fit.bgnbd || !fit.gg) return { trained, check, periodDays, scored: [] };
  const inputs = churnInputsAt(fit.rows, h.endDay, periodDays, fit.bgnbd.params);
  const models = { bgnbd: fit.bgnbd.params, gg: fit.gg.params, meanOrderCents: fit.meanOrderCents, churn: trained.model, settings };
  const cache: ClvCache = new Map();
  const scored = fit.rows.map((c, k) => scoreCustomer(c, inputs[k], models, cache));
  return { trained, check, periodDays, scored };
}

export interface ScoringModels {
  bgnbd: BgnbdParams;
  gg: GammaGammaParams;
  /** The spend used where Gamma-Gamma gives no finite one (its q ≤ 1: spend too heavy-tailed). */
  meanOrderCents: number;
  churn: ChurnModel;
  settings: PredictionSettings;
}

/** One customer's predictions from fitted models: the run's, or the stored ones for a single write. */
export function scoreCustomer(c: CustomerAtCut, input: ChurnInput, m: ScoringModels, cache?: ClvCache): Scored {
  const modelled = conditionalSpend(m.gg, c.x, c.zbar);
  const spend = Number.isFinite(modelled) && modelled > 0 ? modelled : c.x > 0 ? c.zbar : m.meanOrderCents;
  const clv = customerLifetimeValue(m.bgnbd, spend, c, { months: m.settings.horizonMonths, annualDiscountRate: m.settings.discountRate }, cache);
  const expected = expectedPurchases(m.bgnbd, m.settings.horizonMonths * WEEKS_PER_MONTH, c.x, c.t_x, c.T);
  return {
    i: c.i,
    purchases: c.x + 1,
    pAlive: input.pAlive,
    // A value the series could not give (it never should) is stored as none expected, not NaN.
    expectedPurchases: Number.isFinite(expected) ? expected : 0,
    // One purchase: no spend of their own to go on (Fader & Hardie 2013 need repeat purchases).
    expectedOrderCents: c.x > 0 ? Math.round(spend) : null,
    clvCents: Number.isFinite(clv) ? Math.round(clv) : 0,
    churnRisk: churnRisk(m.churn, input),
    reasons: churnReasons(m.churn, input),
  };
}

/**
 * Paid revenue per local day up to the analysis date, from the dashboard's day table (or, while a
 * big import has left it stale, the same sums straight from the orders).
 */
export function forecastPhase(sqlite: Database.Database, asOf: number, dayOpen: boolean): Record<ForecastPeriod, SalesForecast | null> {
  const date = dayOf(asOf - 1);
  const source = salesDaysSource(sqlite, 'sales_days', 0, asOf + DAY_MS);
  const rows = sqlite.prepare(`SELECT day, revenue_cents FROM ${source.sql} WHERE day <= ? ORDER BY day`).raw().all(...source.params, date) as [string, number][];
  const points = rows.map(([d, value]) => ({ date: d, value }));
  const out = {} as Record<ForecastPeriod, SalesForecast | null>;
  for (const period of FORECAST_PERIODS) out[period] = forecastSales(points, period, FORECAST_HORIZON[period], date, dayOpen);
  return out;
}

export interface BasketPhase {
  baskets: number;
  minSupport: number;
  minConfidence: number;
  rules: { antecedent: string[]; consequent: string; support: number; confidence: number; lift: number; count: number }[];
  names: Map<string, string>;
}

/** Rules from the paid orders of the last BASKET_DAYS: an item is a product, or a line's name without one. */
export function basketPhase(sqlite: Database.Database, asOf: number): BasketPhase {
  // Lines in table order (stored with their order, so one order's lines come together), the name
  // only where there is no product: strings for 1,700,000 lines cost more than the mining.
  const rows = sqlite
    .prepare(
      `SELECT i.order_id, i.product_id, CASE WHEN i.product_id IS NULL THEN i.product_name END FROM order_items i NOT INDEXED JOIN orders ON orders.id = i.order_id
       WHERE orders.${PAID} AND orders.ordered_at >= ? AND orders.ordered_at < ?`,
    )
    .raw()
    .iterate(asOf - BASKET_DAYS * DAY_MS, asOf) as Iterable<[number, number | null, string | null]>;
  const byProduct = new Map<number, number>();
  const byName = new Map<string, number>();
  const items: string[] = [];
  const code = (productId: number | null, name: string | null): number => {
    const map = productId !== null ? byProduct : byName;
    const key = productId ?? name!;
    let c = (map as Map<number | string, number>).get(key);
    if (c === undefined) {
      c = items.length;
      (map as Map<number | string, number>).set(key, c);
      items.push(productId !== null ? String(productId) : `name:${name}`);
    }
    return c;
  };
  const baskets: number[][] = [];
  let b: number[] = [];
  let prevOrder = -1;
  for (const [orderId, productId, name] of rows) {
    // An order's lines are stored together (written with it), so a new id starts a new basket.
    if (orderId !== prevOrder) {
      b = [];
      baskets.push(b);
      prevOrder = orderId;
    }
    const c = code(productId, name);
    if (!b.includes(c)) b.push(c);
  }
  const minSupport = appMinSupport(baskets.length);
  const mined = baskets.length ? mineRules(baskets, { minSupport, minConfidence: BASKET_MIN_CONFIDENCE, minLength: 2, maxLength: APP_MAX_LENGTH }) : [];
  const rules = mined.slice(0, MAX_RULES).map((r) => ({ ...r, antecedent: r.antecedent.map((c) => items[c]), consequent: items[r.consequent] }));
  // Names of the items the rules name: the product's, or the line name it stands for.
  const names = new Map<string, string>();
  for (const r of rules) for (const item of [...r.antecedent, r.consequent]) if (!names.has(item)) names.set(item, itemName(sqlite, item));
  return { baskets: baskets.length, minSupport, minConfidence: BASKET_MIN_CONFIDENCE, rules, names };
}

export { readHistory };
export type { PurchaseHistory };
/** The first and last purchase day of a history, ISO. */
export function historySpan(h: PurchaseHistory): { firstDay: string | null; lastDay: string | null } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < h.n; i++) {
    lo = Math.min(lo, h.days[h.start[i]]);
    hi = Math.max(hi, h.days[h.start[i + 1] - 1]);
  }
  return h.n ? { firstDay: dayOf(lo * DAY_MS), lastDay: dayOf(hi * DAY_MS) } : { firstDay: null, lastDay: null };
}
