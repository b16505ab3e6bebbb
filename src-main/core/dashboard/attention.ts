// Customers needing attention: those the latest segments run put in ATTENTION_SEGMENTS (At Risk,
// Can't Lose Them: they used to buy often or much and have stopped), most valuable first.
// Empty until a run exists (segments/ writes customer_segments).
import type Database from 'better-sqlite3';
import { ATTENTION_SEGMENTS, type SegmentCode } from '../../shared/segments';

const IN = `(${ATTENTION_SEGMENTS.map((s) => `'${s}'`).join(', ')})`;

// Read cold, a join from customer_segments to customers costs one random page of the customers
// table per attention customer (20,000 of 100,000 in the sample shop: 0.6 s). Instead the total
// walks customers_spent_idx alone against the set of ids, and the top spenders walk that index from
// the top until `limit` of them are in the segments (tens of probes when many customers are): both
// 35–55 ms with the OS cache dropped. With few attention customers the join is the cheaper one.
const TOTAL = `SELECT count(*) AS customers, coalesce(sum(total_spent_cents), 0) AS spentCents FROM customers INDEXED BY customers_spent_idx
  WHERE total_spent_cents >= 0 AND id IN (SELECT customer_id FROM customer_segments WHERE segment IN ${IN})`;
const COLUMNS = 'c.id, c.name, s.segment, c.total_spent_cents AS totalSpentCents, c.last_order_at AS lastOrderAt, c.order_count AS orderCount';
// Ties go by id, highest first: the index's own order, so no sort is needed.
const TOP_BY_INDEX = `SELECT ${COLUMNS} FROM customers c INDEXED BY customers_spent_idx CROSS JOIN customer_segments s ON s.customer_id = c.id
  WHERE c.total_spent_cents >= 0 AND s.segment IN ${IN} AND c.erased_at IS NULL ORDER BY c.total_spent_cents DESC, c.id DESC LIMIT ?`;
const TOP_BY_JOIN = `SELECT ${COLUMNS} FROM customer_segments s JOIN customers c ON c.id = s.customer_id
  WHERE s.segment IN ${IN} AND c.erased_at IS NULL ORDER BY c.total_spent_cents DESC, c.id DESC LIMIT ?`;
const FEW = 2000;

type Row = { id: number; name: string; segment: SegmentCode; totalSpentCents: number; lastOrderAt: number | null; orderCount: number };

export function attentionOverview(sqlite: Database.Database, input: { limit: number }) {
  const total = sqlite.prepare(TOTAL).get() as { customers: number; spentCents: number };
  const customers = total.customers === 0 ? [] : (sqlite.prepare(total.customers <= FEW ? TOP_BY_JOIN : TOP_BY_INDEX).all(input.limit) as Row[]);
  const hasRun = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM segment_runs)').pluck().get() === 1;
  return { customers, total, hasRun };
}
