// Follow-up tasks, one module for every path: single-record mode for the UI (add, tick, delete,
// restore after undo), each recorded on the change bus; bulk mode (taskRows) for the sample shop.
import type Database from 'better-sqlite3';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';
import { notFound } from '../errors';

export interface Task {
  id: number;
  customerId: number;
  title: string;
  dueAt: number | null;
  doneAt: number | null;
  createdAt: number;
}

const SELECT = 'SELECT id, customer_id AS customerId, title, due_at AS dueAt, done_at AS doneAt, created_at AS createdAt FROM tasks WHERE id = ?';

function load(sqlite: Database.Database, id: number): Task {
  const task = sqlite.prepare(SELECT).get(id) as Task | undefined;
  if (!task) throw notFound('Task', id);
  return task;
}

export function addTask(sqlite: Database.Database, input: { customerId: number; title: string; dueAt?: number | null }): { id: number; createdAt: number } {
  return writeOne(sqlite, 'task', 'create', () => {
    assertCustomer(sqlite, input.customerId);
    const at = Date.now();
    const id = Number(
      sqlite.prepare('INSERT INTO tasks (customer_id, title, due_at, created_at) VALUES (?, ?, ?, ?)').run(input.customerId, input.title, input.dueAt ?? null, at)
        .lastInsertRowid,
    );
    return { value: { id, createdAt: at }, ids: [id], customerIds: [input.customerId] };
  });
}

export function setTaskDone(sqlite: Database.Database, id: number, done: boolean): void {
  writeOne(sqlite, 'task', 'update', () => {
    const task = load(sqlite, id);
    sqlite.prepare('UPDATE tasks SET done_at = ? WHERE id = ?').run(done ? Date.now() : null, id);
    return { value: undefined, ids: [id], customerIds: [task.customerId] };
  });
}

/** Deletes a task and returns it whole, so the UI can offer undo (restoreTask). */
export function deleteTask(sqlite: Database.Database, id: number): Task {
  return writeOne(sqlite, 'task', 'delete', () => {
    const task = load(sqlite, id);
    sqlite.prepare('DELETE FROM tasks WHERE id = ?').run(id);
    return { value: task, ids: [id], customerIds: [task.customerId] };
  });
}

/** Undo of a delete: the same task (id, title, dates) back. */
export function restoreTask(sqlite: Database.Database, task: Task): { id: number } {
  return writeOne(sqlite, 'task', 'create', () => {
    assertCustomer(sqlite, task.customerId);
    sqlite
      .prepare('INSERT INTO tasks (id, customer_id, title, due_at, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(task.id, task.customerId, task.title, task.dueAt, task.doneAt, task.createdAt);
    return { value: { id: task.id }, ids: [task.id], customerIds: [task.customerId] };
  });
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

/** Bulk mode: prepared once per run, inside the run's transaction. */
export function taskRows(sqlite: Database.Database) {
  const insert = sqlite.prepare('INSERT INTO tasks (customer_id, title, due_at, done_at, created_at) VALUES (?, ?, ?, ?, ?)');
  const ms = (t: number | null) => (t === null ? null : Math.round(t));
  return {
    add: (customerId: number, t: { title: string; dueAt: number | null; doneAt: number | null; createdAt: number }) =>
      Number(insert.run(customerId, t.title, ms(t.dueAt), ms(t.doneAt), Math.round(t.createdAt)).lastInsertRowid),
  };
}
