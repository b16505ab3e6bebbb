// Dated values to a regular series (one value per day, ISO week or month; a missing period is
// zero: no sale that day), and the yardsticks a forecast is judged by: the seasonal naive
// forecast and MASE (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy").

export type Period = 'day' | 'week' | 'month';

export interface DatedValue {
  /** ISO date, `YYYY-MM-DD` (a time after it is ignored). */
  date: string;
  value: number;
}

export interface RegularSeries {
  period: Period;
  /** The first day of each period (Mondays for weeks, the 1st for months), ISO. */
  dates: string[];
  values: number[];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Whole UTC days since the epoch of an ISO date; throws on anything else. */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || !Number.isFinite(ms) || new Date(ms).getUTCDate() !== Number(m[3])) throw new Error(`"${date}" is not an ISO date (YYYY-MM-DD)`);
  return Math.floor(ms / DAY_MS);
}

const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The period a date falls in, as a number that counts periods (days, weeks from a Monday, months). */
function periodIndex(day: number, period: Period): number {
  if (period === 'day') return day;
  // 1970-01-01 was a Thursday: day + 3 counts from the Monday before it (ISO 8601 weeks start on Monday).
  if (period === 'week') return Math.floor((day + 3) / 7);
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function periodStart(index: number, period: Period): string {
  if (period === 'day') return isoOf(index);
  if (period === 'week') return isoOf(index * 7 - 3);
  return isoOf(Math.floor(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS));
}

/**
 * The period of dated values from the most common gap between distinct dates: about a day, a
 * week, or a month (28–31 days). Several values on one date are summed later, so repeats are fine.
 */
export function detectPeriod(dates: string[]): Period {
  const days = [...new Set(dates.map(dayNumber))].sort((a, b) => a - b);
  if (days.length < 2) return 'day';
  const counts = new Map<number, number>();
  for (let i = 1; i < days.length; i++) counts.set(days[i] - days[i - 1], (counts.get(days[i] - days[i - 1]) ?? 0) + 1);
  const gap = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  if (gap >= 28) return 'month';
  if (gap >= 7) return 'week';
  return 'day';
}

/** Sums the values per period from the first to the last date present; a period with none is 0. */
export function toRegularSeries(points: DatedValue[], period?: Period): RegularSeries {
  if (points.length === 0) return { period: period ?? 'day', dates: [], values: [] };
  const p = period ?? detectPeriod(points.map((x) => x.date));
  const sums = new Map<number, number>();
  let lo = Infinity;
  let hi = -Infinity;
  for (const { date, value } of points) {
    const i = periodIndex(dayNumber(date), p);
    sums.set(i, (sums.get(i) ?? 0) + value);
    lo = Math.min(lo, i);
    hi = Math.max(hi, i);
  }
  const dates: string[] = [];
  const values: number[] = [];
  for (let i = lo; i <= hi; i++) {
    dates.push(periodStart(i, p));
    values.push(sums.get(i) ?? 0);
  }
  return { period: p, dates, values };
}

/** Seasonal naive: each future point repeats the value one season (m ≥ 1) before it. */
export function seasonalNaive(history: number[], season: number, horizon: number): number[] {
  const m = Math.max(1, season);
  if (history.length < m) throw new Error(`The seasonal naive forecast needs at least one season (${m} points), got ${history.length}`);
  const out: number[] = [];
  for (let h = 0; h < horizon; h++) out.push(history[history.length - m + (h % m)]);
  return out;
}

/**
 * Mean absolute scaled error: out-of-sample MAE divided by the in-sample MAE of the seasonal
 * naive forecast, mean |y_t − y_{t−m}| (Hyndman & Koehler 2006, eq. for seasonal series).
 * NaN when the history has no seasonal variation to scale by.
 */
export function mase(actual: number[], forecast: number[], history: number[], season: number): number {
  const m = Math.max(1, season);
  let scale = 0;
  for (let t = m; t < history.length; t++) scale += Math.abs(history[t] - history[t - m]);
  scale /= history.length - m;
  let err = 0;
  for (let i = 0; i < actual.length; i++) err += Math.abs(actual[i] - forecast[i]);
  err /= actual.length;
  return scale > 0 ? err / scale : NaN;
}
