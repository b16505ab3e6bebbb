// Win-back and campaign messages: made for a customer, a segment or a smart list as a model-lane
// job, reviewed one by one (approve, edit, skip), exported as CSV and logged on each timeline.
import { z } from 'zod';
import { BRIEF_MAX_CHARS, CAMPAIGN_PURPOSES, TONES } from '../../shared/drafting';
import { SEGMENT_CODES } from '../../shared/segments';
import { procedure, router } from '../trpc';
import { ownerProcedure } from '../privacy/permissions';
import { campaignMessages, createCampaign, deleteCampaign, exportCampaign, getCampaign, listCampaigns, resumeCampaign, reviewMessage } from './service';

const id = z.object({ id: z.number().int().positive() });
const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), customerId: z.number().int().positive() }),
  z.object({ kind: z.literal('segment'), segment: z.enum(SEGMENT_CODES) }),
  z.object({ kind: z.literal('list'), listId: z.number().int().positive() }),
]);

export const campaignsRouter = router({
  create: procedure
    .input(z.object({ name: z.string().trim().min(1).max(120), purpose: z.enum(CAMPAIGN_PURPOSES), target, brief: z.string().trim().max(BRIEF_MAX_CHARS).default(''), tone: z.enum(TONES).default('warm') }))
    .mutation(({ ctx, input }) => createCampaign(ctx.core, input)),
  list: procedure.input(z.object({}).optional()).query(({ ctx }) => listCampaigns(ctx.core)),
  get: procedure.input(id).query(({ ctx, input }) => getCampaign(ctx.core, input.id)),
  messages: procedure.input(id).query(({ ctx, input }) => campaignMessages(ctx.core, input.id)),
  review: procedure
    .input(z.object({ id: z.number().int().positive(), status: z.enum(['approved', 'skipped', 'pending']).optional(), body: z.string().trim().min(1).max(20_000).optional() }))
    .mutation(({ ctx, input }) => reviewMessage(ctx.core, input)),
  export: ownerProcedure('export').input(id).mutation(({ ctx, input }) => exportCampaign(ctx.core, input.id)),
  resume: procedure.input(id).mutation(({ ctx, input }) => resumeCampaign(ctx.core, input.id)),
  delete: procedure.input(id).mutation(({ ctx, input }) => deleteCampaign(ctx.core, input.id)),
});
