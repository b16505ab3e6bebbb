// The model names what the numbers found: a model-lane job that gives each cluster of the latest
// segment run a short name and a one-sentence description in the UI's language, from the
// cluster's profile only (name-prompt.ts), under a JSON-schema grammar. A cluster a person renamed
// keeps its name (checked again as each name is written, since they may rename it meanwhile); an
// answer the model got wrong leaves the rule-based name and is counted. One cluster per committed
// step, so progress is per cluster and a cancel or restart redoes at most the one in hand.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { changeBus } from '../changes/bus';
import { AppError } from '../errors';
import { defineJob } from '../jobs/job-kind';
import type { LlmRuntime } from '../llm/runtime';
import { generateObject } from '../llm/structured';
import type { ModelServices } from '../models/service';
import { shopCurrency } from '../money/settings';
import { firstSentence, fitName, nameAnswer, namePrompt, nameSystemPrompt, type ClusterFacts, type ClusterProfile, type NameLanguage } from './name-prompt';

export const NAME_JOB_KIND = 'segments.name' satisfies JobKindName;

export const nameJobInput = z.object({ language: z.enum(['en', 'zh']) });

const nameCheckpoint = z.object({
  runId: z.number().nullable(),
  /** Clusters (idx) finished, named or not. */
  done: z.array(z.number()),
  named: z.number(),
  failed: z.number(),
});
type Checkpoint = z.infer<typeof nameCheckpoint>;
const nameDetail = z.object({ named: z.number(), failed: z.number() });

interface ClusterRow {
  idx: number;
  size: number;
  revenueCents: number;
  profile: string;
  nameSource: 'rule' | 'model' | 'person';
}

/** The clusters of a run with their shares, in idx order. */
export function clusterFacts(sqlite: Database.Database, runId: number): (ClusterFacts & { nameSource: ClusterRow['nameSource'] })[] {
  const rows = sqlite
    .prepare('SELECT idx, size, revenue_cents AS revenueCents, profile, name_source AS nameSource FROM clusters WHERE run_id = ? ORDER BY idx')
    .all(runId) as ClusterRow[];
  const people = rows.reduce((a, r) => a + r.size, 0);
  const revenue = rows.reduce((a, r) => a + r.revenueCents, 0);
  return rows.map((r) => ({
    idx: r.idx,
    size: r.size,
    sizeShare: people ? r.size / people : 0,
    revenueShare: revenue ? r.revenueCents / revenue : 0,
    profile: JSON.parse(r.profile) as ClusterProfile,
    nameSource: r.nameSource,
  }));
}

/** One cluster's name and description from the model, fitted to their limits; null when the answer is unusable. */
export async function nameCluster(llm: LlmRuntime, facts: ClusterFacts, language: NameLanguage, currency: string, signal?: AbortSignal) {
  try {
    const { value } = await generateObject(llm, nameAnswer, { system: nameSystemPrompt(language), prompt: namePrompt(facts, currency), maxTokens: 160, signal });
    const name = fitName(value.name, language);
    const description = firstSentence(value.description);
    return name ? { name, description: description || null } : null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'model_output_invalid') return null;
    throw err;
  }
}

const latestRun = (sqlite: Database.Database) => (sqlite.prepare('SELECT max(id) FROM segment_runs').pluck().get() as number | null) ?? null;

export function segmentsNameJob(models: ModelServices) {
  return defineJob({
    kind: NAME_JOB_KIND,
    input: nameJobInput,
    checkpoint: nameCheckpoint,
    detail: nameDetail,
    async run(ctx) {
      const { sqlite, input } = ctx;
      const loaded = await models.ensureReady();
      const cp0 = ctx.checkpoint;
      let cp: Checkpoint = cp0 ?? { runId: latestRun(sqlite), done: [], named: 0, failed: 0 };
      const runId = cp.runId;
      const todo = runId === null ? [] : clusterFacts(sqlite, runId).filter((c) => c.nameSource !== 'person');
      const skipped = runId === null ? 0 : (sqlite.prepare("SELECT count(*) FROM clusters WHERE run_id = ? AND name_source = 'person'").pluck().get(runId) as number);
      const total = todo.length;
      const doneCount = () => cp.done.filter((idx) => todo.some((c) => c.idx === idx)).length;
      ctx.progress(doneCount(), total, { named: cp.named, failed: cp.failed });
      const currency = shopCurrency(sqlite);
      const write = sqlite.prepare("UPDATE clusters SET name = ?, description = ?, name_source = 'model', name_language = ? WHERE run_id = ? AND idx = ? AND name_source <> 'person'");
      for (const c of todo) {
        if (cp.done.includes(c.idx)) continue;
        const answer = await nameCluster(models.llm, c, input.language, currency, ctx.signal);
        if (ctx.signal.aborted) throw new AppError('cancelled', 'The job was stopped.');
        const next: Checkpoint = { runId, done: [...cp.done, c.idx], named: cp.named + (answer ? 1 : 0), failed: cp.failed + (answer ? 0 : 1) };
        await ctx.step(
          () => {
            if (!answer || runId === null) return;
            const changed = write.run(answer.name, answer.description, input.language, runId, c.idx).changes;
            if (changed) changeBus(sqlite).record('segments', 'update', [runId]);
          },
          { checkpoint: next, done: next.done.length, total: Math.max(total, next.done.length), detail: { named: next.named, failed: next.failed } },
        );
        cp = next;
      }
      return { runId, named: cp.named, failed: cp.failed, skipped, language: input.language, model: basename(loaded.modelPath) };
    },
  });
}
