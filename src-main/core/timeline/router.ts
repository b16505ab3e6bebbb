import { z } from 'zod';
import { procedure, router } from '../trpc';
import { customerTimeline } from './service';

export const timelineRouter = router({
  forCustomer: procedure
    .input(
      z.object({
        customerId: z.number().int().positive(),
        before: z.number().int().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => customerTimeline(ctx.core.sqlite, input.customerId, input.before, input.limit)),
});
