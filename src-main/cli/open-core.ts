// The core the command line drives: the same startCore the app and browser mode use, on the data
// folder given with --data-dir or, by default, the app's own folder (web/data-dir.ts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { startCore, type Core } from '../core/core';
import { customers } from '../core/db/schema';
import { defaultDataDir } from '../web/data-dir';
import { fromCaller } from './args';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function dataDirOf(option: string | undefined): string {
  return option === undefined ? defaultDataDir() : fromCaller(option);
}

/**
 * Starts the core on `dataDir`. Jobs another process left unfinished are not resumed here: they
 * belong to the app, which resumes them when it next starts.
 */
export function openCore(dataDir: string): Core {
  return startCore({ dataDir, resourcesDir: join(root, 'resources'), noResume: true });
}

/** Runs `work` on a started core and closes it afterwards, whatever happens. */
export async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = openCore(dataDir);
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
