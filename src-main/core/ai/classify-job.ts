// Bulk AI work as a job: label many texts with one of a few labels. The instruction is a shared
// system prompt (each sequence evaluates it once and reuses it), several sequences of the one
// context run in parallel, and each chunk of results commits with its checkpoint, so a restart
// continues without relabelling finished items and cancel stops the model mid-chunk.
// This generic job keeps its results in its checkpoint and result; features with a table of
// their own (sentiment) write there in the step's work function instead.
import { z } from 'zod';
import { AppError } from '../errors';
import type { JobKindName } from '../../shared/job-kinds';
import { defineJob } from '../jobs/job-kind';
import { generateObjects } from '../llm/structured';
import type { ModelServices } from '../models/service';

export const CLASSIFY_JOB_KIND = 'ai.classify' satisfies JobKindName;

export const classifyInput = z.object({
  instruction: z.string().trim().min(1).max(2000),
  labels: z
    .array(z.string().trim().min(1).max(40))
    .min(2)
    .max(20)
    .refine((l) => new Set(l).size === l.length, 'labels must be different from each other'),
  items: z.array(z.object({ key: z.string().min(1).max(100), text: z.string().min(1).max(4000) })).min(1).max(2000),
  /** Sequences working at once. */
  parallel: z.number().int().min(1).max(8).default(4),
  /** Items per committed step. */
  chunk: z.number().int().min(1).max(64).default(8),
});
export type ClassifyInput = z.infer<typeof classifyInput>;

const classifyResult = z.object({
  key: z.string(),
  label: z.string().nullable(),
  /** Why there is no label (the answer did not fit the labels). */
  error: z.string().optional(),
});
export type ClassifyResult = z.infer<typeof classifyResult>;

const classifyCheckpoint = z.object({
  next: z.number(),
  results: z.array(classifyResult),
  tokens: z.number(),
  promptTokens: z.number(),
  ms: z.number(),
  /** Items labelled in each run of the job (more than one after a restart). */
  passes: z.array(z.number()),
});
type Checkpoint = z.infer<typeof classifyCheckpoint>;

export function classifyJob(models: ModelServices) {
  return defineJob({
    kind: CLASSIFY_JOB_KIND,
    input: classifyInput,
    checkpoint: classifyCheckpoint,
    async run(ctx) {
      const { instruction, labels, items, parallel, chunk } = ctx.input;
      await models.ensureReady();
      const schema = z.object({ label: z.enum(labels as [string, ...string[]]) });
      const system = `${instruction}\nAnswer with JSON only: {"label": one of ${labels.map((l) => JSON.stringify(l)).join(', ')}}.`;
      const prev = ctx.checkpoint;
      let cp: Checkpoint = prev ? { ...prev, passes: [...prev.passes, 0] } : { next: 0, results: [], tokens: 0, promptTokens: 0, ms: 0, passes: [0] };
      ctx.progress(cp.next, items.length);
      while (cp.next < items.length) {
        const slice = items.slice(cp.next, cp.next + chunk);
        const out = await generateObjects(models.llm, schema, { system, prompts: slice.map((i) => i.text), parallel, maxTokens: 48, signal: ctx.signal });
        // A chunk cut short by cancel or shutdown is not committed: it is redone on resume.
        if (out.aborted || ctx.signal.aborted) throw new AppError('cancelled', 'The job was stopped.');
        const byIndex = new Map(out.items.map((i) => [i.index, i]));
        const results = slice.map((item, i): ClassifyResult => {
          const o = byIndex.get(i);
          return o?.ok ? { key: item.key, label: o.value.label } : { key: item.key, label: null, error: o && !o.ok ? o.error : 'no answer' };
        });
        const passes = [...cp.passes];
        passes[passes.length - 1] += slice.length;
        const next: Checkpoint = {
          next: cp.next + slice.length,
          results: [...cp.results, ...results],
          tokens: cp.tokens + out.stats.tokens,
          promptTokens: cp.promptTokens + out.stats.promptTokens,
          ms: cp.ms + out.stats.ms,
          passes,
        };
        await ctx.step(() => undefined, { checkpoint: next, done: next.next, total: items.length });
        cp = next;
      }
      const secs = Math.max(cp.ms, 1) / 1000;
      return {
        results: cp.results,
        labelled: cp.results.filter((r) => r.label !== null).length,
        itemsPerSec: items.length / secs,
        tokensPerSec: cp.tokens / secs,
        promptTokens: cp.promptTokens,
        parallel,
        passes: cp.passes,
      };
    },
  });
}
