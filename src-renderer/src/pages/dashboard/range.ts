// The dashboard's period: a preset counted back from the end of the analysis day (today, or the
// day the segments are pinned to, so the dashboard and the segments page speak of the same days),
// or two dates the person picks. Days are local days; `to` is exclusive.
import dayjs from 'dayjs';
import type { Bucket } from './periods';

export const PRESETS = ['last30', 'last90', 'last12m', 'thisYear', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Range {
  from: number;
  to: number;
}

/** The end of the last day shown: tomorrow's local midnight, or the pinned analysis day's end. */
export function endOfToday(now = Date.now()): number {
  return dayjs(now).startOf('day').add(1, 'day').valueOf();
}

export function presetRange(preset: Exclude<Preset, 'custom'>, end: number): Range {
  const e = dayjs(end);
  switch (preset) {
    case 'last30':
      return { from: e.subtract(30, 'day').valueOf(), to: end };
    case 'last90':
      return { from: e.subtract(90, 'day').valueOf(), to: end };
    case 'last12m':
      return { from: e.subtract(12, 'month').valueOf(), to: end };
    case 'thisYear':
      return { from: e.subtract(1, 'ms').startOf('year').valueOf(), to: end };
  }
}

/** 'YYYY-MM-DD' pair from the date inputs (inclusive days) to a range; null while incomplete or reversed. */
export function customRange(from: string, to: string): Range | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  const f = dayjs(from).startOf('day');
  const t = dayjs(to).startOf('day').add(1, 'day');
  if (!f.isValid() || !t.isValid() || !t.isAfter(f) || t.diff(f, 'year', true) > 5) return null;
  return { from: f.valueOf(), to: t.valueOf() };
}

export const toInput = (ms: number) => dayjs(ms).format('YYYY-MM-DD');

/** Weeks read well up to about half a year; months beyond. */
export const defaultBucket = (r: Range): Bucket => (r.to - r.from <= 120 * 86_400_000 ? 'week' : 'month');

/** Whole days in the range (for "vs the previous 30 days"). */
export const rangeDays = (r: Range) => Math.round((r.to - r.from) / 86_400_000);

/** Relative change, or null when there is nothing to compare with. */
export function change(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}
