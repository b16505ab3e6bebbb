// Customers needing attention: those the latest segments run put in ATTENTION_SEGMENTS (At Risk,
// Can't Lose Them: they used to buy often or much and have stopped), most valuable first.
// Empty until a run exists (segments/ writes customer_segments).
import type Database from 'better-sqlite3';
import { ATTENTION_SEGMENTS, type SegmentCode } from '../../shared/segments';

const IN = `(${ATTENTION_SEGMENTS.map((s) => `'${s}'`).join(', ')})`;

export function attentionOverview(sqlite: Database.Database, input: { limit: number }) {
  const customers = sqlite
    .prepare(
      `SELECT c.id, c.name, s.segment, c.total_spent_cents AS totalSpentCents, c.last_order_at AS lastOrderAt, c.order_count AS orderCount
       FROM customer_segments s JOIN customers c ON c.id = s.customer_id
       WHERE s.segment IN ${IN} ORDER BY c.total_spent_cents DESC, c.id LIMIT ?`,
    )
    .all(input.limit) as { id: number; name: string; segment: SegmentCode; totalSpentCents: number; lastOrderAt: number | null; orderCount: number }[];
  const total = sqlite
    .prepare(`SELECT count(*) AS customers, coalesce(sum(c.total_spent_cents), 0) AS spentCents FROM customer_segments s JOIN customers c ON c.id = s.customer_id WHERE s.segment IN ${IN}`)
    .get() as { customers: number; spentCents: number };
  const hasRun = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM segment_runs)').pluck().get() === 1;
  return { customers, total, hasRun };
}
