import { z } from 'zod';
import { procedure, router } from '../trpc';
import { hideNotes } from '../privacy/private-fields';
import { customerTimeline } from './service';

export const timelineRouter = router({
  forCustomer: procedure
    .input(
      z.object({
        customerId: z.number().int().positive(),
        /** The previous page's nextCursor. */
        cursor: z
          .object({ at: z.number().int(), type: z.enum(['order', 'interaction', 'feedback', 'note', 'task']), id: z.number().int() })
          .optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => {
      const page = customerTimeline(ctx.core.sqlite, input.customerId, input.cursor, input.limit);
      return { ...page, items: hideNotes(ctx.core.sqlite, page.items) };
    }),
});
