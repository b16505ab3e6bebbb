// Restoring a backup: the file is checked on its own read-only connection first (it opens with the
// given passphrase, SQLite's integrity check passes, and every migration it ran is one this build
// knows), and only then does anything move. The restored copy is re-keyed to the CURRENT
// database's passphrase (so the lock and unlock keep working with the passphrase the person
// knows; a plain current database gets a plain copy), the current database is moved aside to
// patron.sqlite.before-restore (kept until the next restore), and the copy is moved in and opened
// (older backups are migrated). If it does not open, the current database is put back.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { fsyncFile } from '../db/durable';
import { join } from 'node:path';
import { applyKey, isEncryptedFile, rekey } from '../db/cipher';
import { loadMigrations, type Migration } from '../db/migrate';
import { openDatabase } from '../db/open';
import { AppError } from '../errors';
import { recordAudit } from './audit-log';

export interface BackupCheck {
  file: string;
  customers: number;
  orders: number;
  /** The newest change the backup holds (ms), or its file time when it records none. */
  lastChange: number;
  encrypted: boolean;
  /** The last migration it ran. */
  schemaVersion: string | null;
  /** Older than this build: it is migrated when restored. */
  needsMigration: boolean;
}

export interface CheckOptions {
  passphrase?: string | null;
  /** resources/ of the app (its migrations say which schemas this build knows). */
  resourcesDir: string;
  nativeBinding?: string;
}

/** Where a restore works: the host (closes the core, runs the work, reopens it), or the CLI's stand-in. */
export interface RestoreTarget {
  readonly dbFile: string;
  replace<T>(work: (dbFile: string) => Promise<T> | T, nextPassphrase: string | undefined): Promise<T>;
}

export interface RestoreResult extends BackupCheck {
  /** The previous database, kept until the next restore. */
  previous: string;
}

export const beforeRestoreFile = (dbFile: string) => `${dbFile}.before-restore`;

const PAGE = 512;

export function checkBackup(file: string, { passphrase, resourcesDir, nativeBinding }: CheckOptions): BackupCheck {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new AppError('backup_invalid', `There is no backup file at ${file}.`, 'file', { file, reason: 'missing' });
  }
  // A SQLite database is a whole number of pages (at least 512 bytes each): anything else is not
  // one, or was cut short. This tells random bytes from an encrypted file before asking for a key.
  if (size < PAGE || size % PAGE !== 0) {
    throw new AppError('backup_invalid', `${file} is not a SQLite database, or it was cut short (${size} bytes).`, 'file', { file, reason: 'not_database' });
  }
  const encrypted = isEncryptedFile(file);
  if (encrypted && !passphrase) throw new AppError('passphrase_required', `The backup ${file} is encrypted: its passphrase is needed.`, 'passphrase');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new AppError('backup_invalid', `${file} cannot be opened: ${(err as Error).message}`, 'file', { file, reason: 'not_database' });
  }
  try {
    try {
      if (encrypted) applyKey(db, passphrase!);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if (encrypted && (err as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError('wrong_passphrase', `The passphrase does not open the backup ${file}. Nothing was changed.`, 'passphrase');
      }
      throw new AppError('backup_invalid', `${file} is not a database: ${(err as Error).message}`, 'file', { file, reason: 'not_database' });
    }
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (err) {
      integrity = (err as Error).message;
    }
    if (integrity !== 'ok') {
      throw new AppError('backup_invalid', `${file} is damaged (integrity check: ${String(integrity)}).`, 'file', { file, reason: 'damaged' });
    }
    const has = (table: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
    if (!has('schema_migrations') || !has('customers')) {
      throw new AppError('backup_invalid', `${file} is a database, but not a Patron backup.`, 'file', { file, reason: 'not_patron' });
    }
    const applied = db.prepare('SELECT idx, tag, hash FROM schema_migrations ORDER BY idx').all() as { idx: number; tag: string; hash: string }[];
    const known = loadMigrations(join(resourcesDir, 'migrations'));
    checkMigrations(file, applied, known);
    const count = (table: string) => (has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
    return {
      file,
      customers: count('customers'),
      orders: count('orders'),
      lastChange: lastChange(db, has) ?? statSync(file).mtimeMs,
      encrypted,
      schemaVersion: applied.at(-1)?.tag ?? null,
      needsMigration: applied.length < known.length,
    };
  } finally {
    db.close();
  }
}

/** The applied list must be a prefix of the known one, as migrate.ts requires to open it later. */
function checkMigrations(file: string, applied: { idx: number; tag: string; hash: string }[], known: Migration[]): void {
  applied.forEach((row, i) => {
    if (row.idx !== i || known[i]?.tag !== row.tag) {
      throw new AppError('backup_newer_schema', `The backup ${file} was made by a newer Patron: it has migration "${row.tag}", which this version does not know.`, 'file', {
        tag: row.tag,
      });
    }
    if (known[i].hash !== row.hash) {
      throw new AppError('backup_invalid', `The backup ${file} was made by a different build of Patron (migration "${row.tag}" differs).`, 'file', { file, reason: 'not_patron' });
    }
  });
}

function lastChange(db: Database.Database, has: (t: string) => boolean): number | null {
  const parts = ['SELECT max(coalesce(updated_at, created_at)) AS at FROM customers'];
  if (has('audit_log')) parts.push('SELECT max(at) FROM audit_log');
  if (has('orders')) parts.push('SELECT max(created_at) FROM orders');
  try {
    const row = db.prepare(`SELECT max(at) AS at FROM (${parts.join(' UNION ALL ')})`).get() as { at: number | null };
    return row.at;
  } catch {
    return null;
  }
}

/**
 * Checks the backup, then replaces the target's database with it. Nothing moves when the check
 * fails. `currentPassphrase`: the open database's (null when plain); the restored data gets it.
 */
export async function restoreFrom(
  target: RestoreTarget,
  file: string,
  { passphrase, currentPassphrase, resourcesDir, nativeBinding }: CheckOptions & { currentPassphrase: string | null },
): Promise<RestoreResult> {
  const check = checkBackup(file, { passphrase, resourcesDir, nativeBinding });
  const migrationsFolder = join(resourcesDir, 'migrations');
  return target.replace((dbFile) => {
    const restoring = `${dbFile}.restoring`;
    const previous = beforeRestoreFile(dbFile);
    removeDb(restoring);
    copyFileSync(file, restoring);
    try {
      const copy = new Database(restoring, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      try {
        if (check.encrypted) applyKey(copy, passphrase!);
        // Rekeying is refused in WAL mode; the live database returns to WAL when it opens.
        copy.pragma('journal_mode = DELETE');
        const backupKey = check.encrypted ? passphrase! : null;
        if (backupKey !== currentPassphrase) rekey(copy, currentPassphrase);
      } finally {
        copy.close();
      }
      fsyncFile(restoring);
    } catch (err) {
      removeDb(restoring);
      throw new AppError('restore_failed', `The backup could not be prepared: ${(err as Error).message}. Nothing was replaced.`, undefined, { reason: (err as Error).message });
    }
    // The previous restore's copy goes now: only the newest "before" is kept.
    removeDb(previous);
    moveDb(dbFile, previous);
    renameSync(restoring, dbFile);
    try {
      // Opened as the app will open it: the key, then migrations for an older backup. The log
      // there goes on from the backup's, and says a restore happened.
      const opened = openDatabase({ file: dbFile, migrationsFolder, nativeBinding, passphrase: currentPassphrase ?? undefined });
      try {
        recordAudit(opened.sqlite, {
          action: 'restore',
          recordType: 'database',
          detail: { file, customers: check.customers, schemaVersion: check.schemaVersion, previous },
        });
      } finally {
        opened.close();
      }
    } catch (err) {
      removeDb(dbFile);
      moveDb(previous, dbFile);
      throw new AppError('restore_failed', `The restored database did not open: ${(err as Error).message}. The previous data was put back.`, undefined, {
        reason: (err as Error).message,
      });
    }
    return { ...check, previous };
  }, currentPassphrase ?? undefined);
}

const SIDE = ['-wal', '-shm', '-journal'];

/** Moves a database with its -wal (its last commits may live there) and -shm. */
function moveDb(from: string, to: string): void {
  if (!existsSync(from)) return;
  renameSync(from, to);
  for (const s of SIDE) if (existsSync(from + s)) renameSync(from + s, to + s);
}

function removeDb(file: string): void {
  for (const f of [file, ...SIDE.map((s) => file + s)]) rmSync(f, { force: true });
}

