// Sentiment calls the UI makes: a live try-out of the analyzer, a customer's trend, the dashboard's
// overview, and the two jobs (re-analysis with the analyzer, scoring with the local model).
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { assertCustomer } from '../customers/write';
import { jobs } from '../db/schema';
import { modelMissing } from '../models/missing';
import { procedure, router } from '../trpc';
import { analyzeSentiment } from './analyzer';
import { MODEL_JOB_KIND } from './model-job';
import { customerSentiment, sentimentOverview } from './queries';
import { REANALYSE_JOB_KIND } from './reanalyse-job';

const customerId = z.number().int().positive();

export const sentimentRouter = router({
  /** What the analyzer says of any text, as it is typed. */
  analyze: procedure.input(z.object({ text: z.string().max(20_000) })).query(({ input }) => analyzeSentiment(input.text)),
  customer: procedure.input(z.object({ customerId })).query(({ ctx, input }) => {
    assertCustomer(ctx.core.sqlite, input.customerId);
    return customerSentiment(ctx.core.sqlite, input.customerId);
  }),
  overview: procedure
    .input(z.object({ bucket: z.enum(['week', 'month']), from: z.number().int().optional(), to: z.number().int().optional() }))
    .query(({ ctx, input }) => sentimentOverview(ctx.core.sqlite, input)),
  /** Re-analyses what the current analyzer has not; a re-analysis already waiting or running is reused. */
  reanalyse: procedure.input(z.object({}).optional()).mutation(({ ctx }) => {
    const active = ctx.core.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, REANALYSE_JOB_KIND), inArray(jobs.status, ['queued', 'running'])))
      .get();
    return { jobId: active?.id ?? ctx.core.jobs.start(REANALYSE_JOB_KIND, {}) };
  }),
  /** Scores messages and reviews with the local model, all or one customer's. */
  runModel: procedure.input(z.object({ customerId: customerId.optional(), onlyMissing: z.boolean().optional() })).mutation(({ ctx, input }) => {
    if (input.customerId !== undefined) assertCustomer(ctx.core.sqlite, input.customerId);
    // Said at once; the job's own check (model file gone, unloadable) fails the job with its code.
    if (!ctx.core.models.status().activeFile) throw modelMissing();
    return { jobId: ctx.core.jobs.start(MODEL_JOB_KIND, input) };
  }),
});
