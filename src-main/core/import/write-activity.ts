// Writes messages (interactions) and feedback rows, each attached to its customer and made
// searchable in the same transaction. A row identical to one already stored (same customer,
// time and text) is a duplicate and skipped, so re-importing a file creates nothing new.
import type Database from 'better-sqlite3';
import { insertInteractionSearchRow } from '../interactions/search-index';
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

function unknownCustomer(p: Person): string {
  const who = [p.email && `the email ${p.email}`, p.phone && `the phone ${p.phone}`].filter(Boolean).join(' or ');
  return `No customer has ${who}. Import the customers first, or let the import create them.`;
}

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

  write(line: number, src: CellSource, row: R): void {
    const customerId = this.customers.reference(row.person, line, this.createCustomers);
    if (customerId === null) {
      const reason = unknownCustomer(row.person);
      this.details.reject(line, src.cells, row.person.email ? 'customer_email' : 'customer_phone', reason);
      this.outcome?.({ line, status: 'rejected', values: row, reason });
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
  private readonly s;

  constructor(private readonly sqlite: Database.Database, customers: CustomerStore, details: ImportDetails, create: boolean, outcome?: (o: RowOutcome) => void) {
    super(customers, details, create, outcome);
    this.s = {
      exists: sqlite.prepare('SELECT 1 FROM interactions WHERE customer_id = ? AND occurred_at = ? AND body = ? LIMIT 1').pluck(),
      insert: sqlite.prepare(`INSERT INTO interactions (customer_id, channel, direction, language, subject, body, occurred_at, handled, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  protected isDuplicate(customerId: number, r: InteractionRow): boolean {
    return this.s.exists.get(customerId, r.occurredAt, r.body) !== undefined;
  }

  protected insert(customerId: number, r: InteractionRow): void {
    const id = Number(
      this.s.insert.run(customerId, r.channel, r.direction, r.language, r.subject, r.body, r.occurredAt, r.handled ? 1 : 0, r.occurredAt).lastInsertRowid,
    );
    insertInteractionSearchRow(this.sqlite, id, r.subject, r.body);
  }
}

export class FeedbackWriter extends ActivityWriter<FeedbackRow> {
  private readonly s;
  private readonly bySku = new Map<string, number>();
  private readonly byName = new Map<string, number>();

  constructor(sqlite: Database.Database, customers: CustomerStore, details: ImportDetails, create: boolean, outcome?: (o: RowOutcome) => void) {
    super(customers, details, create, outcome);
    this.s = {
      exists: sqlite
        .prepare('SELECT 1 FROM feedback WHERE customer_id = ? AND occurred_at = ? AND kind = ? AND body IS ? AND rating IS ? AND nps IS ? LIMIT 1')
        .pluck(),
      insert: sqlite.prepare(`INSERT INTO feedback (customer_id, kind, product_id, rating, nps, body, language, occurred_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    for (const p of sqlite.prepare('SELECT id, sku, name FROM products ORDER BY id').all() as { id: number; sku: string; name: string }[]) {
      this.bySku.set(p.sku, p.id);
      if (!this.byName.has(p.name)) this.byName.set(p.name, p.id);
    }
  }

  protected isDuplicate(customerId: number, r: FeedbackRow): boolean {
    return this.s.exists.get(customerId, r.occurredAt, r.kind, r.body, r.rating, r.nps) !== undefined;
  }

  protected insert(customerId: number, r: FeedbackRow): void {
    const productId = (r.productSku && this.bySku.get(r.productSku)) || (r.productName && this.byName.get(r.productName)) || null;
    this.s.insert.run(customerId, r.kind, productId, r.rating, r.nps, r.body, r.language, r.occurredAt, r.occurredAt);
  }
}
