// The sample shop as a resumable job: products first, then customers in chunks, each chunk
// deterministic from (seed, chunk index) so a resumed job produces exactly what it would have.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { defineJob } from '../jobs/job-kind';
import { dayOf } from './calendar';
import { buildCatalog } from './catalog';
import { generateChunk } from './generate-chunk';
import { indexCatalog, type ShopContext } from './history';
import { chunkWriter, countChunk, insertCatalog } from './insert-chunk';

export const SAMPLE_JOB_KIND = 'sample.load';
export const SAMPLE_CHUNK = 100;

export const sampleInput = z.object({
  seed: z.number().int().min(0).default(42),
  customers: z.number().int().min(10).max(200_000).default(2000),
  /** "Now" for the data set (epoch ms); defaults to when the job first runs, kept in the checkpoint. */
  anchor: z.number().int().positive().optional(),
});

export interface SampleSummary {
  customers: number;
  products: number;
  orders: number;
  interactions: number;
  feedback: number;
  tasks: number;
}

interface SampleCheckpoint {
  anchor: number;
  /** Customers [0, next) are written. */
  next: number;
  counts: SampleSummary;
}

/**
 * Deletes every row the sample shop made; cascades take their orders, messages, notes... Tags
 * and companies go only if sample customers used them and nobody else does now, so a tag the
 * person created and has not used yet survives.
 */
export function removeSampleData(sqlite: Database.Database): { customers: number; products: number } {
  return sqlite.transaction(() => {
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS sample_refs (kind TEXT NOT NULL, id INTEGER NOT NULL)`);
    sqlite.exec(`DELETE FROM temp.sample_refs`);
    sqlite.exec(`INSERT INTO temp.sample_refs SELECT DISTINCT 'tag', ct.tag_id FROM customer_tags ct
                 JOIN customers c ON c.id = ct.customer_id WHERE c.source = 'sample'`);
    sqlite.exec(`INSERT INTO temp.sample_refs SELECT DISTINCT 'company', company_id FROM customers
                 WHERE source = 'sample' AND company_id IS NOT NULL`);
    const customers = sqlite.prepare(`DELETE FROM customers WHERE source = 'sample'`).run().changes;
    const products = sqlite.prepare(`DELETE FROM products WHERE source = 'sample'`).run().changes;
    sqlite.exec(`DELETE FROM tags WHERE id IN (SELECT id FROM temp.sample_refs WHERE kind = 'tag')
                 AND id NOT IN (SELECT tag_id FROM customer_tags)`);
    sqlite.exec(`DELETE FROM companies WHERE id IN (SELECT id FROM temp.sample_refs WHERE kind = 'company')
                 AND id NOT IN (SELECT company_id FROM customers WHERE company_id IS NOT NULL)`);
    sqlite.exec(`DELETE FROM temp.sample_refs`);
    return { customers, products };
  })();
}

export const sampleShopJob = defineJob({
  kind: SAMPLE_JOB_KIND,
  input: sampleInput,
  async run(ctx): Promise<SampleSummary> {
    const { seed, customers: total } = ctx.input;
    const catalog = buildCatalog(seed);
    let cp = ctx.checkpoint as SampleCheckpoint | undefined;
    if (!cp) {
      const first: SampleCheckpoint = {
        anchor: ctx.input.anchor ?? Date.now(),
        next: 0,
        counts: { customers: 0, products: catalog.length, orders: 0, interactions: 0, feedback: 0, tasks: 0 },
      };
      await ctx.step(() => insertCatalog(ctx.sqlite, catalog), { checkpoint: first, done: 0, total });
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
      await ctx.step(() => write(chunk), { checkpoint: next, done: to, total });
      cp = next;
    }
    return cp.counts;
  },
  rollback({ sqlite }) {
    removeSampleData(sqlite);
  },
});
