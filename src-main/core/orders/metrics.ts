// A customer's order facts, denormalised on customers so the list sorts by them through an index:
// spend, paid order count, first and last paid order. This SQL is the ONE computation of them;
// every write path (an order added in the UI, an import, the sample shop) reaches it through the
// derived-state hook below. Its earliest order (any status) also moves the customer's "since"
// back (customers/since.ts does the same for messages and reviews): done here, in the same pass
// over the orders, because a big import would otherwise read them twice.
import type Database from 'better-sqlite3';
import type { DerivedHook } from '../derived/hooks';
import { SHOP_CURRENCY_SQL } from '../money/settings';

/** The one rule for an order that counts as spend: refunded and cancelled orders do not. */
export const PAID = `status = 'paid'`;

// An order's total in the shop currency: its own total, or converted at the owner's rate
// (currency_rates, money/service.ts), rounded per order; NULL when its currency has no rate, so
// sum() leaves it out instead of adding euros to yuan, and UNCONVERTED counts it. The rate is
// looked up only for an order in another currency: most shops have none, and a join for every
// order doubled the cost of a full recompute (1.5 s to 2.8 s for 1,000,000 orders).
const RATE = `(SELECT rate FROM currency_rates r WHERE r.currency = orders.currency)`;
/** Any amount of an order (its total, a line) in the shop currency, by the rule above; over `orders` unaliased. */
export const inShopCurrency = (cents: string) => `CASE WHEN orders.currency = ${SHOP_CURRENCY_SQL} THEN ${cents} ELSE CAST(round(${cents} * ${RATE}) AS INTEGER) END`;
export const IN_SHOP_CURRENCY = inShopCurrency('total_cents');
export const UNCONVERTED = `currency <> ${SHOP_CURRENCY_SQL} AND ${RATE} IS NULL`;

/**
 * One row per customer: their order facts, from the orders `where` selects (all of each
 * customer's orders, or the facts would be partial). `from` may add an index hint.
 */
const FACTS = (where: string, from = 'orders') => `SELECT customer_id AS cid,
    coalesce(sum(${IN_SHOP_CURRENCY}) FILTER (WHERE ${PAID}), 0) AS spent,
    count(*) FILTER (WHERE ${PAID}) AS n,
    count(*) FILTER (WHERE ${PAID} AND ${UNCONVERTED}) AS unconverted,
    min(ordered_at) FILTER (WHERE ${PAID}) AS first,
    max(ordered_at) FILTER (WHERE ${PAID}) AS last,
    min(ordered_at) AS earliest
  FROM ${from} WHERE ${where} GROUP BY customer_id`;

const update = (facts: string) => `UPDATE customers SET total_spent_cents = f.spent, order_count = f.n, unconverted_orders = f.unconverted, first_order_at = f.first,
    last_order_at = f.last, created_at = min(customers.created_at, f.earliest)
  FROM (${facts}) AS f WHERE customers.id = f.cid`;

/** Customers left with no orders at all (their last one deleted) have no facts row: zero them. */
const zero = (scope: string) => `UPDATE customers SET total_spent_cents = 0, order_count = 0, unconverted_orders = 0, first_order_at = NULL, last_order_at = NULL
  WHERE id IN (${scope}) AND (order_count <> 0 OR total_spent_cents <> 0 OR unconverted_orders <> 0 OR last_order_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id)`;

const IDS = 'SELECT value FROM json_each(?)';

/** Recomputes the order facts of `customerIds`, or of every customer. */
export function recomputeCustomerMetrics(sqlite: Database.Database, customerIds?: number[]): void {
  if (!customerIds) {
    sqlite.prepare(update(FACTS('1'))).run();
    sqlite.prepare(zero('SELECT id FROM customers')).run();
  } else if (customerIds.length) {
    const ids = JSON.stringify(customerIds);
    sqlite.prepare(update(FACTS(`customer_id IN (${IDS})`))).run(ids);
    sqlite.prepare(zero(IDS)).run(ids);
  }
}

export const customerMetrics: DerivedHook = {
  name: 'customerMetrics',
  follows: ['order'],
  afterWrite(sqlite, w) {
    recomputeCustomerMetrics(sqlite, w.customerIds);
  },
  afterBulk(sqlite, bulk) {
    // Bulk writes add orders (or lines to orders they added); they never change one from before.
    const orders = bulk.addedAfter('order');
    const customers = bulk.addedAfter('customer');
    // Customers the bulk write created have only new orders: one pass over those, in rowid order
    // (through the customer index instead, each order is a random lookup: 0.45 s instead of 0.31 s
    // for 80,000 orders).
    sqlite.prepare(update(FACTS('id > ? AND customer_id > ?', 'orders NOT INDEXED'))).run(orders, customers);
    // Customers from before that gained orders: all their orders, through the customer index.
    const older = sqlite.prepare('SELECT DISTINCT customer_id FROM orders NOT INDEXED WHERE id > ? AND customer_id <= ?').pluck().all(orders, customers) as number[];
    recomputeCustomerMetrics(sqlite, older);
  },
};
