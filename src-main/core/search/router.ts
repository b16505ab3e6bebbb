import { z } from 'zod';
import { hideCustomerRows } from '../privacy/private-fields';
import { procedure, router } from '../trpc';
import { search } from './service';

export const searchRouter = router({
  all: procedure
    .input(z.object({ q: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }))
    .query(({ ctx, input }) => {
      const hits = search(ctx.core.sqlite, input.q, input.limit);
      return { ...hits, customers: hideCustomerRows(ctx.core.sqlite, hits.customers) };
    }),
});
