import { z } from 'zod';
import { isCurrencyCode } from '../../shared/currencies';
import { ORDER_STATUSES } from '../db/schema';
import { procedure, router } from '../trpc';
import { addOrder } from './write';

const cents = z.number().int().min(0);

export const ordersRouter = router({
  add: procedure
    .input(
      z.object({
        customerId: z.number().int().positive(),
        orderNo: z.string().trim().min(1).max(100),
        orderedAt: z.number().int(),
        status: z.enum(ORDER_STATUSES).optional(),
        channel: z.string().trim().max(50).optional(),
        currency: z.string().trim().toUpperCase().refine(isCurrencyCode, 'A currency is a three-letter code like CNY').optional(),
        totalCents: cents.nullish(),
        lines: z
          .array(z.object({ productId: z.number().int().positive().nullish(), name: z.string().trim().min(1).max(300), quantity: z.number().int().positive(), unitPriceCents: cents }))
          .max(1000),
      }),
    )
    .mutation(({ ctx, input }) => addOrder(ctx.core.sqlite, input)),
});
