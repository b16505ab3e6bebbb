// The best sellers and categories of a range: paid orders' lines, each line's amount in the shop
// currency by the same rule as spend (orders/metrics.ts), summed per local day in product_days.
// The range is whole local days, as in revenue.ts.
import type Database from 'better-sqlite3';
import { dayBounds, dayRange } from './revenue';
import { salesDaysSource } from './sales-days';

export interface ProductsInput {
  from: number;
  to: number;
  limit: number;
}

// Summed per item over the range's days first (sales-days.ts keeps a row per day and product),
// then named: the products table is read once per product. A product's current name and category
// win; lines of a deleted product keep their name at the time of sale and count as uncategorised.
const LINES = (days: string) => `SELECT l.productId, coalesce(p.name, l.name) AS name, p.category AS category, l.revenueCents, l.quantity FROM (
    SELECT max(product_id) AS productId, max(product_name) AS name, sum(revenue_cents) AS revenueCents, sum(quantity) AS quantity
    FROM ${days} WHERE day >= ? AND day <= ? GROUP BY item) l
  LEFT JOIN products p ON p.id = l.productId
  ORDER BY l.revenueCents DESC, name`;

type Line = { productId: number | null; name: string; category: string | null; revenueCents: number; quantity: number };

export function productsOverview(sqlite: Database.Database, input: ProductsInput) {
  const source = salesDaysSource(sqlite, 'product_days', ...dayBounds(input.from, input.to));
  const lines = sqlite.prepare(LINES(source.sql)).all(...source.params, ...dayRange(input.from, input.to)) as Line[];
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
