// Notes, one module for every path: single-record mode for the UI (add, edit, delete, restore
// after undo), each recorded on the change bus; bulk mode (noteRows) for the import and the
// sample shop, which record their change once for the whole run.
import type Database from 'better-sqlite3';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';
import { notFound } from '../errors';

export interface Note {
  id: number;
  customerId: number;
  body: string;
  createdAt: number;
  updatedAt: number | null;
}

/** `createdAt` places the note on the timeline (now, unless given). */
export function addNote(sqlite: Database.Database, customerId: number, body: string, createdAt?: number): { id: number; createdAt: number } {
  return writeOne(sqlite, 'note', 'create', () => {
    assertCustomer(sqlite, customerId);
    const at = createdAt ?? Date.now();
    const id = Number(sqlite.prepare('INSERT INTO notes (customer_id, body, created_at) VALUES (?, ?, ?)').run(customerId, body, at).lastInsertRowid);
    return { value: { id, createdAt: at }, ids: [id], customerIds: [customerId] };
  });
}

export function updateNote(sqlite: Database.Database, id: number, body: string): void {
  writeOne(sqlite, 'note', 'update', () => {
    const note = sqlite.prepare('SELECT customer_id AS customerId FROM notes WHERE id = ?').get(id) as { customerId: number } | undefined;
    if (!note) throw notFound('Note', id);
    sqlite.prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(body, Date.now(), id);
    return { value: undefined, ids: [id], customerIds: [note.customerId] };
  });
}

/** Deletes a note and returns it whole, so the UI can offer undo (restoreNote). */
export function deleteNote(sqlite: Database.Database, id: number): Note {
  return writeOne(sqlite, 'note', 'delete', () => {
    const note = sqlite
      .prepare('SELECT id, customer_id AS customerId, body, created_at AS createdAt, updated_at AS updatedAt FROM notes WHERE id = ?')
      .get(id) as Note | undefined;
    if (!note) throw notFound('Note', id);
    sqlite.prepare('DELETE FROM notes WHERE id = ?').run(id);
    return { value: note, ids: [id], customerIds: [note.customerId] };
  });
}

/** Undo of a delete: the same note (id, text, times) back in its place on the timeline. */
export function restoreNote(sqlite: Database.Database, note: Note): { id: number } {
  return writeOne(sqlite, 'note', 'create', () => {
    assertCustomer(sqlite, note.customerId);
    sqlite
      .prepare('INSERT INTO notes (id, customer_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(note.id, note.customerId, note.body, note.createdAt, note.updatedAt);
    return { value: { id: note.id }, ids: [note.id], customerIds: [note.customerId] };
  });
}

/** Bulk mode: prepared once per run, inside the run's transaction. */
export function noteRows(sqlite: Database.Database) {
  const insert = sqlite.prepare('INSERT INTO notes (customer_id, body, created_at) VALUES (?, ?, ?)');
  const exists = sqlite.prepare('SELECT 1 FROM notes WHERE customer_id = ? AND body = ? LIMIT 1').pluck();
  return {
    add: (customerId: number, body: string, createdAt: number) => Number(insert.run(customerId, body, Math.round(createdAt)).lastInsertRowid),
    /** Adds the note unless the customer already has one with this text (re-importing a file); true when added. */
    addOnce: (customerId: number, body: string, createdAt: number): boolean => {
      if (exists.get(customerId, body)) return false;
      insert.run(customerId, body, Math.round(createdAt));
      return true;
    },
  };
}
