// What the predictions (core/predict/) promise the screens. Pure: the renderer imports it.

/** CLV over this many months, discounted at this annual rate, unless the person chose others. */
export const DEFAULT_CLV_SETTINGS = { horizonMonths: 12, discountRate: 0.1 } as const;
export const PREDICTION_SETTINGS_KEY = 'predictions';
export interface PredictionSettings {
  horizonMonths: number;
  /** Annual, e.g. 0.1 for 10%. */
  discountRate: number;
}
export const CLV_HORIZON_RANGE = { min: 1, max: 60 } as const;
export const DISCOUNT_RATE_RANGE = { min: 0, max: 0.5 } as const;

/**
 * "Churned" means no paid order in the churn period that follows. It follows the shop's rhythm
 * (core/predict/churn-period.ts: twice its customers' usual gap between orders, in whole weeks,
 * within these bounds), so a tea shop and a furniture shop both ask "gone for longer than usual";
 * CHURN_PERIOD_DAYS is the period where there are no repeat customers to measure it on.
 */
export const CHURN_PERIOD_DAYS = 90;
export const CHURN_PERIOD_RANGE = { min: 28, max: 364 } as const;

/**
 * Thin data: below these the models are not fitted (nothing is shown, with the reason). A
 * BG/NBD fit needs customers who came back, and Gamma-Gamma spend needs repeat purchases.
 */
export const MIN_CUSTOMERS_FOR_FIT = 30;
export const MIN_REPEAT_CUSTOMERS_FOR_FIT = 10;

/** Why a customer is at risk, in codes and numbers; the screens put it in words. */
export type ChurnReason =
  /** Orders every `everyDays` days on average; nothing for `sinceDays`. */
  | { code: 'gap'; everyDays: number; sinceDays: number }
  /** One order so far, `sinceDays` ago. */
  | { code: 'one_order'; sinceDays: number }
  /** Recent orders are worth `pct`% less than the customer's earlier ones. */
  | { code: 'spend_falling'; pct: number }
  /** Complaints with no reply from the shop since. */
  | { code: 'complaints'; count: number }
  /** The customer's latest message or review read as negative. */
  | { code: 'negative_feeling' }
  /** No order for `sinceDays` (said when nothing more specific stands out). */
  | { code: 'quiet'; sinceDays: number }
  /** Few orders for how long they have been a customer: the model thinks they may have left. */
  | { code: 'likely_gone'; pAlive: number };
export type ChurnReasonCode = ChurnReason['code'];

/** Risk bands for chips and colours: one definition. */
export const CHURN_BANDS = [
  { band: 'high', min: 0.7 },
  { band: 'medium', min: 0.4 },
  { band: 'low', min: 0 },
] as const;
export type ChurnBand = (typeof CHURN_BANDS)[number]['band'];
export const churnBand = (risk: number): ChurnBand => CHURN_BANDS.find((b) => risk >= b.min)!.band;

/** One customer's predictions, as the customer page shows them. */
export interface CustomerPrediction {
  asOf: string;
  /** Paid purchase days so far (same-day orders count once), and the first and last. */
  purchases: number;
  firstDay: string;
  lastDay: string;
  pAlive: number;
  /** Expected purchase days (paid orders, same-day ones once) in the CLV horizon. */
  expectedPurchases: number;
  horizonMonths: number;
  discountRate: number;
  /** Gamma-Gamma expected order value (cents); null with one order (too thin). */
  expectedOrderCents: number | null;
  /** Discounted value over the horizon (cents); with one order it rests on the average order value. */
  clvCents: number;
  clvUsesAverageOrder: boolean;
  churnRisk: number;
  churnPeriodDays: number;
  reasons: ChurnReason[];
}

/** Why there is no prediction. */
export type PredictionGap = 'no_run' | 'no_orders' | 'too_few_customers' | 'too_few_repeat' | 'not_converged';

/** What a fit rests on, for "as of" lines and the honest-uncertainty notes. */
export interface FitSummary {
  customers: number;
  converged: boolean;
  /** Set when this fit did not converge and the last good one (from that date) is used. */
  keptFrom?: string;
  ll: number;
}

export const FORECAST_PERIODS = ['day', 'week', 'month'] as const;
export type ForecastPeriod = (typeof FORECAST_PERIODS)[number];
/** How far each period's forecast reaches. */
export const FORECAST_HORIZON: Record<ForecastPeriod, number> = { day: 28, week: 13, month: 12 };
