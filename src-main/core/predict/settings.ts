// The person's CLV horizon and discount rate (settings key 'predictions'), checked on the way in
// and on the way out: a hand-edited or older value falls back to the defaults, never to NaN.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CLV_HORIZON_RANGE, DEFAULT_CLV_SETTINGS, DISCOUNT_RATE_RANGE, PREDICTION_SETTINGS_KEY, type PredictionSettings } from '../../shared/predictions';

export const predictionSettingsSchema = z.object({
  horizonMonths: z.number().int().min(CLV_HORIZON_RANGE.min).max(CLV_HORIZON_RANGE.max),
  discountRate: z.number().min(DISCOUNT_RATE_RANGE.min).max(DISCOUNT_RATE_RANGE.max),
});

export function predictionSettings(sqlite: Database.Database): PredictionSettings {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PREDICTION_SETTINGS_KEY) as string | undefined;
  if (raw == null) return { ...DEFAULT_CLV_SETTINGS };
  try {
    const parsed = predictionSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { ...DEFAULT_CLV_SETTINGS };
  } catch {
    return { ...DEFAULT_CLV_SETTINGS };
  }
}

/** Inside the caller's write (changeBus), so the change is recorded with it. */
export function savePredictionSettings(sqlite: Database.Database, s: PredictionSettings): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(PREDICTION_SETTINGS_KEY, JSON.stringify(predictionSettingsSchema.parse(s)));
}
