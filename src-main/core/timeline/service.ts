// One customer's history on one timeline: orders, messages, feedback, notes and tasks, newest
// first, paged by time so a customer with years of history loads in slices.
import type Database from 'better-sqlite3';

export type TimelineItem =
  | { type: 'order'; id: number; at: number; orderNo: string; status: string; totalCents: number; currency: string; items: { name: string; quantity: number }[] }
  | { type: 'interaction'; id: number; at: number; channel: string; direction: string; subject: string | null; body: string; handled: boolean }
  | { type: 'feedback'; id: number; at: number; kind: string; rating: number | null; nps: number | null; body: string | null; product: string | null }
  | { type: 'note'; id: number; at: number; body: string }
  | { type: 'task'; id: number; at: number; title: string; dueAt: number | null; doneAt: number | null };

export function customerTimeline(sqlite: Database.Database, customerId: number, before: number | undefined, limit: number) {
  const b = before ?? Number.MAX_SAFE_INTEGER;
  const q = (sql: string) => sqlite.prepare(sql).all(customerId, b, limit) as Record<string, any>[];
  const orders = q(`SELECT id, ordered_at AS at, order_no AS orderNo, status, total_cents AS totalCents, currency
                    FROM orders WHERE customer_id = ? AND ordered_at < ? ORDER BY ordered_at DESC LIMIT ?`);
  const itemStmt = sqlite.prepare('SELECT product_name AS name, quantity FROM order_items WHERE order_id = ? ORDER BY id');
  const items: TimelineItem[] = [
    ...orders.map((o) => ({ type: 'order' as const, ...(o as any), items: itemStmt.all(o.id) as { name: string; quantity: number }[] })),
    ...q(`SELECT id, occurred_at AS at, channel, direction, subject, body, handled FROM interactions
          WHERE customer_id = ? AND occurred_at < ? ORDER BY occurred_at DESC LIMIT ?`).map((r) => ({ type: 'interaction' as const, ...(r as any), handled: Boolean(r.handled) })),
    ...q(`SELECT f.id, f.occurred_at AS at, f.kind, f.rating, f.nps, f.body, p.name AS product FROM feedback f
          LEFT JOIN products p ON p.id = f.product_id WHERE f.customer_id = ? AND f.occurred_at < ? ORDER BY f.occurred_at DESC LIMIT ?`).map((r) => ({ type: 'feedback' as const, ...(r as any) })),
    ...q(`SELECT id, created_at AS at, body FROM notes WHERE customer_id = ? AND created_at < ? ORDER BY created_at DESC LIMIT ?`).map((r) => ({ type: 'note' as const, ...(r as any) })),
    ...q(`SELECT id, created_at AS at, title, due_at AS dueAt, done_at AS doneAt FROM tasks
          WHERE customer_id = ? AND created_at < ? ORDER BY created_at DESC LIMIT ?`).map((r) => ({ type: 'task' as const, ...(r as any) })),
  ];
  items.sort((a, b2) => b2.at - a.at || b2.id - a.id);
  const page = items.slice(0, limit);
  // Each source returned at most `limit` rows before `before`, so the merged first `limit` are exact.
  const nextBefore = page.length === limit ? page[page.length - 1].at : null;
  return { items: page, nextBefore };
}
