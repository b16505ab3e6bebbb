// The model-lane job that writes a campaign's messages: the messages still without a body, in
// review order, a few at a time. With an active model each chunk is one batch over parallel
// sequences sharing the campaign's system prompt (campaign-prompt.ts, with the shop facts); without
// one, the no-model template fills each message, signed with the shop's name. Every message is
// checked before it is stored, and each chunk's messages commit with the checkpoint, so cancel
// stops between or inside a chunk (an unfinished chunk is not kept) and a restart, or
// resumeCampaign, carries on with the messages still empty.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import type { CampaignPurpose, DraftCheck, Tone } from '../../shared/drafting';
import type { Channel } from '../../shared/records';
import { changeBus } from '../changes/bus';
import { writtenLanguage } from '../customers/language';
import { checkDraft } from '../drafting/checks';
import { readCustomerRecords } from '../drafting/customer-records';
import { getShopFacts, shopName, writtenFacts } from '../drafting/facts';
import { fillTemplate, templateValues } from '../drafting/templates';
import { AppError } from '../errors';
import { defineJob } from '../jobs/job-kind';
import type { ModelServices } from '../models/service';
import { campaignSystem, customerPrompt, expectations, MESSAGE_MAX_TOKENS, type WrittenFact } from './campaign-prompt';
import { campaignRow, messageCounts } from './store';

export const CAMPAIGN_JOB_KIND = 'campaigns.draft' satisfies JobKindName;

export const campaignJobInput = z.object({
  campaignId: z.number().int().positive(),
  /** The campaign's name, for the job's title on the Jobs page. */
  name: z.string().max(120).optional(),
  /** Sequences working at once. */
  parallel: z.number().int().min(1).max(8).default(4),
  /** Messages per committed step (with a model; templates commit 25 at a time). */
  chunk: z.number().int().min(1).max(32).default(4),
});
const checkpoint = z.object({ done: z.number(), byModel: z.number(), byTemplate: z.number(), failed: z.number().default(0) });
type Checkpoint = z.infer<typeof checkpoint>;

const TEMPLATE_CHUNK = 25;

export interface CampaignJobResult {
  /** Messages this job wrote (by the model or a template). */
  drafted: number;
  byModel: number;
  byTemplate: number;
  /** Messages the model left empty: the template wrote them instead (counted in byTemplate too). */
  failed: number;
}

interface Pending {
  id: number;
  customerId: number;
  language: string;
  channel: Channel;
}

interface Drafted {
  id: number;
  body: string;
  madeBy: 'model' | 'template';
  checks: DraftCheck[];
}

/** One message's prompt, template and checks, all from the customer's records and the shop facts as they are now. */
function prepare(sqlite: Database.Database, c: { purpose: CampaignPurpose; tone: Tone; brief: string }, facts: WrittenFact[], m: Pending) {
  const records = readCustomerRecords(sqlite, m.customerId);
  if (!records) return null;
  const language = writtenLanguage(m.language);
  return {
    prompt: customerPrompt(records, language, m.channel),
    template: () => fillTemplate(c.purpose, language, c.tone, templateValues(records, language, c.tone, { shopName: shopName(facts), brief: c.brief })),
    expect: expectations(records, language, m.channel, c.brief, facts),
  };
}

export function campaignJob(models: ModelServices) {
  return defineJob({
    kind: CAMPAIGN_JOB_KIND,
    input: campaignJobInput,
    checkpoint,
    subject: (input) => input.name ?? null,
    async run(ctx): Promise<CampaignJobResult> {
      const { sqlite, signal } = ctx;
      const { campaignId, parallel } = ctx.input;
      let cp: Checkpoint = ctx.checkpoint ?? { done: 0, byModel: 0, byTemplate: 0, failed: 0 };
      const result = (): CampaignJobResult => ({ drafted: cp.byModel + cp.byTemplate, byModel: cp.byModel, byTemplate: cp.byTemplate, failed: cp.failed });
      const campaign = campaignRow(sqlite, campaignId);
      // Deleted while the job waited: nothing left to write.
      if (!campaign) return result();
      // The model is used when one is chosen; a chosen model that cannot load fails the job with its reason.
      const useModel = models.store.activeFile() !== null;
      if (useModel) await models.ensureReady();
      // The facts as the owner left them when the job (or its resume) started.
      const facts = writtenFacts(getShopFacts(ctx.db));
      const system = campaignSystem(campaign.purpose, campaign.tone, campaign.brief, facts);
      const chunk = useModel ? ctx.input.chunk : TEMPLATE_CHUNK;
      const next = sqlite.prepare(
        'SELECT id, customer_id AS customerId, language, channel FROM campaign_messages WHERE campaign_id = ? AND body IS NULL ORDER BY position LIMIT ?',
      );
      const store = sqlite.prepare("UPDATE campaign_messages SET body = ?, made_by = ?, checks = ?, updated_at = ? WHERE id = ? AND body IS NULL AND status <> 'exported'");
      const progress = () => messageCounts(sqlite, campaignId);
      let counts = progress();
      ctx.progress(counts.drafted, counts.total);

      for (;;) {
        const rows = next.all(campaignId, chunk) as Pending[];
        if (!rows.length) break;
        const prepared = rows.map((m) => prepare(sqlite, campaign, facts, m));
        const texts: (string | null)[] = rows.map(() => null);
        if (useModel) {
          const asked = prepared.flatMap((p, i) => (p ? [{ i, prompt: p.prompt }] : []));
          const out = await models.llm.batch(
            { system, prompts: asked.map((a) => a.prompt), maxTokens: MESSAGE_MAX_TOKENS, temperature: 0.7, parallel },
            { signal },
          );
          // A chunk cut short by cancel or shutdown is not committed: it is written again on resume.
          if (out.aborted || signal.aborted) throw new AppError('cancelled', 'The job was stopped.');
          for (const item of out.items) texts[asked[item.index].i] = item.text.trim() || null;
        }
        const drafted: Drafted[] = [];
        let byModel = 0;
        let byTemplate = 0;
        let failed = 0;
        rows.forEach((m, i) => {
          const p = prepared[i];
          if (!p) return;
          const text = texts[i];
          if (useModel && !text) failed++;
          const body = text ?? p.template();
          if (text) byModel++;
          else byTemplate++;
          drafted.push({ id: m.id, body, madeBy: text ? 'model' : 'template', checks: checkDraft(body, p.expect) });
        });
        // Read in the same tick as the messages, so never expected: stop rather than loop on them.
        if (!drafted.length) break;
        const after: Checkpoint = { done: cp.done + drafted.length, byModel: cp.byModel + byModel, byTemplate: cp.byTemplate + byTemplate, failed: cp.failed + failed };
        const now = Date.now();
        await ctx.step(
          () => {
            for (const d of drafted) store.run(d.body, d.madeBy, JSON.stringify(d.checks), now, d.id);
            // A message whose customer was deleted while the model wrote went with them (cascade);
            // one the owner wrote meanwhile keeps the owner's text (body IS NULL above).
            changeBus(sqlite).record('campaign', 'update', [campaignId]);
          },
          { checkpoint: after, done: counts.drafted + drafted.length, total: counts.total },
        );
        cp = after;
        counts = progress();
      }
      return result();
    },
  });
}
