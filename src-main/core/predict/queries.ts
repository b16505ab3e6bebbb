// What the prediction screens read: the overview (the latest run, what it rests on, the fits and
// how the churn risk measured up, the risk bands, the most valuable customers at risk, value per
// segment), one customer's predictions with products to suggest, the sales forecast with its
// history, and "who bought X also bought". All from the latest run's stored rows.
import type Database from 'better-sqlite3';
import {
  CHURN_BANDS,
  type ChurnBand,
  type ChurnReason,
  type CustomerPrediction,
  type ForecastPeriod,
  type PredictionGap,
  type PredictionSettings,
} from '../../shared/predictions';
import type { SegmentCode } from '../../shared/segments';
import { PAID } from '../orders/metrics';
import { analysisAsOf, dayOf } from '../segments/analysis-date';
import { BASKET_DAYS } from './recompute';
import { activePredict } from './recompute-job';
import { itemName } from './basket/item-name';
import { predictionSettings } from './settings';
import type { PredictionModel } from './store';

interface RunRow {
  id: number;
  asOf: number;
  computedAt: number;
  customers: number;
  orders: number;
  firstDay: string | null;
  lastDay: string | null;
  horizonMonths: number;
  discountRate: number;
  model: string;
}

const runRow = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT id, as_of AS asOf, computed_at AS computedAt, customers, orders, first_day AS firstDay, last_day AS lastDay,
         horizon_months AS horizonMonths, discount_rate AS discountRate, model FROM prediction_runs ORDER BY id DESC LIMIT 1`,
    )
    .get() as RunRow | undefined;

/** The running or waiting predictions job, for "updating…". */
const runningJob = (sqlite: Database.Database) => activePredict(sqlite, false);

/** A run as the screens read it: the analysis date instead of its end in ms, the models parsed. */
export type RunView = Omit<RunRow, 'asOf' | 'model'> & { date: string; model: PredictionModel };

const view = ({ asOf, model, ...rest }: RunRow): RunView => ({ ...rest, date: dayOf(asOf - 1), model: JSON.parse(model) as PredictionModel });

export interface AtRiskCustomer {
  customerId: number;
  name: string;
  churnRisk: number;
  clvCents: number;
  reasons: ChurnReason[];
}

export interface PredictionsOverview {
  run: Omit<RunView, 'model'> | null;
  /** The fits, the churn model and its check, without the forecasts (predictions.forecast has those). */
  fits: Pick<PredictionModel, 'bgnbd' | 'gg' | 'thin' | 'churn' | 'basket'> | null;
  settings: PredictionSettings;
  /** The run is of another analysis date or other CLV settings than now: a new one is due. */
  stale: boolean;
  jobId: number | null;
  bands: { band: ChurnBand; customers: number; clvCents: number }[];
  totals: { customers: number; clvCents: number; expectedPurchases: number; atRiskClvCents: number };
  /** Most value at stake first (CLV × churn risk), high and medium risk only. */
  atRisk: AtRiskCustomer[];
  bySegment: { segment: SegmentCode; customers: number; clvCents: number; avgChurnRisk: number }[];
}

const BAND_SQL = `CASE ${CHURN_BANDS.filter((b) => b.min > 0)
  .map((b) => `WHEN churn_risk >= ${b.min} THEN '${b.band}'`)
  .join(' ')} ELSE 'low' END`;
const MEDIUM = CHURN_BANDS.find((b) => b.band === 'medium')!.min;

export function predictionsOverview(sqlite: Database.Database, atRiskLimit = 8): PredictionsOverview {
  const row = runRow(sqlite);
  const settings = predictionSettings(sqlite);
  const jobId = runningJob(sqlite);
  if (!row) {
    return { run: null, fits: null, settings, stale: true, jobId, bands: [], totals: { customers: 0, clvCents: 0, expectedPurchases: 0, atRiskClvCents: 0 }, atRisk: [], bySegment: [] };
  }
  const { model, ...run } = view(row);
  const stale = row.asOf !== analysisAsOf(sqlite).asOf || row.horizonMonths !== settings.horizonMonths || row.discountRate !== settings.discountRate;
  const bands = sqlite.prepare(`SELECT ${BAND_SQL} AS band, count(*) AS customers, coalesce(sum(clv_cents), 0) AS clvCents FROM customer_predictions GROUP BY band`).all() as PredictionsOverview['bands'];
  const order = new Map(CHURN_BANDS.map((b, i) => [b.band, i]));
  bands.sort((a, b) => order.get(a.band)! - order.get(b.band)!);
  const totals = sqlite
    .prepare(
      `SELECT count(*) AS customers, coalesce(sum(clv_cents), 0) AS clvCents, coalesce(sum(expected_purchases), 0) AS expectedPurchases,
         coalesce(sum(clv_cents) FILTER (WHERE churn_risk >= ${MEDIUM}), 0) AS atRiskClvCents FROM customer_predictions`,
    )
    .get() as PredictionsOverview['totals'];
  const atRisk = (
    sqlite
      .prepare(
        `SELECT cp.customer_id AS customerId, c.name, cp.churn_risk AS churnRisk, cp.clv_cents AS clvCents, cp.reasons FROM customer_predictions cp JOIN customers c ON c.id = cp.customer_id
         WHERE cp.churn_risk >= ${MEDIUM} AND c.erased_at IS NULL ORDER BY cp.clv_cents * cp.churn_risk DESC, cp.customer_id LIMIT ?`,
      )
      .all(atRiskLimit) as (Omit<AtRiskCustomer, 'reasons'> & { reasons: string })[]
  ).map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as ChurnReason[] }));
  const bySegment = sqlite
    .prepare(
      `SELECT cs.segment, count(*) AS customers, coalesce(sum(cp.clv_cents), 0) AS clvCents, avg(cp.churn_risk) AS avgChurnRisk
       FROM customer_predictions cp JOIN customer_segments cs ON cs.customer_id = cp.customer_id GROUP BY cs.segment ORDER BY clvCents DESC`,
    )
    .all() as PredictionsOverview['bySegment'];
  const { forecast: _forecast, ...fits } = model;
  return { run, fits, settings, stale, jobId, bands, totals, atRisk, bySegment };
}

export interface Suggestion {
  item: string;
  productId: number | null;
  name: string;
  lift: number;
  confidence: number;
  /** The item the customer bought that suggests it. */
  becauseName: string;
}

export interface CustomerPredictionView {
  prediction: CustomerPrediction | null;
  gap: PredictionGap | null;
  jobId: number | null;
  suggestions: Suggestion[];
}

const productIdOf = (item: string) => (item.startsWith('name:') ? null : Number(item));

export function customerPrediction(sqlite: Database.Database, customerId: number): CustomerPredictionView {
  const run = runRow(sqlite);
  const jobId = runningJob(sqlite);
  if (!run) return { prediction: null, gap: 'no_run', jobId, suggestions: [] };
  const model = JSON.parse(run.model) as PredictionModel;
  const r = sqlite
    .prepare(
      `SELECT purchases, p_alive AS pAlive, expected_purchases AS expectedPurchases, expected_order_cents AS expectedOrderCents, clv_cents AS clvCents,
         churn_risk AS churnRisk, reasons FROM customer_predictions WHERE customer_id = ?`,
    )
    .get(customerId) as
    | { purchases: number; pAlive: number; expectedPurchases: number; expectedOrderCents: number | null; clvCents: number; churnRisk: number; reasons: string }
    | undefined;
  const suggestions = suggestionsFor(sqlite, customerId);
  if (!r) {
    const gap: PredictionGap = model.thin.length ? model.thin[0] : 'no_orders';
    return { prediction: null, gap, jobId, suggestions };
  }
  const span = sqlite
    .prepare(`SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders WHERE customer_id = ? AND ${PAID} AND ordered_at < ?`)
    .get(customerId, run.asOf) as { first: number | null; last: number | null };
  return {
    prediction: {
      asOf: dayOf(run.asOf - 1),
      purchases: r.purchases,
      firstDay: span.first === null ? '' : dayOf(span.first),
      lastDay: span.last === null ? '' : dayOf(span.last),
      pAlive: r.pAlive,
      expectedPurchases: r.expectedPurchases,
      horizonMonths: run.horizonMonths,
      discountRate: run.discountRate,
      expectedOrderCents: r.expectedOrderCents,
      clvCents: r.clvCents,
      clvUsesAverageOrder: r.expectedOrderCents === null,
      churnRisk: r.churnRisk,
      churnPeriodDays: model.churn.periodDays,
      reasons: JSON.parse(r.reasons) as ChurnReason[],
    },
    gap: [model.bgnbd, model.gg].some((f) => f && !f.converged && !f.keptFrom) ? 'not_converged' : null,
    jobId,
    suggestions,
  };
}

/** The items a customer bought (paid orders), as product_days items. */
const customerItems = (sqlite: Database.Database, customerId: number) =>
  sqlite
    .prepare(
      `SELECT DISTINCT coalesce(CAST(i.product_id AS TEXT), 'name:' || i.product_name) FROM orders JOIN order_items i ON i.order_id = orders.id WHERE orders.customer_id = ? AND orders.${PAID}`,
    )
    .pluck()
    .all(customerId) as string[];

/**
 * Products to suggest to a customer: the consequents of the one-item rules on what they bought,
 * that they have not bought, best lift first, one line per product.
 */
export function suggestionsFor(sqlite: Database.Database, customerId: number, limit = 5): Suggestion[] {
  const items = customerItems(sqlite, customerId);
  if (!items.length) return [];
  const have = new Set(items);
  const rows = sqlite
    .prepare(
      `SELECT r.consequent AS item, r.consequent_name AS name, r.lift, r.confidence, r.lhs_item AS because FROM product_rules r
       WHERE r.lhs_item IN (SELECT value FROM json_each(?)) ORDER BY r.lift DESC, r.confidence DESC`,
    )
    .all(JSON.stringify(items)) as { item: string; name: string; lift: number; confidence: number; because: string }[];
  const out: Suggestion[] = [];
  for (const r of rows) {
    if (have.has(r.item) || out.some((o) => o.item === r.item)) continue;
    out.push({ item: r.item, productId: productIdOf(r.item), name: r.name, lift: r.lift, confidence: r.confidence, becauseName: itemName(sqlite, r.because) });
    if (out.length >= limit) break;
  }
  return out;
}


export interface AlsoBought {
  item: string;
  name: string;
  /** The run's analysis date, and the days of orders before it the rules come from; null before a run. */
  asOf: string | null;
  days: number;
  /** Paid orders holding the item, in the rules' window. */
  rules: { item: string; productId: number | null; name: string; support: number; confidence: number; lift: number; count: number }[];
}

/** "Customers who bought X also bought": the one-item rules on X, best lift first. */
export function alsoBought(sqlite: Database.Database, item: string, limit = 8): AlsoBought {
  const rules = (
    sqlite
      .prepare(
        `SELECT consequent AS item, consequent_name AS name, support, confidence, lift, count FROM product_rules WHERE lhs_item = ? ORDER BY lift DESC, confidence DESC LIMIT ?`,
      )
      .all(item, limit) as Omit<AlsoBought['rules'][number], 'productId'>[]
  ).map((r) => ({ ...r, productId: productIdOf(r.item) }));
  const run = runRow(sqlite);
  return { item, name: itemName(sqlite, item), asOf: run ? dayOf(run.asOf - 1) : null, days: BASKET_DAYS, rules };
}

export interface ForecastView {
  period: ForecastPeriod;
  asOf: string | null;
  jobId: number | null;
  forecast: PredictionModel['forecast'][ForecastPeriod] | null;
}

export function salesForecast(sqlite: Database.Database, period: ForecastPeriod): ForecastView {
  const run = runRow(sqlite);
  const jobId = activePredict(sqlite, false);
  if (!run) return { period, asOf: null, jobId, forecast: null };
  const model = JSON.parse(run.model) as PredictionModel;
  return { period, asOf: dayOf(run.asOf - 1), jobId, forecast: model.forecast[period] ?? null };
}
