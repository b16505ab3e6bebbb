// Stored sentiment: which records are analysed, their text, and the one way rows are written.
// Analysed are inbound messages (subject and body) and reviews with a body; outbound messages
// are the shop's own words. Rows are written through multi-row INSERTs with ids given here, so
// a bulk sweep can add each result's aspect rows without reading its id back.
import type Database from 'better-sqlite3';
import type { AspectMention, Sentiment, SentimentSource, StoredSentiment } from '../../shared/sentiment';
import { BatchedInsert } from '../db/batched-insert';

export const RECORD_KINDS = ['interaction', 'feedback'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

interface KindSql {
  /** The record table. */
  table: string;
  /** The sentiments column that points at it. */
  fk: 'interaction_id' | 'feedback_id';
  /** Which of its rows are analysed, as a condition on alias `r`. */
  analysed: string;
  /** Columns id, customerId, subject, body, occurredAt of alias `r`. */
  columns: string;
}

/** The rule of analysed.ts as SQL (keep the two alike). */
export const KIND_SQL: Record<RecordKind, KindSql> = {
  interaction: {
    table: 'interactions',
    fk: 'interaction_id',
    analysed: "r.direction = 'inbound'",
    columns: 'r.id, r.customer_id, r.subject, r.body, r.occurred_at',
  },
  feedback: {
    table: 'feedback',
    fk: 'feedback_id',
    analysed: "r.body IS NOT NULL AND trim(r.body) <> ''",
    columns: 'r.id, r.customer_id, NULL, r.body, r.occurred_at',
  },
};

/** A record as the analyzer reads it: [id, customerId, subject, body, occurredAt] (raw rows, for speed). */
export type RecordRow = [number, number, string | null, string, number];


export interface NewRow {
  kind: RecordKind;
  recordId: number;
  customerId: number;
  occurredAt: number;
  source: SentimentSource;
  version: string;
  sentiment: Sentiment;
  reason?: string | null;
}

const COLUMNS = ['id', 'interaction_id', 'feedback_id', 'customer_id', 'source', 'label', 'score', 'aspects', 'words', 'reason', 'version', 'occurred_at', 'analyzed_at'] as const;
const ASPECT_COLUMNS = ['sentiment_id', 'aspect', 'polarity', 'score'] as const;

/** Rows per multi-row INSERT (db/batched-insert.ts says why 16). */
const ROWS_PER_CALL = 16;

/**
 * Writes sentiment rows in one sweep. Open one per sweep inside a transaction (the ids it hands
 * out start above the table's highest), and flush() before anything reads the table. Not kept
 * between sweeps: rows queued by a sweep that threw must not reach the next one.
 */
export class SentimentWriter {
  private readonly rows: BatchedInsert;
  private readonly aspects: BatchedInsert;
  /** Aspect rows whose sentiment row is still queued: the foreign key wants it written first. */
  private readonly waiting: [number, AspectMention][] = [];
  private queued = 0;
  private next: number;
  private readonly now = Date.now();

  constructor(sqlite: Database.Database) {
    this.rows = new BatchedInsert(sqlite, 'sentiments', COLUMNS, ROWS_PER_CALL);
    this.aspects = new BatchedInsert(sqlite, 'sentiment_aspects', ASPECT_COLUMNS, ROWS_PER_CALL);
    this.next = sqlite.prepare('SELECT coalesce(max(id), 0) + 1 FROM sentiments').pluck().get() as number;
  }

  add(r: NewRow): void {
    const id = this.next++;
    const { sentiment: x } = r;
    this.rows.add(
      id,
      r.kind === 'interaction' ? r.recordId : null,
      r.kind === 'feedback' ? r.recordId : null,
      r.customerId,
      r.source,
      x.label,
      x.score,
      JSON.stringify(x.aspects),
      JSON.stringify(x.words),
      r.reason ?? null,
      r.version,
      r.occurredAt,
      this.now,
    );
    for (const a of x.aspects) this.waiting.push([id, a]);
    // The batched insert has just written its queue: the waiting aspects' rows exist now.
    if (++this.queued === ROWS_PER_CALL) this.release();
  }

  flush(): void {
    this.rows.flush();
    this.release();
    this.aspects.flush();
  }

  private release(): void {
    this.queued = 0;
    for (const [id, a] of this.waiting) this.aspects.add(id, a.aspect, a.polarity, a.score);
    this.waiting.length = 0;
  }
}

/** Deletes a record's row of one source (its aspects go by cascade), or of every source. */
export function deleteRows(sqlite: Database.Database, kind: RecordKind, recordId: number, source?: SentimentSource): void {
  const { fk } = KIND_SQL[kind];
  if (source) sqlite.prepare(`DELETE FROM sentiments WHERE ${fk} = ? AND source = ?`).run(recordId, source);
  else sqlite.prepare(`DELETE FROM sentiments WHERE ${fk} = ?`).run(recordId);
}

/** Deletes rows by their own id, prepared once for a sweep (aspects go by cascade). */
export function rowDeleter(sqlite: Database.Database): (sentimentId: number) => void {
  const s = sqlite.prepare('DELETE FROM sentiments WHERE id = ?');
  return (sentimentId) => void s.run(sentimentId);
}

/** A stored row's columns as the queries select them. */
export interface SentimentRow {
  source: SentimentSource;
  label: Sentiment['label'];
  score: number;
  aspects: string;
  words: string;
  reason: string | null;
  version: string;
}

export const ROW_COLUMNS = 's.source, s.label, s.score, s.aspects, s.words, s.reason, s.version';

export function toStored(r: SentimentRow): StoredSentiment {
  return {
    source: r.source,
    label: r.label,
    score: r.score,
    aspects: JSON.parse(r.aspects) as AspectMention[],
    words: JSON.parse(r.words) as string[],
    reason: r.reason,
    version: r.version,
  };
}

/**
 * The condition "s is the row shown for its record": the model's where one exists, else the
 * analyzer's. Each NOT EXISTS is one lookup in a unique index.
 */
export const SHOWN = `(s.source = 'model'
  OR (s.interaction_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sentiments m WHERE m.interaction_id = s.interaction_id AND m.source = 'model'))
  OR (s.feedback_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sentiments m WHERE m.feedback_id = s.feedback_id AND m.source = 'model')))`;
