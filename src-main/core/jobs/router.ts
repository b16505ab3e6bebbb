import { on } from 'node:events';
import { z } from 'zod';
import { procedure, router, unguardedProcedure } from '../trpc';
import type { JobEvent } from './catalog';

const id = z.object({ id: z.number().int().positive() });

export const jobsRouter = router({
  list: procedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }).optional())
    .query(({ ctx, input }) => ctx.core.jobs.list(input?.limit ?? 50)),
  get: procedure.input(id).query(({ ctx, input }) => ctx.core.jobs.get(input.id)),
  /** Not held back by an import's open transaction: cancelling that import is what it is for. */
  cancel: unguardedProcedure.input(id).mutation(({ ctx, input }) => ctx.core.jobs.cancel(input.id)),
  /** Every job's progress and status changes, as they happen. */
  events: procedure.subscription(async function* ({ ctx, signal }) {
    for await (const [event] of on(ctx.core.jobs.events, 'job', { signal })) {
      yield event as JobEvent;
    }
  }),
});
