// Messages (interactions), one module for every path: single-record mode for the UI (log one,
// mark handled), recorded on the change bus; bulk mode (interactionRows) for the import and the
// sample shop. Search rows and "customer since" follow by their hooks, never from here.
import type Database from 'better-sqlite3';
import { CHANNELS, DIRECTIONS } from '../db/schema';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';
import { notFound } from '../errors';

export interface InteractionInput {
  customerId: number;
  channel: (typeof CHANNELS)[number];
  direction: (typeof DIRECTIONS)[number];
  subject?: string | null;
  body: string;
  language?: string | null;
  occurredAt?: number;
  /** Inbound messages wait for a reply until handled; outbound ones are handled when logged. */
  handled?: boolean;
}

const INSERT = `INSERT INTO interactions (customer_id, channel, direction, language, subject, body, occurred_at, handled, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function insert(s: Database.Statement, customerId: number, m: Omit<InteractionInput, 'customerId'>, at: number): number {
  const handled = m.handled ?? m.direction === 'outbound';
  return Number(s.run(customerId, m.channel, m.direction, m.language ?? null, m.subject ?? null, m.body, at, handled ? 1 : 0, at).lastInsertRowid);
}

/** Logs a message (either direction); it is searchable once the write commits. */
export function logInteraction(sqlite: Database.Database, input: InteractionInput): { id: number } {
  return writeOne(sqlite, 'interaction', 'create', () => {
    assertCustomer(sqlite, input.customerId);
    const id = insert(sqlite.prepare(INSERT), input.customerId, input, Math.round(input.occurredAt ?? Date.now()));
    return { value: { id }, ids: [id], customerIds: [input.customerId] };
  });
}

export function setHandled(sqlite: Database.Database, id: number, handled: boolean): void {
  writeOne(sqlite, 'interaction', 'update', () => {
    const row = sqlite.prepare('SELECT customer_id AS customerId FROM interactions WHERE id = ?').get(id) as { customerId: number } | undefined;
    if (!row) throw notFound('Message', id);
    sqlite.prepare('UPDATE interactions SET handled = ? WHERE id = ?').run(handled ? 1 : 0, id);
    return { value: undefined, ids: [id], customerIds: [row.customerId] };
  });
}

/** Bulk mode: prepared once per run, inside the run's transaction. */
export function interactionRows(sqlite: Database.Database) {
  const s = {
    insert: sqlite.prepare(INSERT),
    exists: sqlite.prepare('SELECT 1 FROM interactions WHERE customer_id = ? AND occurred_at = ? AND body = ? LIMIT 1').pluck(),
  };
  return {
    add: (customerId: number, m: Omit<InteractionInput, 'customerId'> & { occurredAt: number }) => insert(s.insert, customerId, m, Math.round(m.occurredAt)),
    /** The same message (customer, time, text) is already stored: re-importing a file adds nothing. */
    exists: (customerId: number, occurredAt: number, body: string) => s.exists.get(customerId, occurredAt, body) !== undefined,
  };
}
