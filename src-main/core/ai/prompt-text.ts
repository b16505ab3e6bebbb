// How every model prompt writes a record: a day, an amount, a clipped free text, a quoted one. One
// place, so the summary, the reply drafts and the campaign messages say a record the same way and
// the drafts' facts check reads back exactly what their prompt showed.
import { ymd } from '../dashboard/buckets';

/**
 * The local calendar day of an instant, 'YYYY-MM-DD': the day the owner means. An import stores a
 * date-only value at local midnight (import/parse-date.ts), the sales days are cut in local time
 * and the screens show local dates, so a UTC day would move an order of 1 March in Shanghai
 * (UTC+8) to 29 February.
 */
export const localDay = (ms: number): string => ymd(new Date(ms));

/** An amount in cents as "1280.00 CNY". */
export const money = (cents: number, currency: string): string => `${(cents / 100).toFixed(2)} ${currency}`;

/** A free text on one line, at most `n` characters (an ellipsis says it was cut). */
export function clip(s: string | null | undefined, n: number): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** A text someone wrote, in quotes (its own double quotes made single, so the quote cannot be closed early). */
export const quote = (s: string): string => `"${s.replace(/"/g, "'")}"`;
