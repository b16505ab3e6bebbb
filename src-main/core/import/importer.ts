// The writing half of one import: each checked row is written (creating, merging or skipping),
// and rejected rows are reported with their line and problem. Runs synchronously inside the
// caller's transaction; the caller decides whether it commits (import) or rolls back (dry run,
// preview, cancel, error).
import type Database from 'better-sqlite3';
import { BulkScope } from '../derived/bulk-scope';
import { CustomerStore, type CustomerCounts, type MergeRecord } from './dedupe';
import type { BulkLoad } from './bulk-load';
import type { ImportDetails, RejectRecord } from './details';
import type { RowOutcome } from './outcome';
import type { CheckedRow } from './check-row';
import type { ImportRequest } from './schemas';
import type { CellSource } from './source-row';
import type { CustomerRow } from './validate-customer';
import type { FeedbackRow } from './validate-feedback';
import type { InteractionRow } from './validate-interaction';
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
  // Sentiment rows and their aspects follow inbound messages and reviews (sentiment/derive-hook.ts).
  interactions: { customers: 0.1, interactions: 1, sentiments: 0.5, sentiment_aspects: 0.5 },
  feedback: { customers: 0.1, feedback: 1, sentiments: 0.8, sentiment_aspects: 0.8 },
};

export class Importer {
  private rows = 0;
  /** What this import adds and changes: the derived-state hooks catch up on it at the end. */
  private readonly scope: BulkScope;
  private readonly customers: CustomerStore;
  private readonly orders: OrderWriter | null = null;
  private readonly interactions: InteractionWriter | null = null;
  private readonly feedback: FeedbackWriter | null = null;

  constructor(
    sqlite: Database.Database,
    req: ImportRequest,
    private readonly details: ImportDetails,
    private readonly outcome?: (o: RowOutcome) => void,
    private readonly bulk?: BulkLoad,
  ) {
    const o = req.options;
    this.scope = new BulkScope(sqlite);
    this.customers = new CustomerStore(sqlite, this.scope, o.onMatch, (m) => details.merge(m), {
      keysInMemory: bulk?.keysInMemory,
      onKeysInDatabase: () => bulk?.restoreIndexes(['customers']),
    });
    if (req.kind === 'orders') this.orders = new OrderWriter(sqlite, this.scope.addedAfter('order'), this.customers, details, o.createCustomers, outcome);
    if (req.kind === 'interactions') this.interactions = new InteractionWriter(sqlite, this.scope, this.customers, details, o.createCustomers, outcome);
    if (req.kind === 'feedback') this.feedback = new FeedbackWriter(sqlite, this.scope, this.customers, details, o.createCustomers, outcome);
  }

  /** Writes one checked row (checked in this thread or a worker): creating, merging or skipping. */
  write(line: number, src: CellSource, checked: CheckedRow): void {
    this.rows++;
    if (this.orders) return this.orders.line(line, src, checked as CheckedRow<'orders'>);
    if (!checked.ok) {
      this.details.reject(line, src.cells, checked.problem.field, checked.problem);
      this.outcome?.({ line, status: 'rejected', values: null, problem: checked.problem });
      return;
    }
    if (this.interactions) return this.interactions.write(line, src, checked.value as InteractionRow);
    if (this.feedback) return this.feedback.write(line, src, checked.value as FeedbackRow);
    const c = checked.value as CustomerRow;
    const { id, action } = this.customers.upsert(c, line);
    this.outcome?.({ line, status: action, values: c, customerId: id });
  }

  /** Work that can be done ahead, for the moments between batches when the next is not ready. */
  idle(): void {
    this.scope.ahead();
  }

  /**
   * Writes what is still held (the last order), then brings derived state (metrics, search rows,
   * "customer since") up to date through the hooks and records the import's change on the bus:
   * the caller's COMMIT makes it visible, and changeBus(sqlite).flush() after it emits it.
   */
  finish(): ImportCounts {
    this.orders?.flush();
    // Metrics read orders by customer: that index first. The customers' own indexes are built
    // after the metrics are written, not updated with them.
    this.bulk?.restoreIndexes(['orders']);
    this.scope.finish();
    this.bulk?.restoreIndexes();
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
