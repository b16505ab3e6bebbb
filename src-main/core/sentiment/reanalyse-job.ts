// Re-analysis as a job (write lane): every analysed record whose analyzer row is missing or from
// another ANALYZER_VERSION gets a fresh one, in committed chunks with the last id done per table as
// the checkpoint, so cancel keeps what is done and a restart continues where it stopped.
//
// The core starts this job by itself (startReanalysisIfStale, called from core.ts): an app update
// that changes the analyzer or its lexicons re-analyses every message and review with no one asking,
// and so does the first start after the sentiment tables were added to a database with data.
import type Database from 'better-sqlite3';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { getSetting, setSetting } from '../app/service';
import type { Db } from '../db/open';
import { jobs } from '../db/schema';
import { defineJob } from '../jobs/job-kind';
import type { JobRunner } from '../jobs/runner';
import { ANALYZER_VERSION, analyzeSentiment } from './analyzer';
import { anyStale, countStale, staleIds, staleRows } from './stale';
import { recordText } from './analysed';
import { rowDeleter, SentimentWriter, type RecordKind } from './store';

export const REANALYSE_JOB_KIND = 'sentiment.reanalyse' satisfies JobKindName;
/** Records per committed step (about a third of a second of work: cancel stays prompt). */
const CHUNK = 10_000;
/** Settings key: the analyzer version every record was last brought up to (see startReanalysisIfStale). */
const SETTING = 'sentiment';

const counts = z.object({ messages: z.number(), reviews: z.number() });
export type ReanalyseDetail = z.infer<typeof counts>;

const reanalyseCheckpoint = z.object({
  /** The last record id done in each table. */
  lastId: z.object({ interaction: z.number(), feedback: z.number() }),
  done: counts,
});
type Checkpoint = z.infer<typeof reanalyseCheckpoint>;

const KINDS: readonly RecordKind[] = ['interaction', 'feedback'];
const countKey = (kind: RecordKind) => (kind === 'interaction' ? 'messages' : 'reviews');

/** Rewrites the analyzer rows of the stale records of `kind` in (afterId, upToId]. */
function rewrite(sqlite: Database.Database, kind: RecordKind, afterId: number, upToId: number): void {
  const rows = staleRows(sqlite, kind, afterId, upToId);
  // Outdated rows go first (their aspects by cascade); a record analysed for the first time has none.
  const remove = rowDeleter(sqlite);
  for (const row of rows) if (row[5] !== null) remove(row[5]);
  const writer = new SentimentWriter(sqlite);
  for (const [id, customerId, subject, body, occurredAt] of rows) {
    writer.add({ kind, recordId: id, customerId, occurredAt, source: 'lexicon', version: ANALYZER_VERSION, sentiment: analyzeSentiment(recordText(subject, body)) });
  }
  writer.flush();
}

function markAnalysed(db: Db): void {
  setSetting(db, SETTING, { analyzedVersion: ANALYZER_VERSION });
}

export const reanalyseJob = defineJob({
  kind: REANALYSE_JOB_KIND,
  input: z.object({ chunk: z.number().int().min(100).max(100_000).default(CHUNK) }),
  checkpoint: reanalyseCheckpoint,
  detail: counts,
  async run(ctx) {
    const { sqlite } = ctx;
    let cp: Checkpoint = ctx.checkpoint ?? { lastId: { interaction: 0, feedback: 0 }, done: { messages: 0, reviews: 0 } };
    const doneOf = (c: Checkpoint) => c.done.messages + c.done.reviews;
    const total = doneOf(cp) + KINDS.reduce((n, kind) => n + countStale(sqlite, kind, cp.lastId[kind]), 0);
    ctx.progress(doneOf(cp), total, cp.done);
    for (const kind of KINDS) {
      for (;;) {
        // This lane runs one job at a time, so nothing else holds a transaction across these awaits;
        // the rows themselves are read inside the step, after any single write waiting before it.
        const ids = staleIds(sqlite, kind, cp.lastId[kind], ctx.input.chunk);
        if (!ids.length) break;
        const from = cp.lastId[kind];
        const upTo = ids[ids.length - 1];
        const next: Checkpoint = {
          lastId: { ...cp.lastId, [kind]: upTo },
          done: { ...cp.done, [countKey(kind)]: cp.done[countKey(kind)] + ids.length },
        };
        await ctx.step(() => rewrite(sqlite, kind, from, upTo), { checkpoint: next, done: doneOf(next), total: Math.max(total, doneOf(next)), detail: next.done });
        cp = next;
      }
    }
    await ctx.step(() => markAnalysed(ctx.db), { checkpoint: cp, done: doneOf(cp), total: Math.max(total, doneOf(cp)), detail: cp.done });
    return { ...cp.done, version: ANALYZER_VERSION };
  },
});

/**
 * At core start: queues the re-analysis when some record's analyzer row is missing or from another
 * version, unless one is queued or running already. The version every record was brought up to is
 * kept in the settings, so a start with nothing to do costs one lookup, not a pass over the tables.
 */
export function startReanalysisIfStale(runner: JobRunner, db: Db, sqlite: Database.Database, force = false): number | null {
  if (!force && getSetting<{ analyzedVersion?: string }>(db, SETTING, {}).analyzedVersion === ANALYZER_VERSION) return null;
  const active = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, REANALYSE_JOB_KIND), inArray(jobs.status, ['queued', 'running'])))
    .get();
  if (active) return null;
  if (!anyStale(sqlite)) {
    markAnalysed(db);
    return null;
  }
  return runner.start(REANALYSE_JOB_KIND, {});
}
