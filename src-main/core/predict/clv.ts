// Discounted customer lifetime value over a horizon of months: each month's expected purchases
// (BG/NBD, the difference of the conditional expectations at the month's end and start) times
// the expected spend per purchase (Gamma-Gamma), discounted to today. This is the per-period
// discounting of lifetimes' customer_lifetime_value (lifetimes/utils.py,
// _customer_lifetime_value: Σᵢ m·(E[X(i)] − E[X(i−1)]) / (1 + d)^i), with an annual rate d
// applied as (1 + d)^(m/12) instead of lifetimes' monthly one.
import { expectedIfAlive, pAlive, type BgnbdParams } from './bgnbd';
import { conditionalSpend, type GammaGammaParams } from './gamma-gamma';

/** An average month in weeks: 365.25 / 12 days. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export interface ClvCustomer {
  x: number;
  t_x: number;
  /** Weeks, like t_x. */
  T: number;
  zbar: number;
}

export interface ClvOptions {
  /** Months ahead (whole, ≥ 1). */
  months: number;
  /** Annual discount rate, e.g. 0.1 for 10 % (default 0). */
  annualDiscountRate?: number;
}

/** Expected discounted value of one customer's purchases in the next `months` months. */
/**
 * `spend` is the expected value of one order: the Gamma-Gamma parameters (conditionalSpend), or
 * a value the caller already has (the app's fallback where Gamma-Gamma gives none).
 */
/** Per (x, T): the discounted sum of the monthly expected purchases if alive, shared by customers. */
export type ClvCache = Map<string, number>;

export function customerLifetimeValue(bgnbd: BgnbdParams, spendOf: GammaGammaParams | number, customer: ClvCustomer, options: ClvOptions, cache?: ClvCache): number {
  const { months } = options;
  const d = options.annualDiscountRate ?? 0;
  if (!(Number.isInteger(months) && months >= 1)) throw new Error(`CLV: months must be a whole number ≥ 1, got ${months}`);
  if (!(d > -1)) throw new Error(`CLV: the annual discount rate must be above −1, got ${d}`);
  const { x, t_x, T, zbar } = customer;
  const spend = typeof spendOf === 'number' ? spendOf : conditionalSpend(spendOf, x, zbar);
  // E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive, x, T]: the discounted monthly sum of the
  // second factor depends on x and T only, so customers alike share it (a cache per run).
  const key = `${x}|${T}`;
  let perOrder = cache?.get(key);
  if (perOrder === undefined) {
    perOrder = 0;
    let before = 0;
    for (let m = 1; m <= months; m++) {
      const upTo = expectedIfAlive(bgnbd, m * WEEKS_PER_MONTH, x, T);
      perOrder += (upTo - before) / (1 + d) ** (m / 12);
      before = upTo;
    }
    cache?.set(key, perOrder);
  }
  return perOrder * pAlive(bgnbd, x, t_x, T) * spend;
}
