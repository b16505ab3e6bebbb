import { z } from 'zod';
import { procedure, router } from '../trpc';
import { removeSampleData, SAMPLE_JOB_KIND } from './sample-job';

export const sampleRouter = router({
  /** Starts the sample-shop job; progress arrives on jobs.events. */
  load: procedure
    .input(z.object({ seed: z.number().int().min(0).default(42), customers: z.number().int().min(10).max(200_000).default(2000) }).optional())
    .mutation(({ ctx, input }) => ({ jobId: ctx.core.jobs.start(SAMPLE_JOB_KIND, input ?? {}) })),
  remove: procedure.mutation(({ ctx }) => removeSampleData(ctx.core.sqlite)),
});
