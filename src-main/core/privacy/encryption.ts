// Turning encryption on or off and changing the passphrase: the database file is rewritten whole,
// never changed in place, so that a crash (kill -9, power loss) at any moment leaves a
// patron.sqlite that opens with either the old key or the new one.
//
//   1. The source opens with the current key (a wrong one fails here: nothing has been written).
//   2. Its WAL is checkpointed into the file, and VACUUM INTO writes a copy beside it
//      (patron.sqlite.rewrite), keyed as the source (SQLite3MC copies with the same key).
//   3. The copy, in rollback-journal mode (SQLite3MC refuses to rekey in WAL mode), is rekeyed to
//      the new key (or to none), and the audit entry of the rewrite is written into it.
//   4. The copy is checked: it opens with the new key, `PRAGMA integrity_check` says ok, and it has
//      the source's user_version and the same number of rows in every table (one more audit entry).
//   5. It is fsynced and renamed over patron.sqlite (rename is atomic on one file system); a hard
//      link keeps the old file's blocks reachable until they are overwritten with zeros and unlinked.
//
// Until the rename the old file is the database; after it, the new one. cleanUpRewrite() runs at
// every open (the host, the command line) and removes what an interrupted rewrite left.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fstatSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { fsyncDir, fsyncFile } from '../db/durable';
import { dirname } from 'node:path';
import type { AuditAction } from '../../shared/privacy';
import { applyKey, CIPHER, isEncryptedFile, rekey } from '../db/cipher';
import { AppError } from '../errors';
import { recordAudit, registerAuditFunctions } from './audit-log';

/** Shortest passphrase accepted when one is set (the UI and the command line say so). */
export const MIN_PASSPHRASE_LENGTH = 8;

export type RewriteKind = 'encrypt' | 'decrypt' | 'rekey';

export interface RewriteOptions {
  /** The file's current passphrase (null: it is plain). */
  from: string | null;
  /** The passphrase it gets (null: it becomes plain). */
  to: string | null;
  nativeBinding?: string;
  /** Each step as it starts (the command line prints it). */
  onStep?: (step: RewriteStep) => void;
}

export type RewriteStep = 'check' | 'copy' | 'rekey' | 'verify' | 'replace' | 'wipe';

export interface RewriteResult {
  kind: RewriteKind;
  encrypted: boolean;
  tables: number;
  rows: number;
  ms: number;
}

export const rewriteFile = (dbFile: string) => `${dbFile}.rewrite`;
/** A second name for the old file's blocks, so they can be wiped after the rename. */
export const oldCopyFile = (dbFile: string) => `${dbFile}.old`;

const SIDE = ['-wal', '-shm', '-journal'];

const kindOf = (from: string | null, to: string | null): RewriteKind => (from === null ? 'encrypt' : to === null ? 'decrypt' : 'rekey');

/** Encrypts (from null), decrypts (to null) or re-keys the database file, crash-safe (see above). */
export function rewriteDatabase(dbFile: string, { from, to, nativeBinding, onStep }: RewriteOptions): RewriteResult {
  const started = Date.now();
  const kind = kindOf(from, to);
  if (from === null && to === null) throw new AppError('invalid_input', 'Nothing to do: the database stays plain.');
  if (to !== null && to.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('invalid_input', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`, 'passphrase');
  }
  cleanUpRewrite(dbFile);
  const encrypted = isEncryptedFile(dbFile);
  if (kind === 'encrypt' && encrypted) throw new AppError('invalid_input', 'The database is already encrypted: change its passphrase instead.', 'passphrase');
  if (kind !== 'encrypt' && !encrypted) throw new AppError('invalid_input', 'The database is not encrypted.', 'passphrase');
  if (!existsSync(dbFile)) throw new AppError('not_found', `There is no database at ${dbFile}.`);
  const options = nativeBinding ? { nativeBinding, fileMustExist: true } : { fileMustExist: true };
  const copy = rewriteFile(dbFile);

  onStep?.('check');
  const source = new Database(dbFile, options);
  let before: Counts;
  try {
    try {
      if (from !== null) applyKey(source, from);
      source.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new AppError('wrong_passphrase', `The passphrase does not open ${dbFile}. Nothing was changed.`, 'passphrase');
      }
      throw err;
    }
    // Everything committed moves from the WAL into the file, so the copy below holds it all.
    source.pragma('wal_checkpoint(TRUNCATE)');
    before = counts(source);
    onStep?.('copy');
    source.prepare('VACUUM INTO ?').run(copy);
  } finally {
    // The last connection closing a WAL database removes its (now empty) -wal and -shm.
    source.close();
  }

  try {
    onStep?.('rekey');
    const target = new Database(copy, options);
    try {
      if (from !== null) applyKey(target, from);
      target.pragma('journal_mode = DELETE');
      rekey(target, to);
      // The entry goes into the new file itself: it exists exactly when the rewrite took effect.
      registerAuditFunctions(target);
      recordAudit(target, { action: kind satisfies AuditAction, recordType: 'database', detail: to === null ? {} : { cipher: CIPHER.pageCipher, kdf: CIPHER.kdf, kdfIterations: CIPHER.kdfIterations } });
    } finally {
      target.close();
    }
    onStep?.('verify');
    verify(copy, to, before, options);
    fsyncFile(copy);
  } catch (err) {
    removeWithSides(copy);
    if (err instanceof AppError) throw err;
    throw new AppError('db_open_failed', `The rewritten database did not check out (${(err as Error).message}). Nothing was changed.`);
  }

  onStep?.('replace');
  // A -wal left beside the old file would be replayed into the new one: none may remain.
  for (const s of ['-wal', '-shm']) rmSync(dbFile + s, { force: true });
  const old = oldCopyFile(dbFile);
  rmSync(old, { force: true });
  linkOrCopyAside(dbFile, old);
  renameSync(copy, dbFile);
  fsyncDir(dirname(dbFile));

  onStep?.('wipe');
  wipe(old);
  return { kind, encrypted: to !== null, tables: Object.keys(before.rows).length, rows: Object.values(before.rows).reduce((a, b) => a + b, 0), ms: Date.now() - started };
}

/**
 * Removes what an interrupted rewrite left: a half-written copy (deleted: the database is still
 * the old file) and the old file's second name (wiped: the new file is in place) — unless that
 * second name is still the live database itself (the crash came between link and rename).
 */
export function cleanUpRewrite(dbFile: string): void {
  removeWithSides(rewriteFile(dbFile));
  const old = oldCopyFile(dbFile);
  if (!existsSync(old)) return;
  if (sameFile(old, dbFile)) rmSync(old, { force: true });
  else wipe(old);
}

interface Counts {
  userVersion: number;
  rows: Record<string, number>;
}

function counts(sqlite: Database.Database): Counts {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const rows: Record<string, number> = {};
  for (const t of tables) rows[t] = sqlite.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number;
  return { userVersion: sqlite.pragma('user_version', { simple: true }) as number, rows };
}

function verify(file: string, key: string | null, before: Counts, options: Database.Options): void {
  if (key !== null && !isEncryptedFile(file)) throw new Error('the copy is not encrypted');
  if (key === null && isEncryptedFile(file)) throw new Error('the copy is still encrypted');
  const check = new Database(file, { ...options, readonly: true });
  try {
    if (key !== null) applyKey(check, key);
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check: ${String(integrity)}`);
    const after = counts(check);
    const expected = { ...before.rows, audit_log: (before.rows.audit_log ?? 0) + 1 };
    if (after.userVersion !== before.userVersion) throw new Error(`user_version ${after.userVersion}, was ${before.userVersion}`);
    for (const [table, n] of Object.entries(expected)) {
      if (after.rows[table] !== n) throw new Error(`${table} has ${after.rows[table]} rows, was ${n}`);
    }
  } finally {
    check.close();
  }
}

/** The old file's blocks stay reachable under a second name (a copy where links are refused). */
function linkOrCopyAside(file: string, aside: string): void {
  try {
    linkSync(file, aside);
  } catch {
    // Some file systems (FAT, some network shares) have no hard links: the old bytes are then
    // only in the blocks freed by the rename, which nothing here can reach to overwrite.
  }
}

/**
 * Overwrites the file with zeros, flushes, and unlinks it. Best effort: an SSD's wear levelling and
 * a copy-on-write file system (APFS, Btrfs) may keep the old blocks elsewhere, where only
 * encrypting the whole disk (FileVault, BitLocker, LUKS) protects them.
 */
function wipe(file: string): void {
  try {
    const fd = openSync(file, 'r+');
    try {
      const size = fstatSync(fd).size;
      const zeros = Buffer.alloc(1 << 20);
      for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Gone already, or not writable: unlink what is there.
  }
  rmSync(file, { force: true });
}

function removeWithSides(file: string): void {
  for (const f of [file, ...SIDE.map((s) => file + s)]) rmSync(f, { force: true });
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

