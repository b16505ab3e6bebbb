// Records whose analyzer row is missing or from another version of the analyzer: what the
// re-analysis job works through and what the dashboard counts as still to analyse.
import type Database from 'better-sqlite3';
import { ANALYZER_VERSION } from './analyzer';
import { KIND_SQL, type RecordKind, type RecordRow } from './store';

/** `SELECT <what>` over the stale records of `kind` with ids above a bound (the first parameter). */
function staleSql(kind: RecordKind, what: string): string {
  const k = KIND_SQL[kind];
  return `SELECT ${what} FROM ${k.table} r LEFT JOIN sentiments s ON s.${k.fk} = r.id AND s.source = 'lexicon'
    WHERE ${k.analysed} AND r.id > ? AND (s.id IS NULL OR s.version <> ?)`;
}

/** How many records of `kind` above `afterId` need the analyzer (again). */
export function countStale(sqlite: Database.Database, kind: RecordKind, afterId = 0): number {
  return sqlite.prepare(staleSql(kind, 'count(*)')).pluck().get(afterId, ANALYZER_VERSION) as number;
}

/** Whether any record needs the analyzer: stops at the first one found. */
export function anyStale(sqlite: Database.Database): boolean {
  return (['interaction', 'feedback'] as const).some((kind) => sqlite.prepare(`${staleSql(kind, '1')} LIMIT 1`).get(0, ANALYZER_VERSION) !== undefined);
}

/** The ids of the next `limit` stale records of `kind` above `afterId`, in id order. */
export function staleIds(sqlite: Database.Database, kind: RecordKind, afterId: number, limit: number): number[] {
  return sqlite.prepare(`${staleSql(kind, 'r.id')} ORDER BY r.id LIMIT ?`).pluck().all(afterId, ANALYZER_VERSION, limit) as number[];
}

/**
 * The stale records of `kind` with ids in (afterId, upToId], as the analyzer reads them, each
 * followed by the id of its outdated analyzer row (null when it has none yet).
 */
export function staleRows(sqlite: Database.Database, kind: RecordKind, afterId: number, upToId: number): [...RecordRow, number | null][] {
  return sqlite.prepare(`${staleSql(kind, `${KIND_SQL[kind].columns}, s.id`)} AND r.id <= ? ORDER BY r.id`).raw().all(afterId, ANALYZER_VERSION, upToId) as [...RecordRow, number | null][];
}
