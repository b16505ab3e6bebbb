// The sample shop as a resumable job: products first, then customers in chunks, each chunk
// deterministic from (seed, chunk index) so a resumed job produces exactly what it would have.
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { defineJob } from '../jobs/job-kind';
import { dayOf } from './calendar';
import { buildCatalog } from './catalog';
import { generateChunk } from './generate-chunk';
import { indexCatalog, type ShopContext } from './history';
import { chunkWriter, countChunk, insertCatalog } from './insert-chunk';
import { removeSampleData } from './remove-sample';
import { recordAudit, withoutAudit } from '../privacy/audit-log';

export const SAMPLE_JOB_KIND = 'sample.load' satisfies JobKindName;
export const SAMPLE_CHUNK = 100;

export const sampleInput = z.object({
  seed: z.number().int().min(0).default(42),
  customers: z.number().int().min(10).max(200_000).default(2000),
  /** "Now" for the data set (epoch ms); defaults to when the job first runs, kept in the checkpoint. */
  anchor: z.number().int().positive().optional(),
});

const sampleSummary = z.object({
  customers: z.number(),
  products: z.number(),
  orders: z.number(),
  interactions: z.number(),
  feedback: z.number(),
  tasks: z.number(),
});
export type SampleSummary = z.infer<typeof sampleSummary>;

const sampleCheckpoint = z.object({
  anchor: z.number(),
  /** Customers [0, next) are written. */
  next: z.number(),
  counts: sampleSummary,
});
type SampleCheckpoint = z.infer<typeof sampleCheckpoint>;

export { removeSampleData } from './remove-sample';

export const sampleShopJob = defineJob({
  kind: SAMPLE_JOB_KIND,
  input: sampleInput,
  checkpoint: sampleCheckpoint,
  async run(ctx): Promise<SampleSummary> {
    const { seed, customers: total } = ctx.input;
    const catalog = buildCatalog(seed);
    let cp = ctx.checkpoint;
    if (!cp) {
      const first: SampleCheckpoint = {
        anchor: ctx.input.anchor ?? Date.now(),
        next: 0,
        counts: { customers: 0, products: catalog.length, orders: 0, interactions: 0, feedback: 0, tasks: 0 },
      };
      await ctx.step(() => withoutAudit(ctx.sqlite, () => insertCatalog(ctx.sqlite, catalog)), { checkpoint: first, done: 0, total });
      cp = first;
    }
    const shop: ShopContext = { seed, anchor: cp.anchor, anchorDay: dayOf(cp.anchor), catalog, byCategory: indexCatalog(catalog) };
    const write = chunkWriter(ctx.sqlite, catalog);
    while (cp.next < total) {
      const to = Math.min(total, cp.next + SAMPLE_CHUNK);
      const chunk = generateChunk(shop, cp.next, to, total);
      const added = countChunk(chunk);
      const c = cp.counts;
      const next: SampleCheckpoint = {
        anchor: cp.anchor,
        next: to,
        counts: {
          customers: c.customers + added.customers,
          products: c.products,
          orders: c.orders + added.orders,
          interactions: c.interactions + added.interactions,
          feedback: c.feedback + added.feedback,
          tasks: c.tasks + added.tasks,
        },
      };
      // One audit entry for the whole shop (below), not one per generated record.
      await ctx.step(() => withoutAudit(ctx.sqlite, () => write(chunk)), { checkpoint: next, done: to, total });
      cp = next;
    }
    const counts = cp.counts;
    await ctx.step(() => recordAudit(ctx.sqlite, { action: 'import', recordType: 'sample_shop', detail: { seed, ...counts } }), { checkpoint: cp, done: total, total });
    return counts;
  },
  rollback({ sqlite }) {
    removeSampleData(sqlite);
  },
});
