// Money as people write it: ¥1,299.00, $1,299.00, 1.299,00 €, RMB 1299, 1299元, (12.50), -12.5,
// 1 299,00. Returns integer cents (no floating point on the way) and the currency the text names.
export interface Amount {
  cents: number;
  /** ISO code named by a sign or word in the text, if any. */
  currency: string | null;
}

/** Signs and words that name one currency. Order matters: "US$" before "$", "R$" before "$". */
const SIGNS: [RegExp, string][] = [
  [/US\$|USD|US\s*dollars?/i, 'USD'],
  [/HK\$|HKD/i, 'HKD'],
  [/NT\$|TWD/i, 'TWD'],
  [/S\$|SGD/i, 'SGD'],
  [/A\$|AUD/i, 'AUD'],
  [/C\$|CAD/i, 'CAD'],
  [/NZ\$/, 'NZD'],
  [/R\$/, 'BRL'],
  [/RMB|CNY|人民币|元|块/i, 'CNY'],
  [/JPY|円/i, 'JPY'],
  [/€|EUR|euros?/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₩|KRW/i, 'KRW'],
  [/₹/, 'INR'],
  [/₽/, 'RUB'],
  [/฿/, 'THB'],
  [/₱/, 'PHP'],
  [/₫/, 'VND'],
  [/₺/, 'TRY'],
  [/₪/, 'ILS'],
];

/** Signs several currencies write: read as the assumed currency when it is one of them. */
const SHARED_SIGNS: [RegExp, readonly string[], string][] = [
  [/[¥￥]/, ['CNY', 'JPY'], 'CNY'],
  [/\$/, ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD', 'MXN'], 'USD'],
];

const TOKENS =
  /US\s*dollars?|euros?|US\$|HK\$|NT\$|NZ\$|S\$|A\$|C\$|R\$|USD|HKD|TWD|SGD|AUD|CAD|RMB|CNY|JPY|EUR|GBP|KRW|人民币|元|块|円|[¥￥€£₩₹₽฿₱₫₺₪$]/gi;

/** Any other ISO 4217 code written out in capitals ("CHF 12", "12.50 NOK"). */
let isoCodes: Set<string> | null = null;
function isoCode(text: string): string | null {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  for (const m of text.matchAll(/(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/g)) if (isoCodes.has(m[1])) return m[1];
  return null;
}

function currencyOf(text: string, assumed: string | null): string | null {
  for (const [re, code] of SIGNS) if (re.test(text)) return code;
  for (const [re, codes, usual] of SHARED_SIGNS) if (re.test(text)) return assumed && codes.includes(assumed) ? assumed : usual;
  return isoCode(text);
}

/**
 * Parses `raw` into cents, or null when it is not an amount. `decimalComma` settles "1.299" and
 * "1,299": with it they are 1299 and 1.299; without, 1.299 and 1299. Text with both separators
 * ("1.299,00", "1,299.00") needs no hint: the last one is the decimal point. `assumed` is the
 * currency amounts are taken to be in (the import's, by default the shop's): a bare "$" in an
 * Australian shop is AUD, "¥" in a Japanese one JPY.
 */
export function parseAmount(raw: string, decimalComma = false, assumed: string | null = null): Amount | null {
  let v = raw.trim();
  if (!v) return null;
  let currency: string | null = null;
  if (/[^\d.,\-\s]/.test(v)) {
    currency = currencyOf(v, assumed);
    v = v.replace(TOKENS, '');
    // A code only Intl knows ("CHF") comes out by itself: other letters stay and fail the number.
    if (currency && v.includes(currency)) v = v.replace(currency, '');
  }
  let negative = false;
  if (/^\(.*\)$/.test(v.trim())) {
    negative = true;
    v = v.trim().slice(1, -1);
  }
  // Spaces and apostrophes group thousands (1 299, 1'299, Swiss 1’299).
  v = v.replace(/[\s\u00a0\u202f'\u2019]/g, '');
  if (v.startsWith('-')) {
    negative = !negative;
    v = v.slice(1);
  } else if (v.startsWith('+')) v = v.slice(1);
  if (v.endsWith('-')) {
    negative = !negative;
    v = v.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(v) || !/\d/.test(v)) return null;

  const lastDot = v.lastIndexOf('.');
  const lastComma = v.lastIndexOf(',');
  let decimalSep: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = v.split(sep).length - 1;
    const after = v.length - v.lastIndexOf(sep) - 1;
    if (count > 1) decimalSep = null;
    else if (after !== 3) decimalSep = sep;
    else decimalSep = (sep === ',') === decimalComma ? sep : null;
  }
  let intPart = v;
  let frac = '';
  if (decimalSep) {
    const at = v.lastIndexOf(decimalSep);
    intPart = v.slice(0, at);
    frac = v.slice(at + 1);
    if (!/^\d*$/.test(frac)) return null;
  }
  const groupSep = decimalSep === '.' ? ',' : decimalSep === ',' ? '.' : lastDot >= 0 ? '.' : ',';
  if (intPart.includes(decimalSep ?? '\u0000')) return null;
  // Thousands groups must be groups of three: "1,29,9" is a typo, not a number.
  const groups = intPart.split(groupSep);
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || !groups[0] || groups[0].length > 3)) {
    // Indian grouping (1,00,000.00) is the one irregular form in real use.
    if (!/^\d{1,2}(,\d{2})*,\d{3}$/.test(intPart)) return null;
  }
  const digits = groups.join('').replace(/[.,]/g, '') || '0';
  if (!/^\d+$/.test(digits)) return null;
  // Round half up on the third decimal.
  const f = (frac + '000').slice(0, 3);
  let cents = Number(digits) * 100 + Number(f.slice(0, 2));
  if (Number(f[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return { cents: negative ? -cents : cents, currency };
}
