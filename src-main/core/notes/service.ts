import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { notes } from '../db/schema';
import { assertCustomer } from '../customers/service';
import { notFound } from '../errors';

/** `createdAt` is given when undoing a delete, so the note returns to its place on the timeline. */
export function addNote(db: Db, customerId: number, body: string, createdAt?: number): { id: number; createdAt: number } {
  assertCustomer(db, customerId);
  return db
    .insert(notes)
    .values({ customerId, body, ...(createdAt ? { createdAt } : {}) })
    .returning({ id: notes.id, createdAt: notes.createdAt })
    .get();
}

export function updateNote(db: Db, id: number, body: string): void {
  const res = db.update(notes).set({ body, updatedAt: Date.now() }).where(eq(notes.id, id)).run();
  if (res.changes === 0) throw notFound('Note', id);
}

/** Returns the deleted note so the UI can offer undo by re-adding it. */
export function deleteNote(db: Db, id: number) {
  const note = db.select().from(notes).where(eq(notes.id, id)).get();
  if (!note) throw notFound('Note', id);
  db.delete(notes).where(eq(notes.id, id)).run();
  return note;
}
