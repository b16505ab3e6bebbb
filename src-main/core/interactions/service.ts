import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { interactions } from '../db/schema';
import { notFound } from '../errors';
import { assertCustomer } from '../customers/service';
import { insertInteractionSearchRow } from './search-index';

export interface InteractionInput {
  customerId: number;
  channel: (typeof interactions.$inferInsert)['channel'];
  direction: (typeof interactions.$inferInsert)['direction'];
  subject?: string | null;
  body: string;
  language?: string | null;
  occurredAt?: number;
}

/** Logs a message (either direction) and makes it searchable in the same transaction. */
export function logInteraction(db: Db, sqlite: Database.Database, input: InteractionInput): { id: number } {
  return sqlite.transaction(() => {
    assertCustomer(db, input.customerId);
    const row = db
      .insert(interactions)
      .values({
        customerId: input.customerId,
        channel: input.channel,
        direction: input.direction,
        subject: input.subject ?? null,
        body: input.body,
        language: input.language ?? null,
        occurredAt: input.occurredAt ?? Date.now(),
        handled: input.direction === 'outbound',
      })
      .returning({ id: interactions.id })
      .get();
    insertInteractionSearchRow(sqlite, row.id, input.subject, input.body);
    return row;
  })();
}

export function setHandled(db: Db, id: number, handled: boolean): void {
  const res = db.update(interactions).set({ handled }).where(eq(interactions.id, id)).run();
  if (res.changes === 0) throw notFound('Message', id);
}
