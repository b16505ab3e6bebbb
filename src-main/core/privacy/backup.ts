// A backup of the live database to one file the person chooses, taken in a worker thread on its
// own read connection (backup-worker.ts says why VACUUM INTO and not the online backup API), so
// the app keeps working while it is made. The backup is encrypted with the database's passphrase,
// with one of its own, or (only from a plain database) not at all. It is one self-contained
// file: no sidecar, no -wal.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Core } from '../core';
import { AppError } from '../errors';
import type { BackupWorkerData, FromBackupWorker } from './backup-worker';

/** 'same': the database's passphrase; a string: one for the backup; null: a plain backup. */
export type BackupPassphrase = string | 'same' | null;

export interface BackupResult {
  file: string;
  bytes: number;
  customers: number;
  /** The last migration the backup holds (its schema). */
  schemaVersion: string | null;
  encrypted: boolean;
}

/** What a backup needs of the core; a Core has all of it. */
export type BackupSource = Pick<Core, 'paths' | 'passphrase' | 'nativeBinding'>;

export async function backupTo(core: BackupSource, file: string, { passphrase = 'same' }: { passphrase?: BackupPassphrase } = {}): Promise<BackupResult> {
  const dest = resolve(file);
  const source = core.paths.dbFile;
  if (dest === resolve(source) || dest.startsWith(`${resolve(source)}-`)) {
    throw new AppError('invalid_input', 'A backup cannot be written over the database itself: choose another file.', 'file');
  }
  const current = core.passphrase();
  if (passphrase === '') throw new AppError('invalid_input', 'The backup’s passphrase is empty.', 'passphrase');
  // An encrypted database is never backed up in the clear: the backup would undo the encryption.
  if (current !== null && passphrase === null) {
    throw new AppError('invalid_input', 'The database is encrypted, so its backup is encrypted too: keep its passphrase or set one for the backup.', 'passphrase');
  }
  const target = passphrase === 'same' ? current : passphrase;
  try {
    mkdirSync(dirname(dest), { recursive: true });
  } catch (err) {
    throw new AppError('backup_failed', `The folder of ${dest} cannot be made: ${(err as Error).message}`, 'file', { reason: (err as Error).message });
  }
  const data: BackupWorkerData = { source, dest, sourcePassphrase: current, targetPassphrase: target, nativeBinding: core.nativeBinding };
  const reply = await runWorker(data);
  if (!reply.ok) {
    const reason = reply.code === 'SQLITE_FULL' ? 'the disk is full' : reply.message;
    throw new AppError('backup_failed', `The backup to ${dest} failed: ${reason}. The database was not changed.`, 'file', { reason });
  }
  return { file: dest, bytes: reply.bytes, customers: reply.customers, schemaVersion: reply.schemaVersion, encrypted: target !== null };
}

function runWorker(data: BackupWorkerData): Promise<FromBackupWorker> {
  return new Promise((resolvePromise, reject) => {
    const worker = startWorker(data);
    let settled = false;
    worker.once('message', (m: FromBackupWorker) => {
      settled = true;
      resolvePromise(m);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) resolvePromise({ ok: false, code: undefined, message: `the backup worker stopped (exit code ${code})` });
    });
  });
}

/**
 * The worker's entry: backup-worker.js beside the running bundle (Electron build), or
 * backup-worker.ts beside this file, run through tsx (tests, browser mode, the command line).
 */
function startWorker(workerData: BackupWorkerData): Worker {
  const here = dirname(fileURLToPath(import.meta.url));
  const js = join(here, 'backup-worker.js');
  if (existsSync(js)) return new Worker(js, { workerData });
  const ts = pathToFileURL(join(here, 'backup-worker.ts')).href;
  return new Worker(join(here, '..', 'tsx-worker-boot.mjs'), { argv: [ts], workerData });
}
