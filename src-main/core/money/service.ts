// Changing the shop currency or a rate: stored, then every customer whose spend it changes is
// recomputed by the one spend computation (orders/metrics.ts), in the same transaction, so the
// list never shows spend converted at a rate that is no longer set. Measured on 100,000 customers
// with 1,000,000 orders (a busy 2-core machine): a rate used by 10,000 customers 1.5-1.8 s, a new
// shop currency (everyone) 2.3-3.2 s. It is a rare change the owner makes on purpose, so it runs
// inside the call rather than as a job that would show half-converted spend while it runs.
import type Database from 'better-sqlite3';
import { isCurrencyCode, rebaseRates, type MoneySettings } from '../../shared/currencies';
import { changeBus } from '../changes/bus';
import { AppError } from '../errors';
import { rebuildSalesDays } from '../dashboard/sales-days';
import { recomputeCustomerMetrics } from '../orders/metrics';
import { moneySettings, storeMoneySettings, storeRate } from './settings';

export interface CurrencyUse {
  currency: string;
  /** Paid orders in this currency. */
  orders: number;
  customers: number;
}

export interface MoneyOverview extends MoneySettings {
  /** Every currency paid orders are in, most used first: what needs a rate. */
  used: CurrencyUse[];
}

export function moneyOverview(sqlite: Database.Database): MoneyOverview {
  const used = sqlite
    .prepare(
      `SELECT currency, count(*) AS orders, count(DISTINCT customer_id) AS customers FROM orders
       WHERE status = 'paid' GROUP BY currency ORDER BY orders DESC, currency`,
    )
    .all() as CurrencyUse[];
  return { ...moneySettings(sqlite), used };
}

/** Sets (or with null removes) the rate of `currency` into the shop currency and recomputes its customers. */
export function setRate(sqlite: Database.Database, currency: string, rate: number | null): MoneySettings {
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const current = moneySettings(sqlite);
    if (currency === current.shopCurrency) {
      throw new AppError('invalid_input', `${currency} is the shop currency; it needs no rate.`, 'currency');
    }
    storeRate(sqlite, currency, rate);
    const ids = sqlite.prepare('SELECT DISTINCT customer_id FROM orders WHERE currency = ?').pluck().all(currency) as number[];
    recomputeCustomerMetrics(sqlite, ids);
    // The dashboard's days hold amounts converted at the old rate.
    if (ids.length) rebuildSalesDays(sqlite);
    bus.record('settings', 'update');
    if (ids.length) bus.record('customer', 'bulk');
    return moneySettings(sqlite);
  });
}

/**
 * Makes `code` the shop currency. The rates are re-expressed against it where the old ones allow
 * (rebaseRates), and every customer's spend is recomputed in the new currency.
 */
export function setShopCurrency(sqlite: Database.Database, code: string): MoneySettings {
  if (!isCurrencyCode(code)) throw new AppError('invalid_input', `${code} is not a currency code.`, 'currency');
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const current = moneySettings(sqlite);
    if (current.shopCurrency === code) return current;
    storeMoneySettings(sqlite, { shopCurrency: code, rates: rebaseRates(current, code) });
    recomputeCustomerMetrics(sqlite);
    rebuildSalesDays(sqlite);
    bus.record('settings', 'update');
    bus.record('customer', 'bulk');
    return moneySettings(sqlite);
  });
}
