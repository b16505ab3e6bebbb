// Writes messages (interactions) and feedback rows, each attached to its customer, through the
// bulk mode of their own modules; search rows and the rest follow by the derived-state hooks at
// the end of the import; the sentiment the checker already made is handed to its hook as each
// record is written. A row identical to one already stored (same customer, time and text) is a duplicate
// and skipped, so re-importing a file creates nothing new.
import type Database from 'better-sqlite3';
import type { Problem } from '../../shared/problems';
import type { BulkScope } from '../derived/bulk-scope';
import { offerAnalysis } from '../sentiment/derive-hook';
import { feedbackRows } from '../feedback/service';
import { interactionRows } from '../interactions/service';
import type { CustomerStore } from './dedupe';
import type { ImportDetails } from './details';
import type { RowOutcome } from './outcome';
import type { CellSource } from './source-row';
import type { Person } from './validate-common';
import type { FeedbackRow } from './validate-feedback';
import type { InteractionRow } from './validate-interaction';

export interface ActivityCounts {
  created: number;
  duplicates: number;
}

const unknownCustomer = (p: Person): Problem => ({ code: 'customer_unknown', params: { email: p.email, phone: p.phone } });

abstract class ActivityWriter<R extends { person: Person }> {
  readonly counts: ActivityCounts = { created: 0, duplicates: 0 };

  constructor(
    protected readonly customers: CustomerStore,
    protected readonly details: ImportDetails,
    private readonly createCustomers: boolean,
    protected readonly outcome?: (o: RowOutcome) => void,
  ) {}

  protected abstract isDuplicate(customerId: number, row: R): boolean;
  protected abstract insert(customerId: number, row: R): void;
  /** What the customer wrote in this row, if anything (tells a new customer's language). */
  protected abstract wrote(row: R): string | null;

  write(line: number, src: CellSource, row: R): void {
    const customerId = this.customers.reference(row.person, line, this.createCustomers, this.wrote(row));
    if (customerId === null) {
      const problem = unknownCustomer(row.person);
      this.details.reject(line, src.cells, row.person.email ? 'customer_email' : 'customer_phone', problem);
      this.outcome?.({ line, status: 'rejected', values: row, problem });
      return;
    }
    if (this.isDuplicate(customerId, row)) {
      this.counts.duplicates++;
      this.outcome?.({ line, status: 'duplicate', values: row, customerId });
      return;
    }
    this.insert(customerId, row);
    this.counts.created++;
    this.outcome?.({ line, status: 'created', values: row, customerId });
  }
}

export class InteractionWriter extends ActivityWriter<InteractionRow> {
  private readonly rows;

  constructor(
    sqlite: Database.Database,
    private readonly scope: BulkScope,
    customers: CustomerStore,
    details: ImportDetails,
    create: boolean,
    outcome?: (o: RowOutcome) => void,
  ) {
    super(customers, details, create, outcome);
    this.rows = interactionRows(sqlite);
  }

  protected wrote(r: InteractionRow): string | null {
    return r.direction === 'inbound' ? r.body : null;
  }

  protected isDuplicate(customerId: number, r: InteractionRow): boolean {
    return this.rows.exists(customerId, r.occurredAt, r.body);
  }

  protected insert(customerId: number, r: InteractionRow): void {
    const id = this.rows.add(customerId, r);
    if (r.sentiment) offerAnalysis(this.scope, 'interaction', id, r.sentiment);
  }
}

export class FeedbackWriter extends ActivityWriter<FeedbackRow> {
  private readonly rows;
  private readonly bySku = new Map<string, number>();
  private readonly byName = new Map<string, number>();

  constructor(
    sqlite: Database.Database,
    private readonly scope: BulkScope,
    customers: CustomerStore,
    details: ImportDetails,
    create: boolean,
    outcome?: (o: RowOutcome) => void,
  ) {
    super(customers, details, create, outcome);
    this.rows = feedbackRows(sqlite);
    for (const p of sqlite.prepare('SELECT id, sku, name FROM products ORDER BY id').all() as { id: number; sku: string; name: string }[]) {
      this.bySku.set(p.sku, p.id);
      if (!this.byName.has(p.name)) this.byName.set(p.name, p.id);
    }
  }

  protected wrote(r: FeedbackRow): string | null {
    return r.body;
  }

  protected isDuplicate(customerId: number, r: FeedbackRow): boolean {
    return this.rows.exists(customerId, r);
  }

  protected insert(customerId: number, r: FeedbackRow): void {
    const productId = (r.productSku && this.bySku.get(r.productSku)) || (r.productName && this.byName.get(r.productName)) || null;
    const id = this.rows.add(customerId, { ...r, productId });
    if (r.sentiment) offerAnalysis(this.scope, 'feedback', id, r.sentiment);
  }
}
