// Keeps the denormalised order metrics on customers current. Refunded and cancelled orders do
// not count as spend.
import type Database from 'better-sqlite3';

const RECOMPUTE = `UPDATE customers SET
    total_spent_cents = coalesce((SELECT sum(total_cents) FROM orders o WHERE o.customer_id = customers.id AND o.status = 'paid'), 0),
    order_count = (SELECT count(*) FROM orders o WHERE o.customer_id = customers.id AND o.status = 'paid'),
    first_order_at = (SELECT min(ordered_at) FROM orders o WHERE o.customer_id = customers.id AND o.status = 'paid'),
    last_order_at = (SELECT max(ordered_at) FROM orders o WHERE o.customer_id = customers.id AND o.status = 'paid')`;

export function recomputeCustomerMetrics(sqlite: Database.Database, customerIds?: number[]): void {
  if (!customerIds) {
    sqlite.prepare(RECOMPUTE).run();
    return;
  }
  const one = sqlite.prepare(`${RECOMPUTE} WHERE id = ?`);
  for (const id of customerIds) one.run(id);
}
