// The dashboard's time buckets as a person reads them: every week or month in a row (a quiet week is
// a gap in the bars, not a missing bar), named in the UI's language.
import dayjs from 'dayjs';
import type { Language } from '../../i18n';

export type Bucket = 'week' | 'month';

/** How many buckets the over-time chart shows: half a year of weeks, two years of months. */
export const WINDOW: Record<Bucket, number> = { week: 26, month: 24 };

const loc = (lang: Language) => (lang === 'zh' ? 'zh-cn' : 'en');

/**
 * The last `count` buckets, each with the row the core returned for it or `empty(period)`. They end
 * at the bucket of `now` when the data reaches into the window (a quiet week so far shows as one),
 * else at the latest bucket with data (an old imported file still shows its last months). Periods
 * are the core's 'YYYY-MM-DD' starts; stepping from them keeps its idea of where a week starts.
 */
export function lastBuckets<R extends { period: string }>(rows: readonly R[], bucket: Bucket, count: number, empty: (period: string) => R, now = Date.now()): R[] {
  if (rows.length === 0) return [];
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const latest = rows.reduce((a, r) => (r.period > a ? r.period : a), rows[0].period);
  const earliest = rows.reduce((a, r) => (r.period < a ? r.period : a), rows[0].period);
  let d = dayjs(latest);
  let ahead = 0;
  while (ahead < count && !d.add(1, bucket).isAfter(now)) {
    d = d.add(1, bucket);
    ahead++;
  }
  if (ahead >= count) d = dayjs(latest);
  const out: R[] = [];
  for (let i = 0; i < count; i++) {
    const period = d.format('YYYY-MM-DD');
    if (period < earliest) break;
    out.push(byPeriod.get(period) ?? empty(period));
    d = d.subtract(1, bucket);
  }
  return out.reverse();
}

/** An axis tick: "Mar 4" / "3月4日" for a week, "Mar 2024" / "2024年3月" for a month. */
export function periodTick(period: string, bucket: Bucket, lang: Language): string {
  const d = dayjs(period).locale(loc(lang));
  if (bucket === 'month') return d.format(lang === 'zh' ? 'YYYY年M月' : 'MMM YYYY');
  return d.format(lang === 'zh' ? 'M月D日' : 'MMM D');
}

/** A tooltip's title: the week's first day in full ("Mar 4, 2024"), or the month. */
export function periodTitle(period: string, bucket: Bucket, lang: Language): string {
  const d = dayjs(period).locale(loc(lang));
  if (bucket === 'month') return d.format(lang === 'zh' ? 'YYYY年M月' : 'MMMM YYYY');
  return d.format('ll');
}
