import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

export function overview(sqlite: Database.Database) {
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const sample = (sqlite.prepare(`SELECT count(*) AS n FROM customers WHERE source = 'sample'`).get() as { n: number }).n;
  return {
    customers: count('customers'),
    orders: count('orders'),
    interactions: count('interactions'),
    products: count('products'),
    openTasks: (sqlite.prepare('SELECT count(*) AS n FROM tasks WHERE done_at IS NULL').get() as { n: number }).n,
    sampleCustomers: sample,
  };
}

export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as T) : fallback;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
