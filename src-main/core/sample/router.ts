import { procedure, router } from '../trpc';
import { removeSampleData, SAMPLE_JOB_KIND, sampleInput } from './sample-job';

export const sampleRouter = router({
  /** Starts the sample-shop job; progress arrives on jobs.events. */
  load: procedure
    .input(sampleInput.optional())
    .mutation(({ ctx, input }) => ({ jobId: ctx.core.jobs.start(SAMPLE_JOB_KIND, input ?? {}) })),
  remove: procedure.mutation(({ ctx }) => removeSampleData(ctx.core.sqlite)),
});
