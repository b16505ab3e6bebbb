// The dashboard's answers, kept until the data changes. Each query reads every paid order of its
// range (a year of a large shop is hundreds of thousands of rows: 0.1–2 s on 2 cores), while the
// page asks for the same answers on every visit, focus and range switch back. Any change event
// (every write path records one: changes/bus.ts) drops them all; the renderer refetches on the
// same events, so it never sees an answer older than the write it was told about.
import type Database from 'better-sqlite3';
import { changeBus } from '../changes/bus';

const MAX_ENTRIES = 64;
const caches = new WeakMap<Database.Database, Map<string, unknown>>();

export function cached<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  let cache = caches.get(sqlite);
  if (!cache) {
    const fresh = new Map<string, unknown>();
    caches.set(sqlite, (cache = fresh));
    changeBus(sqlite).on(() => fresh.clear());
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}
