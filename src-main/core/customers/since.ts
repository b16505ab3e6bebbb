// "Customer since" is the customer's first known activity: a customer created today by an import
// of two-year-old orders or messages has been a customer for two years. Orders move it in the
// same pass that computes their metrics (orders/metrics.ts); this hook does it for messages and
// reviews. It only ever moves the date back.
import type Database from 'better-sqlite3';
import type { DerivedHook } from '../derived/hooks';

const TABLES = { interaction: 'interactions', feedback: 'feedback' } as const;

function sinceOne(sqlite: Database.Database, table: string, customerIds: number[]): void {
  const s = sqlite.prepare(
    `UPDATE customers SET created_at = min(created_at, coalesce((SELECT min(occurred_at) FROM ${table} WHERE customer_id = customers.id), created_at)) WHERE id = ?`,
  );
  for (const id of customerIds) s.run(id);
}

export const customerSince: DerivedHook = {
  name: 'customerSince',
  follows: ['interaction', 'feedback'],
  afterWrite(sqlite, w) {
    if (w.op === 'delete' || (w.type !== 'interaction' && w.type !== 'feedback')) return;
    sinceOne(sqlite, TABLES[w.type], w.customerIds);
  },
  afterBulk(sqlite, bulk) {
    for (const type of ['interaction', 'feedback'] as const) {
      if (bulk.maxId(type) <= bulk.addedAfter(type)) continue;
      sqlite
        .prepare(
          `UPDATE customers SET created_at = f.first
           FROM (SELECT customer_id AS cid, min(occurred_at) AS first FROM ${TABLES[type]} WHERE id > ? GROUP BY customer_id) AS f
           WHERE customers.id = f.cid AND f.first < customers.created_at`,
        )
        .run(bulk.addedAfter(type));
    }
  },
};
