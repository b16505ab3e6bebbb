// Bulk-load settings for one import transaction. A big file loaded into small tables goes much
// faster when the secondary indexes are built once at the end (a sort) instead of updated row by
// row (random B-tree writes): for each table the import will at least double, its non-unique
// indexes that the import does not look rows up by are dropped inside the transaction and
// recreated from their own SQL before it commits. A rollback (cancel, error, dry run) or a killed
// process brings them back untouched with everything else. When the tables are big and keep
// their indexes, a larger page cache for the duration keeps more of those indexes in memory.
import type Database from 'better-sqlite3';

/** Indexes the import looks rows up by, which must stay. Unique indexes always stay. */
const LOOKUP_INDEXES = new Set(['interactions_customer_time_idx', 'feedback_customer_time_idx', 'notes_customer_time_idx']);
/**
 * Customers are looked up by these only when their keys do not fit in memory (dedupe.ts): with
 * the keys in memory they are dropped too, and come back at once if the keys stop fitting.
 */
const KEY_INDEXES = new Set(['customers_email_norm_idx', 'customers_phone_norm_idx']);
const CACHE_KIB = 64 * 1024;
/** The page cache while tables that keep no big index are filled (see below). */
const APPEND_CACHE_KIB = 2048;
/** The page cache while indexes are built: the size of SQLite's sort runs (see restoreIndexes). */
const SORT_CACHE_KIB = 1024;

export interface BulkLoad {
  /** The import looks customers' email and phone keys up in memory (their indexes may be dropped). */
  readonly keysInMemory: boolean;
  /** Recreates the dropped indexes (of `tables`, or all), before anything queries by them. */
  restoreIndexes(tables?: string[]): void;
  /** Puts the page cache back as it was. */
  done(): void;
}

/**
 * `rowsPerFileRow`: about how many rows each table gains per row of the file. `keysInMemory`: the
 * import looks customers' email and phone keys up in memory, not in the database.
 */
export function startBulkLoad(sqlite: Database.Database, rowsPerFileRow: Record<string, number>, estimatedRows: number, keysInMemory = false): BulkLoad {
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  const dropped: { table: string; sql: string }[] = [];
  let bigTables = false;
  for (const [table, perRow] of Object.entries(rowsPerFileRow)) {
    const rows = sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    if (estimatedRows * perRow < Math.max(rows, 10_000)) {
      bigTables ||= rows > 100_000;
      continue;
    }
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(table) as { name: string; sql: string }[];
    for (const ix of indexes) {
      if (LOOKUP_INDEXES.has(ix.name) || (!keysInMemory && KEY_INDEXES.has(ix.name)) || /^\s*CREATE\s+UNIQUE/i.test(ix.sql)) continue;
      sqlite.exec(`DROP INDEX "${ix.name}"`);
      dropped.push({ table, sql: ix.sql });
    }
  }
  // Indexes kept on big tables are updated in place, all over their B-trees: keep more of them in memory.
  if (bigTables && cacheBefore < 0 && -cacheBefore < CACHE_KIB) sqlite.pragma(`cache_size = -${CACHE_KIB}`);
  // Tables filled mostly by appends need no big cache: the one the connection keeps for the
  // dashboard (64 MiB, db/open.ts) would only hold the import's written pages until it spills.
  // A 1,000,000-line import peaked at 320-326 MB RSS at 2 MiB instead of 370-388 MB, no slower.
  else if (!bigTables && dropped.length && (cacheBefore > 0 || -cacheBefore > APPEND_CACHE_KIB)) sqlite.pragma(`cache_size = -${APPEND_CACHE_KIB}`);
  return {
    keysInMemory,
    restoreIndexes(tables) {
      // Building an index is a sort, which SQLite does in runs as big as the page cache, then
      // merges. Runs of 1 MB sort within the CPU's caches, several at once on a second thread;
      // one run of 16 MB is a single pass of pointer-chasing through memory. The index builds at
      // the end of a 1,000,000-line import took 1.0 s this way instead of 1.55 s.
      const threads = sqlite.pragma('threads', { simple: true }) as number;
      const cache = sqlite.pragma('cache_size', { simple: true }) as number;
      sqlite.pragma('threads = 2');
      sqlite.pragma(`cache_size = -${SORT_CACHE_KIB}`);
      try {
        for (let i = 0; i < dropped.length; ) {
          if (tables && !tables.includes(dropped[i].table)) i++;
          else sqlite.exec(dropped.splice(i, 1)[0].sql);
        }
      } finally {
        sqlite.pragma(`threads = ${threads}`);
        sqlite.pragma(`cache_size = ${cache}`);
      }
    },
    done() {
      sqlite.pragma(`cache_size = ${cacheBefore}`);
    },
  };
}
