// What an open complaint is, for the inbox's order and for the draft that answers a message alike:
// a complaint (feedback of kind 'complaint') the shop has not written to the customer since (no
// outbound message after it), made at most OPEN_COMPLAINT_DAYS before the message or any time
// after it. Older ones are history: the customer has likely moved on or been answered elsewhere.
import type Database from 'better-sqlite3';

export const OPEN_COMPLAINT_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whether feedback row `f` is a complaint the shop has not written to its customer since. */
const UNANSWERED = `f.kind = 'complaint'
  AND NOT EXISTS (SELECT 1 FROM interactions o WHERE o.customer_id = f.customer_id AND o.direction = 'outbound' AND o.occurred_at > f.occurred_at)`;

/** The earliest a complaint may be made and still be open for a message of `messageAt`. */
export const openSince = (messageAt: number): number => messageAt - OPEN_COMPLAINT_DAYS * DAY_MS;

/**
 * Per customer, when their newest unanswered complaint made since `since` was made. One read for
 * the whole inbox (through feedback_time_idx). The newest is enough: when any complaint is
 * unanswered, so is every later one, so a message has an open complaint exactly when this time
 * is at or after openSince(its time).
 */
export function newestUnansweredComplaints(sqlite: Database.Database, since: number, customerId?: number): Map<number, number> {
  const one = customerId === undefined ? '' : 'AND f.customer_id = @customerId';
  const rows = sqlite
    .prepare(`SELECT f.customer_id, max(f.occurred_at) FROM feedback f WHERE f.occurred_at >= @since ${one} AND ${UNANSWERED} GROUP BY f.customer_id`)
    .raw()
    .all({ since, ...(customerId === undefined ? {} : { customerId }) }) as [number, number][];
  return new Map(rows);
}

/** Whether a message of `messageAt` has an open complaint, from its customer's newest unanswered one. */
export const hasOpenComplaint = (newestUnanswered: number | undefined, messageAt: number): boolean =>
  newestUnanswered !== undefined && newestUnanswered >= openSince(messageAt);

/** One customer's open complaints for a message of `messageAt`, with what they said, newest first. */
export function openComplaints(sqlite: Database.Database, customerId: number, messageAt: number, limit: number): { id: number; text: string; at: number }[] {
  return sqlite
    .prepare(
      `SELECT f.id, f.body AS text, f.occurred_at AS at FROM feedback f
       WHERE f.customer_id = ? AND f.occurred_at >= ? AND f.body IS NOT NULL AND ${UNANSWERED}
       ORDER BY f.occurred_at DESC, f.id DESC LIMIT ?`,
    )
    .all(customerId, openSince(messageAt), limit) as { id: number; text: string; at: number }[];
}
