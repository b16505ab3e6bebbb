// Currencies and the shop's conversion rates, pure so the renderer shows exactly what the core
// adds up. Amounts are integer hundredths of the currency's major unit everywhere ("cents", also
// for JPY and KRW, whose amounts then simply end in 00): one scale, no per-currency arithmetic.

/** The shop currency of a database that never chose one: what every amount was assumed to be before. */
export const DEFAULT_SHOP_CURRENCY = 'CNY';

/** Offered first in the settings' currency pickers; any ISO 4217 code is accepted. */
export const COMMON_CURRENCIES = [
  'CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'KRW', 'CHF', 'NZD', 'INR', 'THB', 'MYR', 'RUB', 'SEK',
] as const;

/** A conversion rate: how many units of the shop currency one unit of `currency` is worth. */
export const RATE_MIN = 0.000001;
export const RATE_MAX = 1_000_000;

export const isCurrencyCode = (code: string): boolean => /^[A-Z]{3}$/.test(code);

/** The shop currency and the owner's rates into it, keyed by currency code. */
export interface MoneySettings {
  shopCurrency: string;
  rates: Record<string, number>;
}

/**
 * `cents` of `currency` in the shop currency, or null when there is no rate for it: such an
 * amount is left out of totals rather than added as if it were in the shop currency. Rounded per
 * amount, as the core's SQL does (round half away from zero; amounts here are never negative).
 */
export function toShopCents(cents: number, currency: string, money: MoneySettings): number | null {
  if (currency === money.shopCurrency) return cents;
  const rate = money.rates[currency];
  return rate === undefined ? null : Math.round(cents * rate);
}

/**
 * Rates re-expressed against a new shop currency, so switching CNY → EUR with 1 EUR = 7.8 CNY
 * keeps every other rate meaningful (1 CNY = 1/7.8 EUR). Without a rate for the new currency
 * nothing can be carried over and the owner sets the rates again.
 */
export function rebaseRates(money: MoneySettings, newShop: string): Record<string, number> {
  if (newShop === money.shopCurrency) return { ...money.rates };
  const pivot = money.rates[newShop];
  if (pivot === undefined) return {};
  const out: Record<string, number> = { [money.shopCurrency]: roundRate(1 / pivot) };
  for (const [code, rate] of Object.entries(money.rates)) if (code !== newShop) out[code] = roundRate(rate / pivot);
  return out;
}

/** Rates kept to 6 significant digits: more is noise from the division, never what a person set. */
function roundRate(rate: number): number {
  return Number(rate.toPrecision(6));
}
