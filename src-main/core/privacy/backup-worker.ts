// Worker-thread entry: takes one backup on its own read connection, so the core's thread (and its
// writes) go on while the copy is made. Why not SQLite's online backup API (better-sqlite3's
// `.backup()`)? With SQLite3 Multiple Ciphers it refuses an encrypted source ("backup is not
// supported with incompatible source and target databases"). `VACUUM INTO` on a connection keyed
// with the database's passphrase writes a consistent snapshot, encrypted with the same key; in WAL
// mode it is one read transaction, so the app's writes continue beside it (measured here).
import Database from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { fsyncDir, fsyncFile } from '../db/durable';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey, rekey } from '../db/cipher';

export interface BackupWorkerData {
  /** The live database (patron.sqlite). */
  source: string;
  /** Where the finished backup goes; written first to `${dest}.partial` beside it. */
  dest: string;
  /** The live database's passphrase, or null when it is plain. */
  sourcePassphrase: string | null;
  /** The backup's passphrase, or null for a plain backup. */
  targetPassphrase: string | null;
  nativeBinding?: string;
}

export type FromBackupWorker =
  | { ok: true; bytes: number; customers: number; schemaVersion: string | null }
  | { ok: false; code: string | undefined; message: string };

const open = (file: string, pass: string | null, readonly: boolean, nativeBinding?: string) => {
  const db = new Database(file, { readonly, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  if (pass !== null) applyKey(db, pass);
  return db;
};

export function takeBackup({ source, dest, sourcePassphrase, targetPassphrase, nativeBinding }: BackupWorkerData) {
  const temp = `${dest}.partial`;
  rmSync(temp, { force: true });
  try {
    const src = open(source, sourcePassphrase, true, nativeBinding);
    try {
      src.pragma('busy_timeout = 5000');
      // The path is a bound value, not SQL text: any characters in it are safe.
      src.prepare('VACUUM INTO ?').run(temp);
    } finally {
      src.close();
    }
    // The copy carries the source's key. Rekeying is refused in WAL mode, so the copy is set to a
    // rollback journal first (a backup file is one file: no -wal beside it either way).
    const copy = open(temp, sourcePassphrase, false, nativeBinding);
    try {
      copy.pragma('journal_mode = DELETE');
      // The snapshot holds the backup job writing it, as running: once restored, the app would
      // resume it and write this file again. In the copy, the running one (one at a time: the
      // write lane) is done, as it is once this file exists; any queued behind it never ran.
      const now = Date.now();
      copy.prepare(`UPDATE jobs SET status = 'done', finished_at = ? WHERE kind = 'backup.run' AND status = 'running'`).run(now);
      copy.prepare(`UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE kind = 'backup.run' AND status = 'queued'`).run(now);
      if (targetPassphrase !== sourcePassphrase) rekey(copy, targetPassphrase);
    } finally {
      copy.close();
    }
    // Checked as it will be restored: opened with the intended key alone.
    const check = open(temp, targetPassphrase, true, nativeBinding);
    let customers: number;
    let schemaVersion: string | null;
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`The new backup did not pass its integrity check: ${String(integrity)}`);
      customers = (check.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
      const last = check.prepare('SELECT tag FROM schema_migrations ORDER BY idx DESC LIMIT 1').get() as { tag: string } | undefined;
      schemaVersion = last?.tag ?? null;
    } finally {
      check.close();
    }
    fsyncFile(temp);
    renameSync(temp, dest);
    fsyncDir(dirname(dest));
    const bytes = statSync(dest).size;
    return { customers, schemaVersion, bytes };
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

if (parentPort && workerData) {
  const port = parentPort;
  try {
    const r = takeBackup(workerData as BackupWorkerData);
    port.postMessage({ ok: true, ...r } satisfies FromBackupWorker);
  } catch (err) {
    port.postMessage({ ok: false, code: (err as { code?: string }).code, message: err instanceof Error ? err.message : String(err) } satisfies FromBackupWorker);
  }
}
