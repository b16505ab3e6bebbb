// One customer's history on one timeline: orders, messages, feedback, notes and tasks, newest
// first, paged so a customer with years of history loads in slices.
//
// The order is (time, kind, id), all descending, and the cursor is the last item's triple. Each
// source is read only past the cursor, `limit` rows at most, so the merged first `limit` rows
// are exact even when many items share one millisecond (imports often stamp them so).
import type Database from 'better-sqlite3';
import type { StoredSentiment } from '../../shared/sentiment';
import { shownSentiments } from '../sentiment/queries';

export type TimelineItem =
  | { type: 'order'; id: number; at: number; orderNo: string; status: string; totalCents: number; currency: string; items: { name: string; quantity: number }[] }
  | { type: 'interaction'; id: number; at: number; channel: string; direction: string; subject: string | null; body: string; handled: boolean; handledAt: number | null; sentiment: StoredSentiment | null }
  | { type: 'feedback'; id: number; at: number; kind: string; rating: number | null; nps: number | null; body: string | null; product: string | null; sentiment: StoredSentiment | null }
  /** body null: notes are private and the profile reading is staff (privacy/private-fields.ts). */
  | { type: 'note'; id: number; at: number; body: string | null }
  | { type: 'task'; id: number; at: number; title: string; dueAt: number | null; doneAt: number | null };

export type TimelineType = TimelineItem['type'];

/** Where the previous page ended. */
export interface TimelineCursor {
  at: number;
  type: TimelineType;
  id: number;
}

/** Tie-break between kinds at the same time: an order before the messages about it. */
const RANK: Record<TimelineType, number> = { order: 4, interaction: 3, feedback: 2, note: 1, task: 0 };

interface Source {
  type: TimelineType;
  /** Selects the item's columns; `at` and `id` are named so; `{after}` is replaced by the cursor condition. */
  sql: string;
  /** The table's time column, qualified as in `sql`. */
  atCol: string;
  idCol: string;
}

const SOURCES: Source[] = [
  {
    type: 'order',
    sql: `SELECT id, ordered_at AS at, order_no AS orderNo, status, total_cents AS totalCents, currency FROM orders WHERE customer_id = ? {after}`,
    atCol: 'ordered_at',
    idCol: 'id',
  },
  {
    type: 'interaction',
    sql: `SELECT id, occurred_at AS at, channel, direction, subject, body, handled, handled_at AS handledAt FROM interactions WHERE customer_id = ? {after}`,
    atCol: 'occurred_at',
    idCol: 'id',
  },
  {
    type: 'feedback',
    sql: `SELECT f.id, f.occurred_at AS at, f.kind, f.rating, f.nps, f.body, p.name AS product FROM feedback f
          LEFT JOIN products p ON p.id = f.product_id WHERE f.customer_id = ? {after}`,
    atCol: 'f.occurred_at',
    idCol: 'f.id',
  },
  { type: 'note', sql: `SELECT id, created_at AS at, body FROM notes WHERE customer_id = ? {after}`, atCol: 'created_at', idCol: 'id' },
  {
    type: 'task',
    sql: `SELECT id, created_at AS at, title, due_at AS dueAt, done_at AS doneAt FROM tasks WHERE customer_id = ? {after}`,
    atCol: 'created_at',
    idCol: 'id',
  },
];

/** The condition "comes after the cursor in timeline order" for one source. */
function after(source: Source, cursor: TimelineCursor | undefined): { sql: string; params: number[] } {
  if (!cursor) return { sql: '', params: [] };
  const mine = RANK[source.type];
  const theirs = RANK[cursor.type];
  if (mine < theirs) return { sql: `AND ${source.atCol} <= ?`, params: [cursor.at] };
  if (mine > theirs) return { sql: `AND ${source.atCol} < ?`, params: [cursor.at] };
  return { sql: `AND (${source.atCol} < ? OR (${source.atCol} = ? AND ${source.idCol} < ?))`, params: [cursor.at, cursor.at, cursor.id] };
}

export function customerTimeline(sqlite: Database.Database, customerId: number, cursor: TimelineCursor | undefined, limit: number) {
  const items: TimelineItem[] = [];
  for (const source of SOURCES) {
    const cond = after(source, cursor);
    const rows = sqlite
      .prepare(`${source.sql.replace('{after}', cond.sql)} ORDER BY ${source.atCol} DESC, ${source.idCol} DESC LIMIT ?`)
      .all(customerId, ...cond.params, limit) as Record<string, unknown>[];
    for (const row of rows) items.push({ type: source.type, ...row } as TimelineItem);
  }
  items.sort((a, b) => b.at - a.at || RANK[b.type] - RANK[a.type] || b.id - a.id);
  const shown = items.slice(0, limit);
  const page = shown.map(complete(sqlite, shown));
  const last = page.at(-1);
  const nextCursor: TimelineCursor | null = items.length > limit && last ? { at: last.at, type: last.type, id: last.id } : null;
  return { items: page, nextCursor };
}

/** Adds what the list query leaves out: an order's lines, booleans as booleans, the sentiment shown (one query per page). */
function complete(sqlite: Database.Database, page: TimelineItem[]) {
  const lines = sqlite.prepare('SELECT product_name AS name, quantity FROM order_items WHERE order_id = ? ORDER BY id');
  const idsOf = (type: TimelineType) => page.filter((i) => i.type === type).map((i) => i.id);
  const { byInteraction, byFeedback } = shownSentiments(sqlite, idsOf('interaction'), idsOf('feedback'));
  return (item: TimelineItem): TimelineItem => {
    if (item.type === 'order') return { ...item, items: lines.all(item.id) as { name: string; quantity: number }[] };
    if (item.type === 'interaction') return { ...item, handled: Boolean(item.handled), sentiment: byInteraction.get(item.id) ?? null };
    if (item.type === 'feedback') return { ...item, sentiment: byFeedback.get(item.id) ?? null };
    return item;
  };
}
