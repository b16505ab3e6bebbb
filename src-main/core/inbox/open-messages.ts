// The messages the inbox ranks, with what their urgency reads of the database: the shown sentiment
// (the model's where there is one, else the analyzer's: sentiment/store.ts SHOWN), the customer's
// segment and predictions. The open ones are read once per state of the database and kept until
// anything is written, so changing a filter or coming back to the page does not read them again.
import type Database from 'better-sqlite3';
import type { Channel } from '../../shared/records';
import type { SentimentLabel } from '../../shared/sentiment';
import type { SegmentCode } from '../../shared/segments';
import { SHOWN } from '../sentiment/store';

export interface MessageRow {
  id: number;
  customerId: number;
  channel: Channel;
  language: string | null;
  subject: string | null;
  body: string;
  at: number;
  handled: number;
  handledAt: number | null;
  label: SentimentLabel | null;
  score: number | null;
  /** JSON AspectMention[] of the shown sentiment. */
  aspects: string | null;
  segment: SegmentCode | null;
  churnRisk: number | null;
  clvCents: number | null;
}

/**
 * Each join is one lookup by primary key or unique index. The customer's name is not read here:
 * the list reads it for the messages it shows only (on 5,000 open messages that join was a third
 * of the query).
 */
const SELECT = `SELECT i.id, i.customer_id, i.channel, i.language, i.subject, i.body, i.occurred_at, i.handled, i.handled_at,
    s.label, s.score, s.aspects, seg.segment, p.churn_risk, p.clv_cents
  FROM interactions i
  LEFT JOIN sentiments s ON s.interaction_id = i.id AND ${SHOWN}
  LEFT JOIN customer_segments seg ON seg.customer_id = i.customer_id
  LEFT JOIN customer_predictions p ON p.customer_id = i.customer_id`;

/** Every open inbound message, through interactions_open_idx (exported for the query-plan test). */
export const OPEN_MESSAGES = `${SELECT} WHERE i.direction = 'inbound' AND i.handled = 0`;

/**
 * The columns of SELECT in order. Read as arrays: better-sqlite3 builds a keyed object per row
 * with far more work than this literal does.
 */
function toRow(v: unknown[]): MessageRow {
  const [id, customerId, channel, language, subject, body, at, handled, handledAt, label, score, aspects, segment, churnRisk, clvCents] = v;
  return { id, customerId, channel, language, subject, body, at, handled, handledAt, label, score, aspects, segment, churnRisk, clvCents } as MessageRow;
}

export function messageRow(sqlite: Database.Database, id: number): MessageRow | undefined {
  const raw = sqlite.prepare(`${SELECT} WHERE i.id = ?`).raw().get(id) as unknown[] | undefined;
  return raw && toRow(raw);
}

/**
 * Which state of the database a read saw: data_version moves when another connection commits,
 * total_changes() with every row this connection inserts, updates or deletes (a rolled-back write
 * moves it too, which only costs a read).
 */
function stateOf(sqlite: Database.Database): string {
  return `${sqlite.pragma('data_version', { simple: true }) as number}:${sqlite.prepare('SELECT total_changes()').pluck().get() as number}`;
}

const kept = new WeakMap<Database.Database, { state: string; rows: MessageRow[] }>();

/** The open messages (callers must not change the rows: they are kept for the next call). */
export function openMessages(sqlite: Database.Database): MessageRow[] {
  const read = () => (sqlite.prepare(OPEN_MESSAGES).raw().all() as unknown[][]).map(toRow);
  // Inside a transaction (an import holds one open while it streams) what is read may yet be
  // rolled back, which moves neither counter: such a read is not kept.
  if (sqlite.inTransaction) return read();
  const state = stateOf(sqlite);
  const hit = kept.get(sqlite);
  if (hit?.state === state) return hit.rows;
  const rows = read();
  kept.set(sqlite, { state, rows });
  return rows;
}
