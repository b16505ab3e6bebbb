import { z } from 'zod';
import { CHANNELS, DIRECTIONS } from '../db/schema';
import { procedure, router } from '../trpc';
import { logInteraction, setHandled } from './service';

export const interactionsRouter = router({
  log: procedure
    .input(
      z.object({
        customerId: z.number().int().positive(),
        channel: z.enum(CHANNELS),
        direction: z.enum(DIRECTIONS),
        subject: z.string().trim().max(500).nullish(),
        body: z.string().trim().min(1, 'A message cannot be empty').max(100_000),
        language: z.string().max(10).nullish(),
        occurredAt: z.number().int().optional(),
      }),
    )
    .mutation(({ ctx, input }) => logInteraction(ctx.core.sqlite, input)),
  setHandled: procedure
    .input(z.object({ id: z.number().int().positive(), handled: z.boolean() }))
    .mutation(({ ctx, input }) => setHandled(ctx.core.sqlite, input.id, input.handled)),
});
