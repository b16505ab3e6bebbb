import { router } from '../trpc';
import { ownerProcedure } from '../privacy/permissions';
import { removeSampleData, SAMPLE_JOB_KIND, sampleInput } from './sample-job';

export const sampleRouter = router({
  /** Starts the sample-shop job; progress arrives on jobs.events. */
  load: ownerProcedure('settings')
    .input(sampleInput.optional())
    .mutation(({ ctx, input }) => ({ jobId: ctx.core.jobs.start(SAMPLE_JOB_KIND, input ?? {}) })),
  remove: ownerProcedure('settings').mutation(({ ctx }) => removeSampleData(ctx.core.sqlite)),
});
