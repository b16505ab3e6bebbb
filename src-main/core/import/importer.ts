// The row pipeline of one import: check each row for its kind, then write it (creating, merging
// or skipping), reporting rejected rows with their line and reason. Runs synchronously inside the
// caller's transaction; the caller decides whether it commits (import) or rolls back (dry run,
// preview, cancel, error).
import type Database from 'better-sqlite3';
import type { CountryCode } from 'libphonenumber-js';
import { CustomerStore, type CustomerCounts, type MergeRecord } from './dedupe';
import type { BulkLoad } from './bulk-load';
import type { ImportDetails, RejectRecord } from './details';
import type { RowOutcome } from './outcome';
import { PhoneNormalizer } from './parse-values';
import type { ImportRequest } from './schemas';
import type { SourceRow } from './source-row';
import { Columns, ParseMemo, type ParseOptions } from './validate-common';
import { readCustomer } from './validate-customer';
import { readFeedback } from './validate-feedback';
import { readInteraction } from './validate-interaction';
import { readOrderLine } from './validate-order';
import { FeedbackWriter, InteractionWriter, type ActivityCounts } from './write-activity';
import { OrderWriter } from './write-orders';

export interface ImportCounts {
  /** Data rows read (blank rows aside). */
  rows: number;
  /** Rows that passed validation (written, merged or skipped as already there). */
  accepted: number;
  rejected: number;
  customers: CustomerCounts;
  orders: { created: number; existing: number };
  orderItems: { created: number };
  products: { created: number };
  interactions: ActivityCounts;
  feedback: ActivityCounts;
}

export interface ImportSummary extends ImportCounts {
  kind: ImportRequest['kind'];
  dryRun: boolean;
  file: string;
  sheet: string | null;
  /** The first rejected rows and merges (all of them are in the files). */
  rejects: RejectRecord[];
  merges: MergeRecord[];
  mergeCount: number;
  /** rejected.csv / merges.csv of this run, when any were written. */
  rejectsFile: string | null;
  mergesFile: string | null;
  seconds: number;
  rowsPerSecond: number;
}

/** The tables an import of each kind fills, and about how many rows each gains per file row. */
export const TABLES_BY_KIND: Record<ImportRequest['kind'], Record<string, number>> = {
  customers: { customers: 1 },
  orders: { customers: 0.1, orders: 0.4, order_items: 1 },
  interactions: { customers: 0.1, interactions: 1 },
  feedback: { customers: 0.1, feedback: 1 },
};

export class Importer {
  private rows = 0;
  private readonly cols: Columns;
  private readonly opts: ParseOptions & { defaultChannel: ImportRequest['options']['defaultChannel'] };
  private readonly customers: CustomerStore;
  private readonly orders: OrderWriter | null = null;
  private readonly interactions: InteractionWriter | null = null;
  private readonly feedback: FeedbackWriter | null = null;

  constructor(
    sqlite: Database.Database,
    private readonly req: ImportRequest,
    private readonly width: number,
    private readonly strictWidth: boolean,
    private readonly details: ImportDetails,
    private readonly outcome?: (o: RowOutcome) => void,
    private readonly bulk?: BulkLoad,
  ) {
    this.cols = new Columns(req.mapping);
    const o = req.options;
    this.opts = {
      dateOrder: o.dateOrder,
      decimalComma: o.decimalComma,
      currency: o.currency,
      phones: new PhoneNormalizer(o.defaultCountry as CountryCode),
      memo: new ParseMemo(),
      defaultChannel: o.defaultChannel,
    };
    this.customers = new CustomerStore(sqlite, o.onMatch, (m) => details.merge(m));
    if (req.kind === 'orders') this.orders = new OrderWriter(sqlite, this.customers, details, o.createCustomers, outcome);
    if (req.kind === 'interactions') this.interactions = new InteractionWriter(sqlite, this.customers, details, o.createCustomers, outcome);
    if (req.kind === 'feedback') this.feedback = new FeedbackWriter(sqlite, this.customers, details, o.createCustomers, outcome);
  }

  private reject(r: SourceRow, field: string | null, reason: string, values: unknown = null): void {
    if (this.orders) {
      // A broken line still belongs to its order: the whole order is left out with it.
      const orderNo = this.cols.get(r.cells, 'order_no');
      return this.orders.line(r.line, r.cells, { ok: false, problem: { field, reason }, ...(orderNo ? { orderNo } : {}) });
    }
    this.details.reject(r.line, r.cells, field, reason);
    this.outcome?.({ line: r.line, status: 'rejected', values, reason });
  }

  row(r: SourceRow): void {
    this.rows++;
    const { cells } = r;
    if (r.problem) return this.reject(r, null, r.problem);
    if (this.strictWidth && cells.length > this.width) {
      for (let i = this.width; i < cells.length; i++) {
        if (cells[i].trim() !== '') {
          return this.reject(
            r,
            null,
            `This row has ${cells.length} values but the header has ${this.width} columns; a value probably contains an unquoted delimiter (like a comma in "1,299.00").`,
          );
        }
      }
    }
    switch (this.req.kind) {
      case 'customers': {
        const c = readCustomer(this.cols, cells, this.opts);
        if (!c.ok) return this.reject(r, c.problem.field, c.problem.reason);
        const { id, action } = this.customers.upsert(c.value, r.line);
        this.outcome?.({ line: r.line, status: action, values: c.value, customerId: id });
        return;
      }
      case 'orders':
        return this.orders!.line(r.line, cells, readOrderLine(this.cols, cells, this.opts));
      case 'interactions': {
        const c = readInteraction(this.cols, cells, this.opts);
        if (!c.ok) return this.reject(r, c.problem.field, c.problem.reason);
        return this.interactions!.write(r.line, cells, c.value);
      }
      case 'feedback': {
        const c = readFeedback(this.cols, cells, this.opts);
        if (!c.ok) return this.reject(r, c.problem.field, c.problem.reason);
        return this.feedback!.write(r.line, cells, c.value);
      }
    }
  }

  /** Writes what is still held (the last order), recomputes metrics, rebuilds changed search rows. */
  finish(): ImportCounts {
    this.orders?.flush();
    // Metrics of customers from before read their orders by customer: that index first. The
    // customers' own indexes are built after the metrics are written, not updated with them.
    this.bulk?.restoreIndexes(['orders']);
    this.orders?.updateMetrics();
    this.bulk?.restoreIndexes();
    this.customers.finish();
    const oc = this.orders?.counts;
    return {
      rows: this.rows,
      accepted: this.rows - this.details.rejectCount,
      rejected: this.details.rejectCount,
      customers: { ...this.customers.counts },
      orders: { created: oc?.ordersCreated ?? 0, existing: oc?.ordersExisting ?? 0 },
      orderItems: { created: oc?.itemsCreated ?? 0 },
      products: { created: oc?.productsCreated ?? 0 },
      interactions: this.interactions ? { ...this.interactions.counts } : { created: 0, duplicates: 0 },
      feedback: this.feedback ? { ...this.feedback.counts } : { created: 0, duplicates: 0 },
    };
  }
}
