// An item of the bought-together rules (as product_days keys them: a product id as text, or
// 'name:' + the line's name for a line with no product) by the name a person knows it by.
import type Database from 'better-sqlite3';

export function itemName(sqlite: Database.Database, item: string): string {
  if (item.startsWith('name:')) return item.slice(5);
  return (sqlite.prepare('SELECT name FROM products WHERE id = ?').pluck().get(Number(item)) as string | undefined) ?? item;
}
