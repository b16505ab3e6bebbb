// The sample shop as a resumable job: products first, then customers in chunks, each chunk
// deterministic from (seed, chunk index) so a resumed job produces exactly what it would have.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { defineJob } from '../jobs/job-kind';

export const SAMPLE_JOB_KIND = 'sample.load';

export const sampleInput = z.object({
  seed: z.number().int().min(0).default(42),
  customers: z.number().int().min(10).max(200_000).default(2000),
});

/** Deletes every row the sample shop made; cascades take their orders, messages, notes... */
export function removeSampleData(sqlite: Database.Database): { customers: number; products: number } {
  return sqlite.transaction(() => {
    const customers = sqlite.prepare(`DELETE FROM customers WHERE source = 'sample'`).run().changes;
    const products = sqlite.prepare(`DELETE FROM products WHERE source = 'sample'`).run().changes;
    sqlite.prepare(`DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)`).run();
    sqlite.prepare(`DELETE FROM companies WHERE id NOT IN (SELECT company_id FROM customers WHERE company_id IS NOT NULL)`).run();
    return { customers, products };
  })();
}

export const sampleShopJob = defineJob({
  kind: SAMPLE_JOB_KIND,
  input: sampleInput,
  async run(_ctx) {
    // TODO(helper): generator in progress
    return {};
  },
  rollback({ sqlite }) {
    removeSampleData(sqlite);
  },
});
