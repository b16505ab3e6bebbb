// Orders with their lines, one module for every path: single-record mode (addOrder, the UI's
// call), recorded on the change bus; bulk mode (orderRows) for the import and the sample shop.
// A customer's spend is never summed here: the metrics hook (metrics.ts) computes it in SQL
// after every write, single or bulk, by the one rule for "paid".
import type Database from 'better-sqlite3';
import { BatchedInsert } from '../db/batched-insert';
import { ORDER_STATUSES } from '../db/schema';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';
import { AppError } from '../errors';
import { shopCurrency } from '../money/settings';

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLine {
  productId?: number | null;
  /** The product's name at the time of sale. */
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface OrderInput {
  customerId: number;
  orderNo: string;
  orderedAt: number;
  status?: OrderStatus;
  channel?: string;
  currency?: string;
  /** The order's total; by default the sum of its lines. */
  totalCents?: number | null;
  lines: OrderLine[];
}

const INSERT = `INSERT INTO orders (customer_id, order_no, ordered_at, status, channel, total_cents, currency, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(order_no) DO NOTHING`;
const ITEM_COLUMNS = ['order_id', 'product_id', 'product_name', 'quantity', 'unit_price_cents'] as const;

export const linesTotal = (lines: readonly OrderLine[]) => lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);

export function addOrder(sqlite: Database.Database, input: OrderInput): { id: number } {
  return writeOne(sqlite, 'order', 'create', () => {
    assertCustomer(sqlite, input.customerId);
    const rows = orderRows(sqlite);
    const id = rows.insert(input.customerId, input);
    if (id === null) throw new AppError('conflict', `Order ${input.orderNo} already exists.`, 'orderNo');
    for (const l of input.lines) rows.item(id, l.productId ?? null, l.name, l.quantity, l.unitPriceCents);
    rows.flush();
    return { value: { id }, ids: [id], customerIds: [input.customerId] };
  });
}

/** Bulk mode: prepared once per run, inside the run's transaction. Call flush() before reading lines back. */
export function orderRows(sqlite: Database.Database) {
  const s = {
    insert: sqlite.prepare(INSERT),
    addToTotal: sqlite.prepare('UPDATE orders SET total_cents = total_cents + ? WHERE id = ?'),
    byNo: sqlite.prepare('SELECT id, customer_id AS customerId FROM orders WHERE order_no = ?'),
  };
  // An order that names no currency is in the shop's (read once: a run holds its transaction).
  const currency = shopCurrency(sqlite);
  // Lines are only ever appended during a run, so they go in 16 to a statement.
  const items = new BatchedInsert(sqlite, 'order_items', ITEM_COLUMNS);
  return {
    /** Inserts the order (not its lines); null when its number is taken. */
    insert(customerId: number, o: Omit<OrderInput, 'customerId' | 'lines'> & { lines?: readonly OrderLine[] }, createdAt = Date.now()): number | null {
      const total = o.totalCents ?? linesTotal(o.lines ?? []);
      const res = s.insert.run(customerId, o.orderNo, Math.round(o.orderedAt), o.status ?? 'paid', o.channel ?? 'online', total, o.currency ?? currency, Math.round(createdAt));
      return res.changes ? Number(res.lastInsertRowid) : null;
    },
    /** One line of an order (positional: a big import adds a million of them). */
    item(orderId: number, productId: number | null, name: string, quantity: number, unitPriceCents: number): void {
      items.add(orderId, productId, name, quantity, unitPriceCents);
    },
    /** More lines of an order written earlier: its total grows by theirs. */
    addToTotal(orderId: number, cents: number): void {
      s.addToTotal.run(cents, orderId);
    },
    byNo: (orderNo: string) => s.byNo.get(orderNo) as { id: number; customerId: number } | undefined,
    flush: () => items.flush(),
  };
}
