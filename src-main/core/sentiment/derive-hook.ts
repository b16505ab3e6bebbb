// Keeps the analyzer's result (source 'lexicon') true for every inbound message and every review
// with a body, inside the write's transaction: typed, imported and sample records alike. A deleted
// record's rows go by the foreign keys' cascade. The model's rows are written by its job
// (model-job.ts); an edit that changes what the analyzer says drops the model's now-stale answer.
import type Database from 'better-sqlite3';
import type { RecordType } from '../../shared/change-kinds';
import type { Sentiment } from '../../shared/sentiment';
import type { BulkScope } from '../derived/bulk-scope';
import type { DerivedHook } from '../derived/hooks';
import { ANALYZER_VERSION, analyzeSentiment } from './analyzer';
import { recordText } from './analysed';
import { deleteRows, KIND_SQL, SentimentWriter, type RecordKind, type RecordRow } from './store';

const NAME = 'sentiment';
/** Records read per query of a sweep (the connection cannot insert while a SELECT is being read). */
const PAGE = 500;
/** How long one turn of work ahead may take while an import waits for its reader. */
const AHEAD_MS = 20;
/**
 * A bulk write that adds more records of a kind than this leaves their analysis to the
 * re-analysis job, started as soon as the write commits (core.ts): analysing a million messages
 * inside the import would hold the import's transaction (and the person) half a minute longer,
 * while the job does it afterwards with progress and cancel. Smaller writes, typed messages and
 * the sample shop are analysed in their own transaction.
 */
export const INLINE_MAX = 20_000;

/** Databases where a bulk write left its records to the job (read and cleared by takeDeferred). */
const deferred = new WeakSet<Database.Database>();

/** Whether a bulk write since the last call left records to analyse; clears the mark. */
export function takeDeferred(sqlite: Database.Database): boolean {
  const was = deferred.has(sqlite);
  deferred.delete(sqlite);
  return was;
}

const isDeferred = (bulk: BulkScope, kind: RecordKind) => bulk.maxId(kind) - bulk.addedAfter(kind) > INLINE_MAX;

const isKind = (t: RecordType): t is RecordKind => t === 'interaction' || t === 'feedback';
const progressKey = (kind: RecordKind) => `${NAME}:${kind}`;

const pages = new WeakMap<Database.Database, Map<RecordKind, Database.Statement>>();
function pageOf(sqlite: Database.Database, kind: RecordKind): Database.Statement {
  let byKind = pages.get(sqlite);
  if (!byKind) pages.set(sqlite, (byKind = new Map()));
  let s = byKind.get(kind);
  if (!s) {
    const k = KIND_SQL[kind];
    s = sqlite.prepare(`SELECT ${k.columns} FROM ${k.table} r WHERE ${k.analysed} AND r.id > ? AND r.id <= ? ORDER BY r.id LIMIT ${PAGE}`).raw();
    byKind.set(kind, s);
  }
  return s;
}

/**
 * Analyses the records of `kind` with ids in (afterId, upToId], until done or past `deadline`
 * (performance.now()); returns the id it got up to. A record with an analysis in `offers` (made
 * while an import checked it) takes that one instead of being analysed again.
 */
function analyseRange(sqlite: Database.Database, kind: RecordKind, afterId: number, upToId: number, deadline = Infinity, offers?: Map<string, Sentiment>): number {
  const page = pageOf(sqlite, kind);
  const writer = new SentimentWriter(sqlite);
  let at = afterId;
  while (at < upToId) {
    const rows = page.all(at, upToId) as RecordRow[];
    for (const [id, customerId, subject, body, occurredAt] of rows) {
      const key = offerKey(kind, id);
      const offered = offers?.get(key);
      if (offered) offers?.delete(key);
      writer.add({ kind, recordId: id, customerId, occurredAt, source: 'lexicon', version: ANALYZER_VERSION, sentiment: offered ?? analyzeSentiment(recordText(subject, body)) });
    }
    at = rows.length < PAGE ? upToId : rows[rows.length - 1][0];
    if (performance.now() > deadline) break;
  }
  writer.flush();
  return at;
}

/**
 * Brings one record's rows up to date after it was written: analysed anew, or its rows removed
 * when it is no longer analysed (an empty review). The model's row goes when the analyzer's
 * answer changed at the same version, i.e. the text changed; marking a message handled keeps it.
 */
export function refreshRecord(sqlite: Database.Database, kind: RecordKind, id: number): void {
  const k = KIND_SQL[kind];
  const row = sqlite.prepare(`SELECT ${k.columns} FROM ${k.table} r WHERE r.id = ? AND ${k.analysed}`).raw().get(id) as RecordRow | undefined;
  if (!row) return deleteRows(sqlite, kind, id);
  const [, customerId, subject, body, occurredAt] = row;
  const now = analyzeSentiment(recordText(subject, body));
  const old = sqlite.prepare(`SELECT label, score, aspects, words, version FROM sentiments WHERE ${k.fk} = ? AND source = 'lexicon'`).get(id) as
    | { label: string; score: number; aspects: string; words: string; version: string }
    | undefined;
  const sameVersion = old?.version === ANALYZER_VERSION;
  const same = sameVersion && old.label === now.label && old.score === now.score && old.aspects === JSON.stringify(now.aspects) && old.words === JSON.stringify(now.words);
  if (!same) {
    deleteRows(sqlite, kind, id, 'lexicon');
    if (!old || sameVersion) deleteRows(sqlite, kind, id, 'model');
    const writer = new SentimentWriter(sqlite);
    writer.add({ kind, recordId: id, customerId, occurredAt, source: 'lexicon', version: ANALYZER_VERSION, sentiment: now });
    writer.flush();
  }
  // A kept model row follows the record's customer and time.
  sqlite.prepare(`UPDATE sentiments SET customer_id = ?, occurred_at = ? WHERE ${k.fk} = ? AND (customer_id <> ? OR occurred_at <> ?)`).run(customerId, occurredAt, id, customerId, occurredAt);
}

/** Analyses an import made while checking its rows, per bulk write, until a sweep stores them. */
const offered = new WeakMap<BulkScope, Map<string, Sentiment>>();
const offerKey = (kind: RecordKind, id: number) => `${kind}:${id}`;

/**
 * Hands over the analysis of a record the import just wrote, made by the same analyzer in the
 * import's checking thread when that had time to spare (import/check-worker.ts): the sweeps of
 * this hook store it instead of analysing the record again. A bulk write past INLINE_MAX leaves
 * its records to the re-analysis job, so nothing is kept for it (memory stays bounded).
 */
export function offerAnalysis(bulk: BulkScope, kind: RecordKind, recordId: number, sentiment: Sentiment): void {
  if (recordId - bulk.addedAfter(kind) > INLINE_MAX) return void offered.delete(bulk);
  let offers = offered.get(bulk);
  if (!offers) offered.set(bulk, (offers = new Map()));
  offers.set(offerKey(kind, recordId), sentiment);
}

function catchUp(sqlite: Database.Database, bulk: BulkScope, kind: RecordKind, deadline?: number): void {
  const from = bulk.progress.get(progressKey(kind)) ?? bulk.addedAfter(kind);
  const upTo = bulk.maxId(kind);
  if (upTo <= from) return;
  bulk.progress.set(progressKey(kind), analyseRange(sqlite, kind, from, upTo, deadline, offered.get(bulk)));
}

export const sentimentRows: DerivedHook = {
  name: NAME,
  follows: ['interaction', 'feedback'],
  afterWrite(sqlite, w) {
    if (w.op === 'delete' || !isKind(w.type)) return;
    for (const id of w.ids) refreshRecord(sqlite, w.type, id);
  },
  ahead(sqlite, bulk) {
    const deadline = performance.now() + AHEAD_MS;
    for (const kind of ['interaction', 'feedback'] as const) {
      if (performance.now() < deadline && !isDeferred(bulk, kind)) catchUp(sqlite, bulk, kind, deadline);
    }
  },
  afterBulk(sqlite, bulk) {
    for (const kind of ['interaction', 'feedback'] as const) {
      if (isDeferred(bulk, kind)) deferred.add(sqlite);
      else catchUp(sqlite, bulk, kind);
      // Records from before the bulk write that it changed.
      for (const id of bulk.changedOf(kind)) if (id <= bulk.addedAfter(kind)) refreshRecord(sqlite, kind, id);
    }
  },
};
