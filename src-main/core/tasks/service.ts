import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { tasks } from '../db/schema';
import { notFound } from '../errors';
import { assertCustomer } from '../customers/service';

export function addTask(db: Db, input: { customerId: number; title: string; dueAt?: number | null }) {
  assertCustomer(db, input.customerId);
  return db
    .insert(tasks)
    .values({ customerId: input.customerId, title: input.title, dueAt: input.dueAt ?? null })
    .returning({ id: tasks.id })
    .get();
}

export function setTaskDone(db: Db, id: number, done: boolean): void {
  const res = db.update(tasks).set({ doneAt: done ? Date.now() : null }).where(eq(tasks.id, id)).run();
  if (res.changes === 0) throw notFound('Task', id);
}

export function deleteTask(db: Db, id: number): void {
  const res = db.delete(tasks).where(eq(tasks.id, id)).run();
  if (res.changes === 0) throw notFound('Task', id);
}

/** Open follow-ups across all customers, overdue first (served by tasks_open_due_idx). */
export function openTasks(sqlite: Database.Database, limit: number) {
  return sqlite
    .prepare(
      `SELECT t.id, t.title, t.due_at AS dueAt, t.created_at AS createdAt, c.id AS customerId, c.name AS customerName
       FROM tasks t JOIN customers c ON c.id = t.customer_id
       WHERE t.done_at IS NULL ORDER BY t.due_at IS NULL, t.due_at LIMIT ?`,
    )
    .all(limit) as { id: number; title: string; dueAt: number | null; createdAt: number; customerId: number; customerName: string }[];
}
