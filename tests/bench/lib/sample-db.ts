// The sample shop's generator at bench scale (100,000 customers: about 1,000,000 orders and
// 1,800,000 order lines), built once through the app's own sample job and cached in the temp
// folder, with the analysis date pinned to the data's "now". Shared by the analytics and predict
// benches.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore, type Core } from '../../../src-main/core/core';
import { patronRouter } from '../../../src-main/core/router';
import { DATA_NOW } from './crm-data';
import { log } from './report';
import { round } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = join(here, '..', '..', '..', 'resources');
/** Bump when the generated data changes, so a cached database is rebuilt. */
const DATA_VERSION = 'v1';
const SEED = 20251203;
export const ANALYSIS_DATE = new Date(DATA_NOW).toISOString().slice(0, 10);

/** Opens (building once) the cached sample database; every job it starts has finished. */
export async function openSampleDatabase(customers: number, fresh: boolean): Promise<Core> {
  const dir = join(tmpdir(), `patron-bench-analytics-${DATA_VERSION}-${customers}`);
  if (fresh) rmSync(dir, { recursive: true, force: true });
  const built = existsSync(join(dir, 'patron.sqlite')) && existsSync(join(dir, 'ready'));
  if (!built) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const core = startCore({ dataDir: dir, resourcesDir, noResume: true });
  if (!built) {
    log(`building ${customers.toLocaleString()} customers with the sample shop generator (once; cached in ${dir})...`);
    const caller = patronRouter.createCaller({ core });
    await caller.segments.setAnalysisDate({ date: ANALYSIS_DATE });
    const t0 = performance.now();
    const id = core.jobs.start('sample.load', { seed: SEED, customers, anchor: DATA_NOW });
    await core.jobs.idle();
    const job = core.jobs.get(id);
    if (job.status !== 'done') throw new Error(`the sample shop job ended ${job.status}: ${job.error?.message ?? ''}`);
    log(`built in ${round((performance.now() - t0) / 1000, 1)} s`);
    mkdirSync(join(dir, 'ready'), { recursive: true });
  }
  await core.jobs.idle();
  return core;
}
