// The inbox calls: the open messages by urgency with filters, one message, response times, and
// marking messages handled (e) or open again (u, undo) through the interactions write path.
import { z } from 'zod';
import { ASPECTS, SENTIMENT_LABELS } from '../../shared/sentiment';
import { CHANNELS } from '../../shared/records';
import { DRAFT_LANGUAGES } from '../../shared/drafting';
import { setHandled } from '../interactions/service';
import { procedure, router } from '../trpc';
import { inboxList, inboxMessage, inboxStats } from './queries';

export const inboxFilter = z.object({
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  language: z.enum(DRAFT_LANGUAGES).optional(),
  sentiment: z.enum(SENTIMENT_LABELS).optional(),
  aspect: z.enum(ASPECTS).optional(),
  waitingHours: z.number().int().min(0).max(24 * 365).optional(),
});

export const inboxRouter = router({
  list: procedure
    .input(z.object({ filter: inboxFilter.default({}), limit: z.number().int().min(1).max(2000).default(500) }))
    .query(({ ctx, input }) => inboxList(ctx.core.sqlite, input.filter, input.limit)),
  get: procedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => inboxMessage(ctx.core.sqlite, input.id)),
  stats: procedure.input(z.object({}).optional()).query(({ ctx }) => inboxStats(ctx.core.sqlite)),
  /** e marks handled; u (undo) opens it again. */
  setHandled: procedure
    .input(z.object({ id: z.number().int().positive(), handled: z.boolean() }))
    .mutation(({ ctx, input }) => setHandled(ctx.core.sqlite, input.id, input.handled)),
});
