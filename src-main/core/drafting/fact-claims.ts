// The numbers, dates, times, prices and order numbers a text states, each with a key that is the
// same however it is written, so a draft's "¥1,280", "3 May" or "下午3点" is found in a record's
// "1280.00 CNY", "2025-05-03" or "15:00". What is normalised, and what is not:
// - Text is NFKC-normalised first: full-width digits and colons read as ASCII.
// - Amounts: currency signs and codes (¥ ￥ $ € £, RMB CNY USD EUR GBP HKD, 元 块 yuan) are
//   dropped; thousands separators go ("1,280" = 1280); trailing decimal zeros go ("12.50" = 12.5,
//   "128.00" = 128); a percent is its number. Leading zeros go ("0013" = 13).
// - Dates: ISO (2025-05-03, 2025/5/3), English ("3 May", "3rd of May 2025", "May 3, 2025") and
//   Chinese ("5月3日", "2025年5月3号") forms all key as the day; with a year the year must match
//   too. A Chinese month alone ("5月") keys as that month. A year alone is a number.
// - Times: "15:00", "3pm", "3:30 pm", "下午3点", "3点半" key as 24-hour times.
// - Order-number-like tokens (letters and digits together, "S42-2025-00012-03", "LEAF10") key as
//   themselves, upper-cased; digits joined by hyphens are a range ("3-5": 3 and 5) unless they hold
//   six digits or more (a phone or order number, kept whole).
// - A number with a short unit or ordinal ("250g", "3rd", "24h") is its number.
// - Chinese numerals (三天, 两周) and number words (three days) are not read: only digits are checked.
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORD = '(?:st|nd|rd|th)?';

export interface Claim {
  /** The same for every way of writing the same value. */
  key: string;
  /** As written in the text. */
  text: string;
}

type Reader = [RegExp, (m: RegExpMatchArray) => string[]];

const date = (y: string | undefined, m: number, d: string) => {
  const md = `${m}-${Number(d)}`;
  return y ? [`d:${Number(y)}-${md}`] : [`d:${md}`];
};
const time = (h: number, min: string | undefined) => [`t:${h}:${(min ?? '00').padStart(2, '0')}`];
const canon = (digits: string) => {
  let s = digits.replace(/,/g, '');
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  s = s.replace(/^0+(?=\d)/, '');
  return `n:${s}`;
};

// In order: each reader blanks what it read, so "2025-05-03" is one date, not three numbers.
const DATES_AND_TIMES: Reader[] = [
  [/(?<![\w-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\w])/g, (m) => date(m[1], Number(m[2]), m[3])],
  [/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) => date(m[1], Number(m[2]), m[3])],
  [new RegExp(`\\b(\\d{1,2})${ORD}(?:\\s+of)?\\s+${MONTH}\\b(?:\\.?,?\\s+(\\d{4})\\b)?`, 'gi'), (m) => date(m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], m[1])],
  [new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORD}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi'), (m) => date(m[3], MONTHS[m[1].slice(0, 3).toLowerCase()], m[2])],
  [/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?!\s*\d)/g, (m) => [...(m[1] ? [canon(m[1])] : []), `m:${Number(m[2])}`]],
  [/\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?/gi, (m) => time((Number(m[1]) % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0), m[2])],
  [/(上午|早上|中午|下午|晚上)?\s*(\d{1,2})\s*[点點]\s*(?:(\d{1,2})\s*分?|(半))?/g, (m) => time(Number(m[2]) + (m[1] && /下午|晚上/.test(m[1]) && Number(m[2]) < 12 ? 12 : 0), m[4] ? '30' : m[3])],
  [/(?<!\d)(\d{1,2})\s*:\s*(\d{2})(?!\d)/g, (m) => time(Number(m[1]), m[2])],
];
/** "12.50" and "1,280" as one number each: read before TOKEN, which would split them at the dot. */
const DECIMAL: Reader = [/(?<![A-Za-z0-9.,_/#-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![A-Za-z0-9_/#-]|[.,]\d)/g, (m) => [canon(m[0])]];
/** Letters and digits together: order numbers, codes, plain numbers, or a number with its unit. */
const TOKEN: Reader = [/(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-_/#][A-Za-z0-9]+)*(?![A-Za-z0-9])/g, (m) => token(m[0])];

function token(t: string): string[] {
  if (!/\d/.test(t)) return [];
  if (/^\d+$/.test(t)) return [canon(t)];
  if (/^[\d-]+$/.test(t)) return t.replace(/\D/g, '').length >= 6 ? [`c:${t}`] : t.split('-').filter(Boolean).map(canon);
  const unit = /^(\d+)[A-Za-z]{1,3}$/.exec(t);
  if (unit) return [canon(unit[1])];
  return [`c:${t.toUpperCase()}`];
}

const CURRENCY_BEFORE = /(?:\b(?:RMB|CNY|USD|EUR|GBP|HKD)|[¥$€£])\s*(?=\d)/gi;
const CURRENCY_AFTER = /(?<=\d)\s*(?:(?:RMB|CNY|USD|EUR|GBP|HKD|yuan|dollars?)\b|元|块)/gi;

/** Every value the text states, dates and times first, then amounts, then the rest. */
export function readClaims(input: string): Claim[] {
  let text = input.normalize('NFKC').replace(CURRENCY_BEFORE, ' ').replace(CURRENCY_AFTER, ' ');
  const out: Claim[] = [];
  for (const [re, read] of [...DATES_AND_TIMES, DECIMAL, TOKEN]) {
    let rest = '';
    let from = 0;
    for (const m of text.matchAll(re)) {
      for (const key of read(m)) out.push({ key, text: m[0].trim() });
      rest += text.slice(from, m.index) + ' '.repeat(m[0].length);
      from = m.index + m[0].length;
    }
    text = rest + text.slice(from);
  }
  return out;
}

/**
 * The keys a set of allowed texts grants: every claim in them, plus for each dated day the day
 * without its year, its month and its year, so a record's "2025-05-03" allows "3 May", "5月3日",
 * "5月" and "2025" (and a fact's "10:00-20:00" allows "10am", both being the time 10:00).
 */
export function allowedKeys(texts: string[]): Set<string> {
  const keys = new Set<string>();
  for (const t of texts) {
    for (const { key } of readClaims(t)) {
      keys.add(key);
      const d = /^d:(?:(\d+)-)?(\d+)-(\d+)$/.exec(key);
      if (d) {
        keys.add(`d:${d[2]}-${d[3]}`);
        keys.add(`m:${d[2]}`);
        if (d[1]) keys.add(`n:${d[1]}`);
      }
    }
  }
  return keys;
}

/** The claims of `text` that none of the allowed texts states, as written, each once. */
export function unknownClaims(text: string, allowed: Set<string>): string[] {
  const unknown: string[] = [];
  for (const c of readClaims(text)) if (!allowed.has(c.key) && !unknown.includes(c.text)) unknown.push(c.text);
  return unknown;
}
