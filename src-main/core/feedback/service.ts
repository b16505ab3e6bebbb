// Feedback (reviews, complaints, surveys), one module for every path: single-record mode
// (addFeedback), recorded on the change bus; bulk mode (feedbackRows) for the import and the
// sample shop. "Customer since" follows by its hook; sentiment will, too.
import type Database from 'better-sqlite3';
import { FEEDBACK_KINDS } from '../db/schema';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';

export interface FeedbackInput {
  customerId: number;
  kind: (typeof FEEDBACK_KINDS)[number];
  productId?: number | null;
  rating?: number | null;
  nps?: number | null;
  body?: string | null;
  language?: string | null;
  occurredAt: number;
}

const INSERT = `INSERT INTO feedback (customer_id, kind, product_id, rating, nps, body, language, occurred_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function insert(s: Database.Statement, customerId: number, f: Omit<FeedbackInput, 'customerId'>): number {
  const at = Math.round(f.occurredAt);
  return Number(s.run(customerId, f.kind, f.productId ?? null, f.rating ?? null, f.nps ?? null, f.body ?? null, f.language ?? null, at, at).lastInsertRowid);
}

export function addFeedback(sqlite: Database.Database, input: FeedbackInput): { id: number } {
  return writeOne(sqlite, 'feedback', 'create', () => {
    assertCustomer(sqlite, input.customerId);
    const id = insert(sqlite.prepare(INSERT), input.customerId, input);
    return { value: { id }, ids: [id], customerIds: [input.customerId] };
  });
}

/** Bulk mode: prepared once per run, inside the run's transaction. */
export function feedbackRows(sqlite: Database.Database) {
  const s = {
    insert: sqlite.prepare(INSERT),
    exists: sqlite
      .prepare('SELECT 1 FROM feedback WHERE customer_id = ? AND occurred_at = ? AND kind = ? AND body IS ? AND rating IS ? AND nps IS ? LIMIT 1')
      .pluck(),
  };
  return {
    add: (customerId: number, f: Omit<FeedbackInput, 'customerId'>) => insert(s.insert, customerId, f),
    /** The same feedback is already stored: re-importing a file adds nothing. */
    exists: (customerId: number, f: Omit<FeedbackInput, 'customerId'>) =>
      s.exists.get(customerId, f.occurredAt, f.kind, f.body ?? null, f.rating ?? null, f.nps ?? null) !== undefined,
  };
}
