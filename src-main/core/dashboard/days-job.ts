// The rebuild of the dashboard's day tables (sales-days.ts) as a job (write lane), for a bulk write
// too big to sweep them inside its own transaction: it marked them stale, and this job, queued as
// soon as that write commits, rebuilds both in one committed step. Until then the dashboard sums
// the orders directly, so its totals are right throughout, only slower.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { changeBus } from '../changes/bus';
import { defineJob } from '../jobs/job-kind';
import type { JobRunner } from '../jobs/runner';
import { ensureSalesDays, salesDaysStale } from './sales-days';

export const SALES_DAYS_JOB_KIND = 'dashboard.days' satisfies JobKindName;

export const salesDaysJob = defineJob({
  kind: SALES_DAYS_JOB_KIND,
  input: z.object({}),
  // One step: a job resumed after a crash simply runs again (the days are still stale, or not).
  checkpoint: z.object({ rebuilt: z.boolean() }),
  async run(ctx): Promise<{ rebuilt: boolean }> {
    let rebuilt = false;
    ctx.progress(0, 1);
    await ctx.step(() => (rebuilt = ensureSalesDays(ctx.sqlite)), { checkpoint: { rebuilt: true }, done: 1, total: 1 });
    return { rebuilt };
  },
});

const queued = (sqlite: Database.Database) => sqlite.prepare(`SELECT 1 FROM jobs WHERE kind = ? AND status = 'queued' LIMIT 1`).get(SALES_DAYS_JOB_KIND) !== undefined;

/**
 * Queues the rebuild when a committed bulk write of orders left the days stale, unless one is
 * waiting to start already (it will see the latest orders). Register before the other followers
 * of bulk writes (core.ts): what they queue (segments, predictions) then runs on current days.
 */
export function followSalesDays(jobs: JobRunner, sqlite: Database.Database): () => void {
  return changeBus(sqlite).on((e) => {
    if (!e.changes.some((c) => c.type === 'order' && c.op === 'bulk')) return;
    if (salesDaysStale(sqlite) && !queued(sqlite)) jobs.start(SALES_DAYS_JOB_KIND, {});
  });
}
