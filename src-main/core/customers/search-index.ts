// Keeps customers_fts in step with a customer's row, company and tags. Called inside the same
// transaction as the write it follows; deletes are handled by a trigger.
import type Database from 'better-sqlite3';
import { ftsText, phoneTrigrams } from '../search/fts-text';

/** What a customer's search row is made of: its own columns, then its company's name and its tags. */
const OWN_FIELDS = 'c.id, c.name, c.email, c.phone, c.phone_norm AS phoneNorm, c.city, c.country';
const COMPANY_AND_TAGS = `co.name AS company,
  (SELECT group_concat(t.name, ' ') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) AS tags`;
const WITH_COMPANY = 'customers c LEFT JOIN companies co ON co.id = c.company_id';

const cache = new WeakMap<Database.Database, { load: Database.Statement; del: Database.Statement; ins: Database.Statement }>();

function statements(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      load: sqlite.prepare(`SELECT ${OWN_FIELDS}, ${COMPANY_AND_TAGS} FROM ${WITH_COMPANY} WHERE c.id = ?`),
      del: sqlite.prepare('DELETE FROM customers_fts WHERE rowid = ?'),
      ins: sqlite.prepare('INSERT INTO customers_fts (rowid, name, company, email, phone, city, tags) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
    cache.set(sqlite, s);
  }
  return s;
}

export interface CustomerSearchFields {
  id: number;
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  phoneNorm?: string | null;
  city?: string | null;
  country?: string | null;
  tags?: string | null;
}

/** Inserts a customer's search row from values at hand (bulk paths: sample shop, import). */
export function insertCustomerSearchRow(sqlite: Database.Database, c: CustomerSearchFields): void {
  statements(sqlite).ins.run(
    c.id,
    ftsText(c.name),
    ftsText(c.company),
    ftsText(c.email),
    `${phoneTrigrams(c.phoneNorm)} ${c.phone ?? ''}`.trim(),
    ftsText([c.city, c.country].filter(Boolean).join(' ')),
    ftsText(c.tags),
  );
}

export function reindexCustomer(sqlite: Database.Database, id: number): void {
  const s = statements(sqlite);
  s.del.run(id);
  const row = s.load.get(id) as CustomerSearchFields | undefined;
  if (row) insertCustomerSearchRow(sqlite, row);
}

/**
 * Writes the search rows of the customers with ids in (afterId, upToId], from their stored values
 * (bulk paths: an import writes them in sweeps of many, where the search index's pages stay in
 * the cache, instead of one at a time between thousands of other writes: half the time).
 */
export function insertCustomerSearchRows(sqlite: Database.Database, afterId: number, upToId = Number.MAX_SAFE_INTEGER): void {
  // Most imports create customers with no company or tags (order and message files): then the
  // join and the tag lookup per row (half the reading time) are left out.
  const plain = !sqlite
    .prepare('SELECT 1 FROM customers WHERE id > ? AND id <= ? AND company_id IS NOT NULL UNION ALL SELECT 1 FROM customer_tags WHERE customer_id > ? AND customer_id <= ? LIMIT 1')
    .get(afterId, upToId, afterId, upToId);
  // In pages: the connection cannot insert while a SELECT on it is still being read.
  const page = sqlite.prepare(
    plain
      ? `SELECT ${OWN_FIELDS} FROM customers c WHERE c.id > ? AND c.id <= ? ORDER BY c.id LIMIT 2000`
      : `SELECT ${OWN_FIELDS}, ${COMPANY_AND_TAGS} FROM ${WITH_COMPANY} WHERE c.id > ? AND c.id <= ? ORDER BY c.id LIMIT 2000`,
  );
  let rows = page.all(afterId, upToId) as CustomerSearchFields[];
  while (rows.length) {
    for (const row of rows) insertCustomerSearchRow(sqlite, row);
    rows = page.all(rows[rows.length - 1].id, upToId) as CustomerSearchFields[];
  }
}
