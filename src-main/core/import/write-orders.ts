// Writes order lines: one row per line, grouped into orders by order number. Lines of an order
// normally follow each other; the current order is held until its number changes, so a bad line
// leaves the whole order out (and in the rejected rows, ready to be fixed and imported again)
// instead of importing it with a line missing. An order number that is already in the database
// from before this import is skipped: re-importing a file creates nothing new.
import type Database from 'better-sqlite3';
import { BatchedInsert } from '../db/batched-insert';
import { recomputeCustomerMetrics } from '../orders/metrics';
import type { CustomerStore } from './dedupe';
import type { ImportDetails } from './details';
import type { Checked } from './validate-common';
import type { OrderLineRow } from './validate-order';
import type { RowOutcome } from './outcome';
import { SpendTally } from './spend-tally';
import { own, type CellSource } from './source-row';

interface PendingLine {
  line: number;
  src: CellSource;
  row: OrderLineRow;
}

interface Pending {
  orderNo: string;
  lines: PendingLine[];
  /** The first rejected line of this order, if any. */
  badLine: number | null;
}

export interface OrderCounts {
  ordersCreated: number;
  ordersExisting: number;
  itemsCreated: number;
  productsCreated: number;
}

export class OrderWriter {
  readonly counts: OrderCounts = { ordersCreated: 0, ordersExisting: 0, itemsCreated: 0, productsCreated: 0 };
  private readonly s;
  /** Lines are only ever appended during the import, so they go in 16 to a statement. */
  private readonly items: BatchedInsert;
  private readonly startMaxOrderId: number;
  private readonly bySku = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly rejectedOrders = new Map<string, number>();
  private readonly existingWithOrders = new Set<number>();
  private readonly newSpend: SpendTally;
  /** Orders from before the import that the file names (counted once however their lines fall). */
  private readonly existingSeen = new Set<number>();
  private pending: Pending | null = null;
  /** With no orders before the import, none can already exist: insert first, look up only on a clash. */
  private readonly noOrdersBefore: boolean;
  private readonly now = Date.now();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly customers: CustomerStore,
    private readonly details: ImportDetails,
    private readonly createCustomers: boolean,
    private readonly outcome?: (o: RowOutcome) => void,
  ) {
    this.s = {
      byNo: sqlite.prepare('SELECT id, customer_id AS customerId FROM orders WHERE order_no = ?'),
      order: sqlite.prepare(`INSERT INTO orders (customer_id, order_no, ordered_at, status, channel, total_cents, currency, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(order_no) DO NOTHING`),
      addToTotal: sqlite.prepare('UPDATE orders SET total_cents = total_cents + ? WHERE id = ?'),
      status: sqlite.prepare('SELECT status FROM orders WHERE id = ?').pluck(),
      metrics: sqlite.prepare('UPDATE customers SET total_spent_cents = ?, order_count = ?, first_order_at = ?, last_order_at = ? WHERE id = ?'),
      product: sqlite.prepare(`INSERT INTO products (sku, name, category, price_cents, currency, source) VALUES (?, ?, '', ?, ?, 'import')`),
      maxId: sqlite.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck(),
    };
    this.items = new BatchedInsert(sqlite, 'order_items', ['order_id', 'product_id', 'product_name', 'quantity', 'unit_price_cents']);
    this.newSpend = new SpendTally(customers.startMaxId + 1);
    this.startMaxOrderId = this.s.maxId.get() as number;
    this.noOrdersBefore = this.startMaxOrderId === 0;
    for (const p of sqlite.prepare('SELECT id, sku, name FROM products ORDER BY id').all() as { id: number; sku: string; name: string }[]) {
      this.bySku.set(p.sku, p.id);
      if (!this.byName.has(p.name)) this.byName.set(p.name, p.id);
    }
  }

  line(line: number, src: CellSource, checked: Checked<OrderLineRow> & { orderNo?: string }): void {
    const orderNo = checked.ok ? checked.value.orderNo : checked.orderNo;
    if (this.pending && this.pending.orderNo !== orderNo) this.writePending();
    if (!checked.ok) {
      this.details.reject(line, src.cells, checked.problem.field, checked.problem.reason);
      this.outcome?.({ line, status: 'rejected', values: null, reason: checked.problem.reason });
      if (orderNo) {
        this.pending ??= { orderNo, lines: [], badLine: null };
        this.pending.badLine ??= line;
      }
      return;
    }
    this.pending ??= { orderNo: checked.value.orderNo, lines: [], badLine: null };
    this.pending.lines.push({ line, src, row: checked.value });
  }

  private rejectAll(p: Pending, reason: string, field: string | null = null): void {
    for (const l of p.lines) {
      this.details.reject(l.line, l.src.cells, field, reason);
      this.outcome?.({ line: l.line, status: 'rejected', values: l.row, reason });
    }
  }

  private productId(item: NonNullable<OrderLineRow['item']>, currency: string): number | null {
    if (item.sku) {
      let id = this.bySku.get(item.sku);
      if (id === undefined) {
        id = Number(this.s.product.run(item.sku, item.name, item.unitPriceCents, currency).lastInsertRowid);
        this.bySku.set(own(item.sku), id);
        if (!this.byName.has(item.name)) this.byName.set(own(item.name), id);
        this.counts.productsCreated++;
      }
      return id;
    }
    return this.byName.get(item.name) ?? null;
  }

  private writePending(): void {
    const p = this.pending;
    this.pending = null;
    if (!p || !p.lines.length) {
      if (p?.badLine != null) this.rejectedOrders.set(own(p.orderNo), p.badLine);
      return;
    }
    if (p.badLine !== null) {
      this.rejectedOrders.set(own(p.orderNo), p.badLine);
      this.rejectAll(p, `Order ${p.orderNo} was left out because its line ${p.badLine} was rejected; fix that line and import the whole order again.`);
      return;
    }
    const earlierBad = this.rejectedOrders.get(p.orderNo);
    if (earlierBad !== undefined) {
      this.rejectAll(p, `Order ${p.orderNo} was left out because its line ${earlierBad} was rejected; fix that line and import the whole order again.`);
      return;
    }
    const existing = this.noOrdersBefore ? undefined : (this.s.byNo.get(p.orderNo) as { id: number; customerId: number } | undefined);
    if (existing && existing.id <= this.startMaxOrderId) {
      if (!this.existingSeen.has(existing.id)) {
        this.existingSeen.add(existing.id);
        this.counts.ordersExisting++;
      }
      for (const l of p.lines) this.outcome?.({ line: l.line, status: 'existing', values: l.row });
      return;
    }
    const first = p.lines[0].row;
    if (existing) return this.addLines(p, existing);
    const customerId = this.customers.reference(first.person, p.lines[0].line, this.createCustomers);
    if (customerId === null) {
      const who = [first.person.email && `the email ${first.person.email}`, first.person.phone && `the phone ${first.person.phone}`].filter(Boolean).join(' or ');
      this.rejectAll(p, `No customer has ${who}. Import the customers first, or let the import create them.`, first.person.email ? 'customer_email' : 'customer_phone');
      return;
    }
    let total = first.orderTotalCents;
    if (total === null) total = this.linesTotal(p);
    const res = this.s.order.run(customerId, p.orderNo, first.orderedAt, first.status, first.channel, total, first.currency, this.now);
    if (res.changes === 0) {
      // The number clashed: an order this import wrote earlier in the file.
      return this.addLines(p, this.s.byNo.get(p.orderNo) as { id: number; customerId: number });
    }
    this.counts.ordersCreated++;
    this.countSpend(customerId, first.status, total, first.orderedAt, true);
    this.writeItems(p, Number(res.lastInsertRowid), customerId);
  }

  private linesTotal(p: Pending): number {
    let total = 0;
    for (const l of p.lines) if (l.row.item) total += l.row.item.quantity * l.row.item.unitPriceCents;
    return total;
  }

  /** More lines of an order this import already wrote, further down the file. */
  private addLines(p: Pending, order: { id: number; customerId: number }): void {
    const first = p.lines[0].row;
    if (first.orderTotalCents === null) {
      const add = this.linesTotal(p);
      this.s.addToTotal.run(add, order.id);
      this.countSpend(order.customerId, this.s.status.get(order.id) as OrderLineRow['status'], add, first.orderedAt, false);
    }
    this.writeItems(p, order.id, order.customerId);
  }

  private writeItems(p: Pending, orderId: number, customerId: number): void {
    for (const l of p.lines) {
      const item = l.row.item;
      if (item) {
        this.items.add(orderId, this.productId(item, l.row.currency), item.name, item.quantity, item.unitPriceCents);
        this.counts.itemsCreated++;
      }
      this.outcome?.({ line: l.line, status: 'created', values: l.row, customerId });
    }
  }

  /**
   * Spend of customers this import created is summed here (all their orders are in this file);
   * customers from before are recomputed from the database at the end.
   */
  private countSpend(customerId: number, status: OrderLineRow['status'], cents: number, at: number, newOrder: boolean): void {
    if (customerId <= this.customers.startMaxId) {
      this.existingWithOrders.add(customerId);
      return;
    }
    if (status !== 'paid') return;
    this.newSpend.add(customerId, cents, at, newOrder);
  }

  /** Writes the order still held (the last one) and the lines still queued. */
  flush(): void {
    this.writePending();
    this.items.flush();
  }

  /** Brings the customers' spend, order counts and first/last order up to date. */
  updateMetrics(): void {
    for (const m of this.newSpend.entries()) this.s.metrics.run(m.spent, m.count, m.first, m.last, m.id);
    const ids = [...this.existingWithOrders];
    const all = (this.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number) || 1;
    if (ids.length > all / 2) recomputeCustomerMetrics(this.sqlite);
    else if (ids.length) recomputeCustomerMetrics(this.sqlite, ids);
  }
}
