// The dashboard's time buckets, cut in JS rather than in SQL: a week (from Monday) or a month in
// the machine's local time, each clipped to the asked range, with the same bucket a year earlier.
// Cutting here lets every bucket be one indexed range on orders_time_idx / feedback_time_idx
// instead of a date() call per row, and keeps local time and daylight saving out of the SQL.
export type Bucket = 'week' | 'month';

export interface Interval {
  /** The bucket's own start (local midnight of its Monday or 1st), even when clipped. */
  start: number;
  /** 'YYYY-MM-DD' of `start`, the key the renderer's charts use. */
  period: string;
  /** The part of the bucket inside the range: [from, to). */
  from: number;
  to: number;
  /** The same bucket a year earlier: 52 weeks back for a week (same weekdays), 12 months for a month. */
  prevFrom: number;
  prevTo: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date as 'YYYY-MM-DD' (the key of sales_days and of the charts' periods). */
export const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function bucketStart(t: number, bucket: Bucket): Date {
  const d = new Date(t);
  if (bucket === 'month') return new Date(d.getFullYear(), d.getMonth(), 1);
  // getDay(): 0 is Sunday; weeks start on Monday (ISO 8601).
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
}

const next = (d: Date, bucket: Bucket) => (bucket === 'month' ? new Date(d.getFullYear(), d.getMonth() + 1, 1) : new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7));

/** The same instant a year earlier: 52 weeks (364 days, local) for weeks, 12 months for months. */
export function yearEarlier(t: number, bucket: Bucket): number {
  const d = new Date(t);
  if (bucket === 'week') return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 364, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()).getTime();
  // 31 March a year back is 31 March; 29 February falls back to the 28th (the month's last day).
  const y = d.getFullYear() - 1;
  const last = new Date(y, d.getMonth() + 1, 0).getDate();
  return new Date(y, d.getMonth(), Math.min(d.getDate(), last), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()).getTime();
}

/** A range of a few years at most: beyond it the chart would be unreadable and the query slow. */
export const MAX_BUCKETS = 270; // five years of weeks (the router's longest range) and a little

/** The buckets covering [from, to), oldest first, each clipped to the range. */
export function intervals(bucket: Bucket, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (let d = bucketStart(from, bucket); d.getTime() < to && out.length < MAX_BUCKETS; d = next(d, bucket)) {
    const start = d.getTime();
    const f = Math.max(start, from);
    const t = Math.min(next(d, bucket).getTime(), to);
    out.push({ start, period: ymd(d), from: f, to: t, prevFrom: yearEarlier(f, bucket), prevTo: yearEarlier(t, bucket) });
  }
  return out;
}

/** Which interval a time falls in (binary search), or -1. */
export function indexOf(list: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < list[mid].from) hi = mid - 1;
    else if (t >= list[mid].to) lo = mid + 1;
    else return mid;
  }
  return -1;
}
