// Sentiment through the local model, as a model-lane job (modelled on ai/classify-job.ts): inbound
// messages, then reviews, oldest first, or one customer's; one shared system prompt, several
// sequences in parallel, answers under a JSON-schema grammar. Each chunk's rows (source 'model')
// commit with the checkpoint (the last id done per table), so a cancel or a restart mid-chunk
// redoes only that chunk. Items the model answered wrongly are counted, never guessed at.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import type { AspectMention, Sentiment } from '../../shared/sentiment';
import { changeBus } from '../changes/bus';
import { AppError } from '../errors';
import { defineJob } from '../jobs/job-kind';
import type { LlmRuntime } from '../llm/runtime';
import { generateObjects } from '../llm/structured';
import type { ModelServices } from '../models/service';
import { modelAnswer, sentimentPrompt, SENTIMENT_SYSTEM_PROMPT, type ModelAnswer } from './model-prompt';
import { recordText } from './analysed';
import { deleteRows, KIND_SQL, SentimentWriter, type RecordKind, type RecordRow } from './store';

export const MODEL_JOB_KIND = 'sentiment.model' satisfies JobKindName;

export const modelJobInput = z.object({
  /** Only this customer's messages and reviews; all when absent. */
  customerId: z.number().int().positive().optional(),
  /** Skip records the model has already scored. */
  onlyMissing: z.boolean().default(true),
  /** Sequences working at once. */
  parallel: z.number().int().min(1).max(8).default(4),
  /** Items per committed step. */
  chunk: z.number().int().min(1).max(64).default(8),
});
export type ModelJobInput = z.infer<typeof modelJobInput>;

const modelCheckpoint = z.object({
  lastId: z.object({ interaction: z.number(), feedback: z.number() }),
  scored: z.number(),
  failed: z.number(),
  tokens: z.number(),
  ms: z.number(),
  /** Items done in each run of the job (more than one after a restart). */
  passes: z.array(z.number()),
});
type Checkpoint = z.infer<typeof modelCheckpoint>;
const modelDetail = z.object({ scored: z.number(), failed: z.number() });

const KINDS: readonly RecordKind[] = ['interaction', 'feedback'];

/** The records the job works on, as `SELECT <what>` with parameters (afterId, [customerId]). */
function selection(kind: RecordKind, input: ModelJobInput, what: string): string {
  const k = KIND_SQL[kind];
  return `SELECT ${what} FROM ${k.table} r WHERE ${k.analysed} AND r.id > ?
    ${input.customerId === undefined ? '' : 'AND r.customer_id = ?'}
    ${input.onlyMissing ? `AND NOT EXISTS (SELECT 1 FROM sentiments m WHERE m.${k.fk} = r.id AND m.source = 'model')` : ''}`;
}

const params = (afterId: number, input: ModelJobInput) => (input.customerId === undefined ? [afterId] : [afterId, input.customerId]);

/** The model's answer as stored: each aspect once, scored ±1/0 by its polarity. */
export function answerToSentiment(a: ModelAnswer): Sentiment {
  const seen = new Set<string>();
  const aspects: AspectMention[] = [];
  for (const m of a.aspects) {
    if (seen.has(m.aspect)) continue;
    seen.add(m.aspect);
    aspects.push({ aspect: m.aspect, polarity: m.polarity, score: m.polarity === 'positive' ? 1 : m.polarity === 'negative' ? -1 : 0, words: [] });
  }
  return { label: a.label, score: a.score, aspects, words: [] };
}

function writeAnswers(sqlite: Database.Database, kind: RecordKind, rows: RecordRow[], answers: (ModelAnswer | null)[], version: string): void {
  const writer = new SentimentWriter(sqlite);
  const ids: number[] = [];
  const customerIds: number[] = [];
  // Read before the model ran, maybe inside an import's open transaction that rolled back since.
  const exists = sqlite.prepare(`SELECT 1 FROM ${KIND_SQL[kind].table} WHERE id = ?`).pluck();
  rows.forEach(([id, customerId, , , occurredAt], i) => {
    const a = answers[i];
    if (!a || exists.get(id) === undefined) return;
    deleteRows(sqlite, kind, id, 'model');
    writer.add({ kind, recordId: id, customerId, occurredAt, source: 'model', version, sentiment: answerToSentiment(a), reason: a.reason.trim() || null });
    ids.push(id);
    customerIds.push(customerId);
  });
  writer.flush();
  // The scored records' shown sentiment changed: pages showing them refresh.
  if (ids.length) changeBus(sqlite).record(kind, 'update', ids, customerIds);
}

/**
 * The model's answer for each text, in order (null where it answered wrongly): the job's one call
 * to the model, which the eval (`npm run eval -- sentiment --model`) measures as it is.
 */
export async function askModel(llm: LlmRuntime, texts: string[], opts: { parallel: number; signal?: AbortSignal }) {
  const prompts = texts.map(sentimentPrompt);
  const out = await generateObjects(llm, modelAnswer, { system: SENTIMENT_SYSTEM_PROMPT, prompts, parallel: opts.parallel, maxTokens: 256, signal: opts.signal });
  const answers = texts.map((_, i): ModelAnswer | null => {
    const o = out.items.find((item) => item.index === i);
    return o?.ok ? o.value : null;
  });
  return { answers, aborted: out.aborted, stats: out.stats };
}

export function sentimentModelJob(models: ModelServices) {
  return defineJob({
    kind: MODEL_JOB_KIND,
    input: modelJobInput,
    checkpoint: modelCheckpoint,
    detail: modelDetail,
    async run(ctx) {
      const { input, sqlite } = ctx;
      const loaded = await models.ensureReady();
      const version = basename(loaded.modelPath);
      const prev = ctx.checkpoint;
      let cp: Checkpoint = prev ? { ...prev, passes: [...prev.passes, 0] } : { lastId: { interaction: 0, feedback: 0 }, scored: 0, failed: 0, tokens: 0, ms: 0, passes: [0] };
      const doneOf = (c: Checkpoint) => c.scored + c.failed;
      const total = doneOf(cp) + KINDS.reduce((n, kind) => n + (sqlite.prepare(selection(kind, input, 'count(*)')).pluck().get(...params(cp.lastId[kind], input)) as number), 0);
      ctx.progress(doneOf(cp), total, { scored: cp.scored, failed: cp.failed });
      for (const kind of KINDS) {
        const next = sqlite.prepare(`${selection(kind, input, KIND_SQL[kind].columns)} ORDER BY r.id LIMIT ?`).raw();
        for (;;) {
          const rows = next.all(...params(cp.lastId[kind], input), input.chunk) as RecordRow[];
          if (!rows.length) break;
          const texts = rows.map(([, , subject, body]) => recordText(subject, body));
          const out = await askModel(models.llm, texts, { parallel: input.parallel, signal: ctx.signal });
          // A chunk cut short by cancel or shutdown is not committed: it is redone on resume.
          if (out.aborted || ctx.signal.aborted) throw new AppError('cancelled', 'The job was stopped.');
          const { answers } = out;
          const scored = answers.filter((a) => a !== null).length;
          const passes = [...cp.passes];
          passes[passes.length - 1] += rows.length;
          const after: Checkpoint = {
            lastId: { ...cp.lastId, [kind]: rows[rows.length - 1][0] },
            scored: cp.scored + scored,
            failed: cp.failed + rows.length - scored,
            tokens: cp.tokens + out.stats.tokens,
            ms: cp.ms + out.stats.ms,
            passes,
          };
          await ctx.step(() => writeAnswers(sqlite, kind, rows, answers, version), {
            checkpoint: after,
            done: doneOf(after),
            total: Math.max(total, doneOf(after)),
            detail: { scored: after.scored, failed: after.failed },
          });
          cp = after;
        }
      }
      const secs = Math.max(cp.ms, 1) / 1000;
      return { scored: cp.scored, failed: cp.failed, itemsPerSec: doneOf(cp) / secs, tokensPerSec: cp.tokens / secs, parallel: input.parallel, passes: cp.passes, model: version };
    },
  });
}
