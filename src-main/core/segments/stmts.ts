// Prepared statements cached per connection: the single-customer update runs inside every order
// write, where preparing its queries each time would cost more than running them.
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

/** The UI language stored in the preferences (app/router.ts); 'en' when none was chosen. */
export function uiLanguage(sqlite: Database.Database): 'en' | 'zh' {
  const raw = stmt(sqlite, `SELECT value ->> '$.language' FROM settings WHERE key = 'preferences'`).pluck().get() as string | undefined;
  return raw === 'zh' ? 'zh' : 'en';
}
