// AI calls the UI makes: the model page's try-it box and the customer page's "Summarise", both
// streamed token by token (unsubscribing stops the model), and bulk labelling as a job.
// With no model installed every call fails with code 'model_missing' and a plain message.
import { z } from 'zod';
import { getSetting } from '../app/service';
import { procedure, router } from '../trpc';
import { CLASSIFY_JOB_KIND, classifyInput } from './classify-job';
import { streamGeneration } from './stream';
import { buildSummaryPrompt, type SummaryLanguage } from './summary-prompt';

const language = z.enum(['en', 'zh']).optional();
const uiLanguage = (db: Parameters<typeof getSetting>[0], l?: SummaryLanguage): SummaryLanguage =>
  l ?? getSetting<{ language?: SummaryLanguage }>(db, 'preferences', {}).language ?? 'en';

export const aiRouter = router({
  /** Try-it box: streams {started}, {token}..., {done} with tokens/s. */
  generate: procedure
    .input(
      z.object({
        prompt: z.string().trim().min(1).max(4000),
        system: z.string().max(2000).optional(),
        maxTokens: z.number().int().min(1).max(2048).default(256),
        temperature: z.number().min(0).max(2).default(0.7),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      yield* streamGeneration(ctx.core.models, { system: input.system, prompt: input.prompt, maxTokens: input.maxTokens, temperature: input.temperature }, signal);
    }),
  /** The prompt "Summarise" would send, for a preview or a test; bounded in size. */
  summaryPrompt: procedure
    .input(z.object({ customerId: z.number().int().positive(), language }))
    .query(({ ctx, input }) => buildSummaryPrompt(ctx.core.sqlite, input.customerId, uiLanguage(ctx.core.db, input.language))),
  /** "Summarise" on the customer page: a short summary in the UI language, streamed. */
  summarizeCustomer: procedure
    .input(z.object({ customerId: z.number().int().positive(), language, maxTokens: z.number().int().min(16).max(1024).default(320) }))
    .subscription(async function* ({ ctx, input, signal }) {
      // Built before the model loads so a missing customer fails at once with not_found.
      const p = buildSummaryPrompt(ctx.core.sqlite, input.customerId, uiLanguage(ctx.core.db, input.language));
      yield* streamGeneration(ctx.core.models, { system: p.system, prompt: p.prompt, maxTokens: input.maxTokens, temperature: 0.3 }, signal);
    }),
  /** Labels many texts as a job; progress and the result come through jobs.events / jobs.get. */
  classify: procedure.input(classifyInput).mutation(({ ctx, input }) => ({ jobId: ctx.core.jobs.start(CLASSIFY_JOB_KIND, input) })),
});
