// Privacy mode: one switch, stored as a core setting so every window and every export made while it
// is on follows it. The masks themselves are shared/privacy-mask.ts (the same for screen and file).
import type Database from 'better-sqlite3';
import { HIDDEN_TEXT, maskValue, type MaskKind } from '../../shared/privacy-mask';
import { changeBus } from '../changes/bus';

export const PRIVACY_MODE_KEY = 'privacy.mode';

export function privacyModeOn(sqlite: Database.Database): boolean {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PRIVACY_MODE_KEY) as string | undefined;
  return raw !== undefined && JSON.parse(raw) === true;
}

export function setPrivacyMode(sqlite: Database.Database, on: boolean): boolean {
  const bus = changeBus(sqlite);
  bus.write(() => {
    sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(PRIVACY_MODE_KEY, JSON.stringify(on));
    bus.record('settings', 'update');
  });
  return on;
}

/**
 * Which exported columns hold personal data and how each is masked, by column key: the lists in
 * export/ and the campaign file name them alike (name, customerName, email, body...).
 */
const EXPORT_MASKS: Record<string, MaskKind> = {
  name: 'name',
  customerName: 'name',
  email: 'email',
  customerEmail: 'email',
  phone: 'phone',
  customerPhone: 'phone',
  subject: 'text',
  body: 'text',
  message: 'text',
  notes: 'text',
  note: 'text',
};

/** A column value as an export made in privacy mode writes it; other columns pass unchanged. */
export function maskExportValue(key: string, value: unknown, lang: 'en' | 'zh' = 'en'): unknown {
  const kind = EXPORT_MASKS[key];
  if (!kind || typeof value !== 'string') return value;
  return maskValue(kind, value, HIDDEN_TEXT[lang]);
}
