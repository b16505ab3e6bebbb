// Reply drafting calls: the shop facts, what a draft rests on, the streamed draft (unsubscribing
// stops the model), checks of an edited draft, and "mark sent" (the reply logged as outbound on
// the customer's timeline, the message handled).
import { z } from 'zod';
import { DRAFT_LANGUAGES, FACT_MAX_CHARS, FACT_TOPICS, TONES } from '../../shared/drafting';
import { CHANNELS } from '../../shared/records';
import { logReply } from '../interactions/service';
import { procedure, router } from '../trpc';
import { ownerProcedure } from '../privacy/permissions';
import { checkReply, draftContext, draftReply } from './draft-reply';
import { getShopFacts, saveShopFacts } from './facts';

const facts = z.object(Object.fromEntries(FACT_TOPICS.map((t) => [t, z.string().max(FACT_MAX_CHARS)])) as Record<(typeof FACT_TOPICS)[number], z.ZodString>);
const request = z.object({ messageId: z.number().int().positive(), tone: z.enum(TONES), language: z.enum(DRAFT_LANGUAGES).optional() });

export const draftingRouter = router({
  facts: procedure.input(z.object({}).optional()).query(({ ctx }) => getShopFacts(ctx.core.db)),
  setFacts: ownerProcedure('settings').input(facts).mutation(({ ctx, input }) => saveShopFacts(ctx.core.sqlite, ctx.core.db, input)),
  context: procedure.input(request).query(({ ctx, input }) => {
    const c = draftContext(ctx.core, input);
    return { language: c.language, tone: c.tone, sources: c.sources, promptChars: c.system.length + c.prompt.length, truncated: c.truncated };
  }),
  draft: procedure.input(request).subscription(async function* ({ ctx, input, signal }) {
    yield* draftReply(ctx.core, input, signal);
  }),
  check: procedure
    .input(z.object({ messageId: z.number().int().positive(), language: z.enum(DRAFT_LANGUAGES), text: z.string().max(20_000) }))
    .mutation(({ ctx, input }) => checkReply(ctx.core, input)),
  /** The owner sent (or copied) the reply: logged as outbound, answering the message, which leaves the inbox. */
  send: procedure
    .input(z.object({ messageId: z.number().int().positive(), body: z.string().trim().min(1).max(20_000), channel: z.enum(CHANNELS).optional(), language: z.enum(DRAFT_LANGUAGES).optional() }))
    .mutation(({ ctx, input }) => logReply(ctx.core.sqlite, input)),
});
