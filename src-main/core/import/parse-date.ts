// Dates in the forms people really type and spreadsheets really export: 2024-01-05, 2024/1/5,
// 05/01/2024 (day/month order as chosen), 2024年1月5日 下午3:30, 20240105, Excel serial numbers,
// Unix timestamps, and written months ("5 Jan 2024", "January 5, 2024") through dayjs's strict
// custom formats. Times without a zone are the computer's local time. Results are epoch ms.
import dayjs from 'dayjs';
// The .js matters: the Electron build loads this through Node's ESM resolver, which adds no extensions.
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { Problem } from '../../shared/problems';

dayjs.extend(customParseFormat);

/** How to read 05/01/2024: day first (5 January) or month first (May 1). */
export type DateOrder = 'DMY' | 'MDY';

const TIME = String.raw`(?:[T\s]+|\s*)(上午|下午|晚上|中午|凌晨)?\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?(?:[.,](\d{1,9}))?\s*([aApP]\.?[mM]\.?)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?`;
const YMD = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:${TIME})?${ZONE}$`);
const XYZ = new RegExp(String.raw`^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?:${TIME})?${ZONE}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** Written-out months and other forms the regular expressions leave alone (strict dayjs). */
const TEXT_FORMATS = [
  'D MMM YYYY', 'D MMMM YYYY', 'MMM D YYYY', 'MMMM D YYYY', 'MMM D, YYYY', 'MMMM D, YYYY', 'D-MMM-YYYY', 'D-MMM-YY', 'DD-MMM-YYYY',
  'D MMM YYYY HH:mm', 'D MMM YYYY HH:mm:ss', 'MMM D, YYYY h:mm A', 'MMM D, YYYY HH:mm', 'MMMM D, YYYY h:mm A', 'ddd, D MMM YYYY HH:mm:ss',
  'ddd MMM D YYYY', 'ddd, MMM D, YYYY', 'dddd, MMMM D, YYYY',
];

/** A time of day. */
interface Clock {
  h: number;
  mi: number;
  s: number;
  ms: number;
}

const MIDNIGHT: Clock = { h: 0, mi: 0, s: 0, ms: 0 };

function zoneOffset(z: string | undefined): number | null {
  if (!z) return null;
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function timeParts(m: RegExpExecArray, at: number): Clock | null {
  const [period, hh, mm, ss, frac, ampm] = [m[at], m[at + 1], m[at + 2], m[at + 3], m[at + 4], m[at + 5]];
  if (hh === undefined) return MIDNIGHT;
  let h = Number(hh);
  const mi = mm === undefined ? 0 : Number(mm);
  const s = ss === undefined ? 0 : Number(ss);
  const pm = ampm ? /^[pP]/.test(ampm) : period === '下午' || period === '晚上' || (period === '中午' && h < 11);
  const am = ampm ? /^[aA]/.test(ampm) : period === '上午' || period === '凌晨';
  if (pm || am) {
    if (h < 1 || h > 12) return null;
    if (pm && h < 12) h += 12;
    if (am && h === 12) h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return { h, mi, s, ms: frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0 };
}

// Parts as arguments, not one object spread together: V8 builds `{ y, ...t, zone }` through a
// slow path (about 8 µs an object), and a file can hold a date per row.
function build(y: number, mo: number, d: number, t: Clock, zoneMinutes: number | null): number | null {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (zoneMinutes !== null) {
    const ms = Date.UTC(y, mo - 1, d, t.h, t.mi, t.s, t.ms);
    const check = new Date(ms);
    if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
    return ms - zoneMinutes * 60_000;
  }
  const date = new Date(y, mo - 1, d, t.h, t.mi, t.s, t.ms);
  // 2024-02-30 rolls over to March in Date; it is not a real date.
  if (date.getDate() !== d || date.getMonth() !== mo - 1 || date.getFullYear() !== y) return null;
  return date.getTime();
}

const year2 = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

/** An Excel serial day number (days since 1899-12-30, fraction = time of day) as local time. */
export function fromExcelSerial(serial: number): number {
  const asUtc = new Date(Math.round((serial - 25569) * 86_400_000));
  return new Date(asUtc.getUTCFullYear(), asUtc.getUTCMonth(), asUtc.getUTCDate(), asUtc.getUTCHours(), asUtc.getUTCMinutes(), asUtc.getUTCSeconds()).getTime();
}

/** Epoch ms, or null when the text is not a date this parser accepts. */
export function parseDate(raw: string, order: DateOrder = 'DMY'): number | null {
  const v = raw.trim();
  if (!v) return null;
  let m = YMD.exec(v);
  if (m) {
    const t = timeParts(m, 4);
    return t && build(Number(m[1]), Number(m[2]), Number(m[3]), t, zoneOffset(m[10]));
  }
  m = XYZ.exec(v);
  if (m) {
    const t = timeParts(m, 4);
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === 'DMY' ? [a, b] : [b, a];
    return t && build(year2(m[3]), mo, d, t, zoneOffset(m[10]));
  }
  m = COMPACT.exec(v);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), MIDNIGHT, null);
  if (NUMBER.test(v)) {
    const n = Number(v);
    if (n >= 20_000 && n < 80_000) return fromExcelSerial(n);
    if (n >= 1e9 && n < 1e11 && Number.isInteger(n)) return n * 1000;
    if (n >= 1e11 && n < 1e14 && Number.isInteger(n)) return n;
    return null;
  }
  if (/[a-zA-Z]/.test(v)) {
    const d = dayjs(v.replace(/\s+/g, ' ').replace(/(\d)(st|nd|rd|th)\b/g, '$1'), TEXT_FORMATS, 'en', true);
    if (d.isValid()) return d.valueOf();
  }
  return null;
}

/** Why `raw` was not accepted as a date, as a problem code. */
export function dateProblem(raw: string, order: DateOrder): Problem<'date_order_mismatch' | 'date_not_real' | 'date_unparseable'> {
  const v = raw.trim();
  const value = v.length > 80 ? v.slice(0, 80) : v;
  const m = XYZ.exec(v);
  if (m) {
    const other: DateOrder = order === 'DMY' ? 'MDY' : 'DMY';
    if (parseDate(v, other) !== null) return { code: 'date_order_mismatch', params: { value, order } };
  }
  if (YMD.test(v) || XYZ.test(v) || COMPACT.test(v)) return { code: 'date_not_real', params: { value } };
  return { code: 'date_unparseable', params: { value } };
}

/** Which order a column of dates is in, when any value settles it (a first part above 12 means day first). */
export function guessDateOrder(values: string[]): DateOrder | null {
  for (const raw of values) {
    const m = XYZ.exec(raw.trim());
    if (!m) continue;
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) return 'DMY';
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) return 'MDY';
  }
  return null;
}
