import { z } from 'zod';
import { procedure, router } from '../trpc';
import { listTags, tagCustomer, untagCustomer } from './service';

export const TAG_COLORS = ['blue', 'green', 'red', 'orange', 'grape', 'teal', 'yellow', 'gray'] as const;

export const tagsRouter = router({
  list: procedure.query(({ ctx }) => listTags(ctx.core.sqlite)),
  addToCustomer: procedure
    .input(
      z.object({
        customerId: z.number().int().positive(),
        name: z.string().trim().min(1, 'A tag needs a name').max(50),
        color: z.enum(TAG_COLORS).optional(),
      }),
    )
    .mutation(({ ctx, input }) => tagCustomer(ctx.core.sqlite, input.customerId, input.name, input.color)),
  removeFromCustomer: procedure
    .input(z.object({ customerId: z.number().int().positive(), tagId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => untagCustomer(ctx.core.sqlite, input.customerId, input.tagId)),
});
