// Writes order lines: one row per line, grouped into orders by order number. Lines of an order
// normally follow each other; the current order is held until its number changes, so a bad line
// leaves the whole order out (and in the rejected rows, ready to be fixed and imported again)
// instead of importing it with a line missing. An order number that is already in the database
// from before this import is skipped: re-importing a file creates nothing new.
//
// Orders are written through the orders' own bulk mode (orders/write.ts). Nobody sums spend
// here: the metrics hook computes it in SQL at the end, by the same rule as for an order added
// in the UI.
import type Database from 'better-sqlite3';
import type { Problem } from '../../shared/problems';
import { orderRows } from '../orders/write';
import type { CustomerStore } from './dedupe';
import type { ImportDetails } from './details';
import type { Checked } from './validate-common';
import type { OrderLineRow } from './validate-order';
import type { RowOutcome } from './outcome';
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
  private readonly rows: ReturnType<typeof orderRows>;
  private readonly startMaxOrderId: number;
  private readonly bySku = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly rejectedOrders = new Map<string, number>();
  /** Orders from before the import that the file names (counted once however their lines fall). */
  private readonly existingSeen = new Set<number>();
  private pending: Pending | null = null;
  /** With no orders before the import, none can already exist: insert first, look up only on a clash. */
  private readonly noOrdersBefore: boolean;
  private readonly now = Date.now();

  constructor(
    sqlite: Database.Database,
    /** Orders with an id above this were written by this import. */
    startMaxOrderId: number,
    private readonly customers: CustomerStore,
    private readonly details: ImportDetails,
    private readonly createCustomers: boolean,
    private readonly outcome?: (o: RowOutcome) => void,
  ) {
    this.s = {
      product: sqlite.prepare(`INSERT INTO products (sku, name, category, price_cents, currency, source) VALUES (?, ?, '', ?, ?, 'import')`),
    };
    this.rows = orderRows(sqlite);
    this.startMaxOrderId = startMaxOrderId;
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
      this.details.reject(line, src.cells, checked.problem.field, checked.problem);
      this.outcome?.({ line, status: 'rejected', values: null, problem: checked.problem });
      if (orderNo) {
        this.pending ??= { orderNo, lines: [], badLine: null };
        this.pending.badLine ??= line;
      }
      return;
    }
    this.pending ??= { orderNo: checked.value.orderNo, lines: [], badLine: null };
    this.pending.lines.push({ line, src, row: checked.value });
  }

  private rejectAll(p: Pending, problem: Problem, field: string | null = null): void {
    for (const l of p.lines) {
      this.details.reject(l.line, l.src.cells, field, problem);
      this.outcome?.({ line: l.line, status: 'rejected', values: l.row, problem });
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
      this.rejectAll(p, { code: 'order_line_rejected', params: { orderNo: p.orderNo, line: p.badLine } });
      return;
    }
    const earlierBad = this.rejectedOrders.get(p.orderNo);
    if (earlierBad !== undefined) {
      this.rejectAll(p, { code: 'order_line_rejected', params: { orderNo: p.orderNo, line: earlierBad } });
      return;
    }
    const existing = this.noOrdersBefore ? undefined : this.rows.byNo(p.orderNo);
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
      const problem: Problem = { code: 'customer_unknown', params: { email: first.person.email, phone: first.person.phone } };
      this.rejectAll(p, problem, first.person.email ? 'customer_email' : 'customer_phone');
      return;
    }
    const orderId = this.rows.insert(
      customerId,
      { orderNo: p.orderNo, orderedAt: first.orderedAt, status: first.status, channel: first.channel, currency: first.currency, totalCents: first.orderTotalCents ?? this.linesTotal(p) },
      this.now,
    );
    // The number clashed: an order this import wrote earlier in the file.
    if (orderId === null) return this.addLines(p, this.rows.byNo(p.orderNo)!);
    this.counts.ordersCreated++;
    this.writeItems(p, orderId, customerId);
  }

  private linesTotal(p: Pending): number {
    let total = 0;
    for (const l of p.lines) if (l.row.item) total += l.row.item.quantity * l.row.item.unitPriceCents;
    return total;
  }

  /** More lines of an order this import already wrote, further down the file. */
  private addLines(p: Pending, order: { id: number; customerId: number }): void {
    const first = p.lines[0].row;
    if (first.orderTotalCents === null) this.rows.addToTotal(order.id, this.linesTotal(p));
    this.writeItems(p, order.id, order.customerId);
  }

  private writeItems(p: Pending, orderId: number, customerId: number): void {
    for (const l of p.lines) {
      const item = l.row.item;
      if (item) {
        this.rows.item(orderId, this.productId(item, l.row.currency), item.name, item.quantity, item.unitPriceCents);
        this.counts.itemsCreated++;
      }
      this.outcome?.({ line: l.line, status: 'created', values: l.row, customerId });
    }
  }

  /** Writes the order still held (the last one) and the lines still queued. */
  flush(): void {
    this.writePending();
    this.rows.flush();
  }
}
