// The date every analysis is "as of": today (the UTC day) unless the person, a test or the sample
// shop pinned one in the settings, so screens can say "as of" and screenshots stay the same.
// `asOf` is the exclusive end of that UTC day: orders placed before it count.
import type Database from 'better-sqlite3';

export const ANALYSIS_DATE_KEY = 'analysisDate';
export const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AnalysisDate {
  /** Epoch ms of the end of the analysis day (exclusive). */
  asOf: number;
  pinned: boolean;
  /** 'YYYY-MM-DD'. */
  date: string;
}

/** Whether `date` is a real calendar day written 'YYYY-MM-DD'. */
export function isDay(date: string): boolean {
  if (!DATE.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** The end of `date`'s UTC day. */
export const endOfDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) + DAY_MS;
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The pinned date from the settings, or null when the analysis follows today. */
export function pinnedDate(sqlite: Database.Database): string | null {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ANALYSIS_DATE_KEY) as string | undefined;
  if (raw == null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' && isDay(v) ? v : null;
  } catch {
    return null;
  }
}

export function analysisAsOf(sqlite: Database.Database, now = Date.now()): AnalysisDate {
  const pinned = pinnedDate(sqlite);
  const date = pinned ?? dayOf(now);
  return { asOf: endOfDay(date), pinned: pinned !== null, date };
}

/** Pins the analysis date, or (null) lets it follow today again. */
export function setAnalysisDate(sqlite: Database.Database, date: string | null): void {
  if (date === null) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(ANALYSIS_DATE_KEY);
  else sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(ANALYSIS_DATE_KEY, JSON.stringify(date));
}
