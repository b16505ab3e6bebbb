// The best sellers and categories of a range: paid orders' lines, each line's amount in the shop
// currency by the same rule as spend (orders/metrics.ts). Lines of a deleted product keep their
// name at the time of sale and count as uncategorised.
import type Database from 'better-sqlite3';
import { PAID, inShopCurrency } from '../orders/metrics';

export interface ProductsInput {
  from: number;
  to: number;
  limit: number;
}

// Aggregated per product first, then named: the products table is read once per product, not per line.
const LINES = `SELECT l.productId, coalesce(p.name, l.name) AS name, p.category AS category, l.revenueCents, l.quantity FROM (
    SELECT i.product_id AS productId, max(i.product_name) AS name,
      coalesce(sum(${inShopCurrency('i.quantity * i.unit_price_cents')}), 0) AS revenueCents, sum(i.quantity) AS quantity
    FROM orders JOIN order_items i ON i.order_id = orders.id
    WHERE orders.ordered_at >= ? AND orders.ordered_at < ? AND ${PAID}
    GROUP BY i.product_id, CASE WHEN i.product_id IS NULL THEN i.product_name END) l
  LEFT JOIN products p ON p.id = l.productId
  ORDER BY l.revenueCents DESC, name`;

type Line = { productId: number | null; name: string; category: string | null; revenueCents: number; quantity: number };

export function productsOverview(sqlite: Database.Database, input: ProductsInput) {
  const lines = sqlite.prepare(LINES).all(input.from, input.to) as Line[];
  const total = lines.reduce((n, l) => n + l.revenueCents, 0);
  const byCategory = new Map<string | null, number>();
  for (const l of lines) byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + l.revenueCents);
  const categories = [...byCategory]
    .map(([category, revenueCents]) => ({ category, revenueCents, share: total ? revenueCents / total : 0 }))
    .sort((a, b) => b.revenueCents - a.revenueCents);
  return {
    products: lines.slice(0, input.limit).map((l) => ({ ...l, share: total ? l.revenueCents / total : 0 })),
    categories,
    totalCents: total,
  };
}
