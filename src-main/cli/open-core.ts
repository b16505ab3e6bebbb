// The core the command line drives: the same startCore the app and browser mode use, on the data
// folder given with --data-dir or, by default, the app's own folder (web/data-dir.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { startCore, type Core } from '../core/core';
import { isEncryptedFile } from '../core/db/cipher';
import { customers } from '../core/db/schema';
import { cleanUpRewrite } from '../core/privacy/encryption';
import { defaultDataDir } from '../web/data-dir';
import { fromCaller } from './args';
import { PASSPHRASE_ENV, passphraseFrom } from './passphrase';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function dataDirOf(option: string | undefined): string {
  return option === undefined ? defaultDataDir() : fromCaller(option);
}

export const resourcesDir = join(root, 'resources');
export const dbFileOf = (dataDir: string): string => join(dataDir, 'patron.sqlite');

/**
 * Starts the core on `dataDir`. An encrypted database opens with the passphrase from
 * PATRON_PASSPHRASE or typed at the terminal (cli/passphrase.ts); a wrong one fails with
 * wrong_passphrase before anything is written. What an interrupted encrypt/decrypt/rekey left is
 * cleaned up first (core/privacy/encryption.ts). Jobs another process left unfinished are not
 * resumed here: they belong to the app, which resumes them when it next starts.
 */
export async function openCore(dataDir: string): Promise<Core> {
  const dbFile = dbFileOf(dataDir);
  cleanUpRewrite(dbFile);
  const passphrase = isEncryptedFile(dbFile) ? await passphraseFrom(PASSPHRASE_ENV, `Passphrase for ${dbFile}: `) : undefined;
  return startCore({ dataDir, resourcesDir, noResume: true, passphrase });
}

/** Runs `work` on a started core and closes it afterwards, whatever happens. */
export async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(dataDir);
  try {
    const result = await work(core);
    // What the command's writes set off (segments recomputed, sentiment re-read) finishes before
    // the process exits, so the data it leaves is whole.
    await core.jobs.idle();
    return result;
  } finally {
    await core.close();
  }
}

/** How many customers the database holds. */
export const customerCount = (core: Core): number => core.db.select({ n: count() }).from(customers).get()?.n ?? 0;
