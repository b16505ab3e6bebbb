// `backup FILE` and `restore FILE`: the same backup job and the same checked restore the app's
// Privacy page uses (core/privacy/backup.ts, restore.ts). The database's own passphrase is asked
// for like every command's (PATRON_PASSPHRASE, or at the terminal, in openCore); a backup's own
// passphrase comes from an environment variable named on the command line, never from an argument
// (arguments are visible to every process on the machine).
import { AppError } from '../core/errors';
import { restoreFrom, type RestoreResult } from '../core/privacy/restore';
import type { BackupJobResult } from '../core/privacy/backup-job';
import { holdBackupPassphrase } from '../core/privacy/backup-job';
import { fromCaller, parse, UsageError } from './args';
import { jobError } from './failure';
import { followJob } from './follow-job';
import { dataDirOf, withCore } from './open-core';
import { count, n, say } from './output';

export const BACKUP_USAGE = `npm run cli -- backup FILE [options]

Writes a backup of the whole database to FILE while nothing else has to stop. An encrypted
database's backup is encrypted with the same passphrase unless the backup gets its own.

  FILE                          the backup file to write (replaced if it exists)
  --backup-passphrase-env NAME  encrypt the backup with the passphrase in the environment variable NAME
  --data-dir DIR                the data folder (default: the app's)

The database's passphrase, when it is encrypted, comes from PATRON_PASSPHRASE or is asked for.
Ends with one JSON line: file, bytes, customers, schemaVersion, encrypted.`;

export const RESTORE_USAGE = `npm run cli -- restore FILE [options]

Checks the backup FILE (it opens, SQLite's integrity check passes, its schema is one this version
knows) and only then replaces the database with it. The previous database is kept beside it as
patron.sqlite.before-restore until the next restore. The restored data keeps the current
database's passphrase (or stays plain when the current database is plain).

  FILE                          the backup to restore
  --backup-passphrase-env NAME  the backup's own passphrase, in the environment variable NAME
                                (default: the database's passphrase)
  --data-dir DIR                the data folder (default: the app's)

Ends with one JSON line: file, customers, orders, lastChange, schemaVersion, previous.`;

function envPassphrase(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (!value) throw new UsageError(`The environment variable ${name} named by --backup-passphrase-env is not set.`, 'backup-passphrase-env');
  return value;
}

function oneFile(positionals: string[], what: string): string {
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(`Name one ${what} file.`, 'file');
  return fromCaller(file);
}

export async function backupCommand(argv: string[]): Promise<BackupJobResult & { jobId: number }> {
  const { values, positionals } = parse(argv, { 'backup-passphrase-env': { type: 'string' } });
  const file = oneFile(positionals, 'backup');
  const own = envPassphrase(values['backup-passphrase-env']);
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    say(`Database: ${core.paths.dbFile}`);
    const input = own ? { file, passphrase: 'own' as const, ref: holdBackupPassphrase(own) } : { file, passphrase: 'same' as const };
    const job = await followJob(core, 'backup.run', input, () => null);
    if (job.kind !== 'backup.run') throw new AppError('internal', `Job ${job.id} is a ${job.kind} job, not a backup.`);
    if (job.status !== 'done' || !job.result) throw jobError(job);
    const r = job.result;
    say(`Backed up ${count(r.customers, 'customer')} to ${r.file} (${n(Math.ceil(r.bytes / 1024))} KB, ${r.encrypted ? 'encrypted' : 'not encrypted'}).`);
    return { jobId: job.id, ...r };
  });
}

export async function restoreCommand(argv: string[]): Promise<RestoreResult> {
  const { values, positionals } = parse(argv, { 'backup-passphrase-env': { type: 'string' } });
  const file = oneFile(positionals, 'backup');
  const own = envPassphrase(values['backup-passphrase-env']);
  // Opening the core checks the database's passphrase the way every command does (a wrong one
  // exits with wrong_passphrase, nothing changed) and gives the one the restored data will get.
  const current = await withCore(dataDirOf(values['data-dir']), async (core) => ({
    dbFile: core.paths.dbFile,
    passphrase: core.passphrase(),
    resourcesDir: core.paths.resourcesDir,
  }));
  // The core is closed now: nothing has the file open while it is swapped.
  const r = await restoreFrom({ dbFile: current.dbFile, replace: async (work) => work(current.dbFile) }, file, {
    passphrase: own ?? current.passphrase,
    currentPassphrase: current.passphrase,
    resourcesDir: current.resourcesDir,
  });
  say(`Restored ${count(r.customers, 'customer')} and ${count(r.orders, 'order')} from ${r.file} (schema ${r.schemaVersion ?? 'unknown'}).`);
  say(`The previous database is kept at ${r.previous} until the next restore.`);
  return r;
}
