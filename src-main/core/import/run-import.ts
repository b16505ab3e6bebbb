// Runs a whole import in ONE transaction: the file is streamed batch by batch (awaiting the
// reader between batches, so progress events and a cancel request get through), each batch's
// rows are checked (in a worker thread for big files) and written synchronously with prepared
// statements, and at the end everything commits at once, or, for a dry run, a cancel or any
// error, rolls back at once. A process killed midway never committed anything, so the database
// is exactly as before.
//
// While the transaction is open, writes other calls make on the same connection join it (and
// would be rolled back with a cancelled import); jobs run one at a time, so only ad-hoc edits made
// during an import can be affected.
import type Database from 'better-sqlite3';
import { DERIVED } from '../derived/hooks';
import { INLINE_MAX, sentimentRows } from '../sentiment/derive-hook';
import { join } from 'node:path';
import { changeBus } from '../changes/bus';
import { recordAudit, suspendAudit } from '../privacy/audit-log';
import { ImportDetails, MERGES_FILE, REJECTS_FILE } from './details';
import { startBulkLoad } from './bulk-load';
import { keysFitInMemory } from './dedupe';
import { Importer, TABLES_BY_KIND, type ImportSummary } from './importer';
import { checkSettings } from './check-row';
import { streamCheckedRows } from './checked-rows';
import type { SourceInfo, SourceLayout } from './read-source';
import { checkMapping, type ImportRequest } from './schemas';

export interface RunControl {
  signal?: AbortSignal;
  /** Rows done and the estimated total; may throw to cancel (the job context's progress does). */
  progress?: (done: number, total: number) => void;
  /** Folder for rejected.csv and merges.csv; none written when absent. */
  detailsDir?: string | null;
  dryRun?: boolean;
  /**
   * Runs inside the transaction just before COMMIT (after ROLLBACK for a dry run), with the rows
   * read: the job records its final count here, so the count commits with the rows or not at all.
   */
  beforeCommit?: (rows: number) => Promise<void>;
  /** Check rows in a worker thread while writing; by default for files of 2 MB and more. */
  checkInWorker?: boolean;
}

export async function runImport(
  sqlite: Database.Database,
  req: ImportRequest,
  layout: SourceLayout & Partial<Pick<SourceInfo, 'estimatedRows'>>,
  ctl: RunControl = {},
): Promise<ImportSummary> {
  checkMapping(req.kind, req.mapping, layout.headers.length);
  const started = performance.now();
  const details = new ImportDetails(layout.headers, req.mapping, ctl.detailsDir ?? null);
  let rows = 0;
  let bytes = 0;
  const estimate = () => (bytes > 0 ? Math.max(rows, Math.round((rows * layout.size) / bytes)) : rows);
  // The importer links rows only to ids it has just read or written in this same transaction, so
  // SQLite's foreign-key lookup on every inserted row (about a tenth of the write time) is off for it.
  // The setting cannot change inside a transaction: off before BEGIN, back after the end.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  // The audit log gets one entry for the whole file (before COMMIT below), not one per row.
  const resumeAudit = suspendAudit(sqlite);
  const estimatedRows = layout.estimatedRows ?? Math.round(layout.size / 100);
  const bulk = startBulkLoad(sqlite, TABLES_BY_KIND[req.kind], estimatedRows, keysFitInMemory(sqlite));
  try {
    const importer = new Importer(sqlite, req, details, undefined, bulk);
    await streamCheckedRows(
      layout,
      // Messages and reviews are analysed while checked when the sentiment hook will store them
      // in the import (a big file leaves them to the re-analysis job).
      checkSettings(req, layout, DERIVED.includes(sentimentRows) && estimatedRows <= INLINE_MAX),
      (line, src, checked) => importer.write(line, src, checked),
      {
        signal: ctl.signal,
        onBytes: (b) => (bytes = b),
        inWorker: ctl.checkInWorker,
        afterBatch: (n) => {
          rows += n;
          ctl.progress?.(rows, estimate());
          ctl.signal?.throwIfAborted();
        },
        whenIdle: () => importer.idle(),
      },
    );
    ctl.signal?.throwIfAborted();
    const counts = importer.finish();
    ctl.signal?.throwIfAborted();
    if (ctl.dryRun) {
      sqlite.exec('ROLLBACK');
      // What the write path recorded for the change bus never happened.
      changeBus(sqlite).discard();
      await ctl.beforeCommit?.(rows);
    } else {
      await ctl.beforeCommit?.(rows);
      ctl.signal?.throwIfAborted();
      recordAudit(sqlite, {
        action: 'import',
        recordType: req.kind,
        detail: {
          file: layout.fileName,
          sheet: layout.sheet ?? null,
          rows: counts.rows,
          accepted: counts.accepted,
          rejected: counts.rejected,
          customers: counts.customers,
          orders: counts.orders.created,
          interactions: counts.interactions,
          feedback: counts.feedback,
        },
      });
      sqlite.exec('COMMIT');
    }
    details.close();
    const seconds = (performance.now() - started) / 1000;
    return {
      kind: req.kind,
      dryRun: !!ctl.dryRun,
      file: layout.fileName,
      sheet: layout.sheet,
      ...counts,
      rejects: details.rejects.sort((a, b) => a.line - b.line),
      merges: details.merges,
      mergeCount: details.mergeCount,
      rejectsFile: ctl.detailsDir && details.rejectCount ? join(ctl.detailsDir, REJECTS_FILE) : null,
      mergesFile: ctl.detailsDir && details.mergeCount ? join(ctl.detailsDir, MERGES_FILE) : null,
      seconds: Math.round(seconds * 1000) / 1000,
      rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows,
    };
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    changeBus(sqlite).discard();
    details.close();
    throw err;
  } finally {
    bulk.done();
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    resumeAudit();
  }
}
