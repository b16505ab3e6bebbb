// The shop currency and the owner's conversion rates, as stored: the currency in the settings
// table (key 'shop_currency'), the rates in currency_rates where the spend SQL can join them.
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { DEFAULT_SHOP_CURRENCY, type MoneySettings } from '../../shared/currencies';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

const SHOP_KEY = 'shop_currency';

/**
 * The shop currency as an SQL expression, for the spend computation (orders/metrics.ts): read from
 * the settings row in the statement itself (SQLite evaluates it once per statement), so no caller
 * of that computation has to pass it.
 */
export const SHOP_CURRENCY_SQL = `coalesce((SELECT value ->> '$' FROM settings WHERE key = '${SHOP_KEY}'), '${DEFAULT_SHOP_CURRENCY}')`;

/** The currency spend is counted in; CNY for a database that never chose one. */
export function shopCurrency(sqlite: Database.Database): string {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SHOP_KEY) as string | undefined;
  return raw === undefined ? DEFAULT_SHOP_CURRENCY : (JSON.parse(raw) as string);
}

/** The same through drizzle, for code that holds the drizzle handle. */
export function shopCurrencyOf(db: Db): string {
  const row = db.select().from(settings).where(eq(settings.key, SHOP_KEY)).get();
  return typeof row?.value === 'string' ? row.value : DEFAULT_SHOP_CURRENCY;
}

export function moneySettings(sqlite: Database.Database): MoneySettings {
  const rows = sqlite.prepare('SELECT currency, rate FROM currency_rates ORDER BY currency').all() as { currency: string; rate: number }[];
  return { shopCurrency: shopCurrency(sqlite), rates: Object.fromEntries(rows.map((r) => [r.currency, r.rate])) };
}

/** Writes the shop currency and replaces every rate (both change together: rates are into it). */
export function storeMoneySettings(sqlite: Database.Database, money: MoneySettings): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(SHOP_KEY, JSON.stringify(money.shopCurrency));
  sqlite.prepare('DELETE FROM currency_rates').run();
  const insert = sqlite.prepare('INSERT INTO currency_rates (currency, rate, updated_at) VALUES (?, ?, ?)');
  const now = Date.now();
  for (const [currency, rate] of Object.entries(money.rates)) if (currency !== money.shopCurrency) insert.run(currency, rate, now);
}

/** Sets or (rate null) removes one rate. */
export function storeRate(sqlite: Database.Database, currency: string, rate: number | null): void {
  if (rate === null) sqlite.prepare('DELETE FROM currency_rates WHERE currency = ?').run(currency);
  else {
    sqlite
      .prepare('INSERT INTO currency_rates (currency, rate, updated_at) VALUES (?, ?, ?) ON CONFLICT(currency) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at')
      .run(currency, rate, Date.now());
  }
}
