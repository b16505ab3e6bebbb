// `sample [--seed N] [--customers N]`: the sample shop job the empty start screen runs, into any
// data folder (it replaces an earlier sample shop there; the person's own records stay).
import { AppError } from '../core/errors';
import type { SampleSummary } from '../core/sample/sample-job';
import { intOption, parse, UsageError } from './args';
import { jobError } from './failure';
import { followJob } from './follow-job';
import { customerCount, dataDirOf, withCore } from './open-core';
import { count, progressText, say } from './output';

export const SAMPLE_USAGE = `npm run cli -- sample [--seed 42] [--customers 2000] [--data-dir DIR]

Loads the sample shop: a deterministic tea-and-gifts shop with customers, products, three years of
orders, messages, reviews, notes, tags and follow-ups.

  --seed N               the same seed makes the same shop (default 42)
  --customers N          how many customers (10 to 200,000; default 2,000)
  --data-dir DIR         the data folder (default: the app's)

Ends with one JSON line: what was created, and customers (the count afterwards).`;

export interface SampleJson extends SampleSummary {
  jobId: number;
  /** Customers in the database afterwards (the sample's and the person's own). */
  totalCustomers: number;
}

export async function sampleCommand(argv: string[]): Promise<SampleJson> {
  const { values, positionals } = parse(argv, { seed: { type: 'string' }, customers: { type: 'string' } });
  if (positionals.length) throw new UsageError(`sample takes no file or list (got "${positionals[0]}").`);
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1);
  const customers = intOption(values.customers, 'customers', 10, 200_000);
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    say(`Database: ${core.paths.dbFile}`);
    const job = await followJob(core, 'sample.load', { seed, customers }, (e) =>
      e.kind === 'sample.load' && e.status === 'running' ? progressText('Loading the sample shop', e, 'customers') : null,
    );
    if (job.kind !== 'sample.load') throw new AppError('internal', `Job ${job.id} is a ${job.kind} job, not the sample shop.`);
    if (job.status !== 'done' || !job.result) throw jobError(job);
    const r = job.result;
    say(`Loaded the sample shop: ${count(r.customers, 'customer')}, ${count(r.products, 'product')}, ${count(r.orders, 'order')}, ${count(r.interactions, 'message')}, ${count(r.feedback, 'review')}, ${count(r.tasks, 'follow-up')}.`);
    return { jobId: job.id, ...r, totalCustomers: customerCount(core) };
  });
}
