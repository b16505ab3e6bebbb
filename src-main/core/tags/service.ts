import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { customerTags, tags } from '../db/schema';
import { reindexCustomer } from '../customers/search-index';
import { assertCustomer } from '../customers/service';

export function listTags(sqlite: Database.Database) {
  return sqlite
    .prepare(
      `SELECT t.id, t.name, t.color, (SELECT count(*) FROM customer_tags ct WHERE ct.tag_id = t.id) AS customers
       FROM tags t ORDER BY t.name`,
    )
    .all() as { id: number; name: string; color: string; customers: number }[];
}

/** Tags by name: adding "VIP" twice gives one tag, created the first time. */
export function tagCustomer(db: Db, sqlite: Database.Database, customerId: number, name: string, color?: string) {
  return sqlite.transaction(() => {
    assertCustomer(db, customerId);
    const tag =
      db.select().from(tags).where(eq(tags.name, name)).get() ??
      db.insert(tags).values({ name, color: color ?? 'blue' }).returning().get();
    db.insert(customerTags).values({ customerId, tagId: tag.id }).onConflictDoNothing().run();
    reindexCustomer(sqlite, customerId);
    return tag;
  })();
}

export function untagCustomer(db: Db, sqlite: Database.Database, customerId: number, tagId: number): void {
  sqlite.transaction(() => {
    db.delete(customerTags).where(and(eq(customerTags.customerId, customerId), eq(customerTags.tagId, tagId))).run();
    reindexCustomer(sqlite, customerId);
  })();
}
