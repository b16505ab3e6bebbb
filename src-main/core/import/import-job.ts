// The import as a job: progress (rows, rows/s, time left) on jobs.events, cancel through the
// job's AbortSignal, one transaction for the whole file (run-import.ts). The job commits a
// "started" mark first; a job found with that mark after a restart was cut off by a crash or a
// quit, kept nothing, and fails with a clear message instead of running again by itself (a file
// that crashed the app would otherwise crash it on every start).
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { AppError } from '../errors';
import { defineJob } from '../jobs/job-kind';
import type { ImportSummary } from './importer';
import { warmUpCheckWorker } from './checked-rows';
import { inspectSource } from './read-source';
import { runImport } from './run-import';
import { importJobInput } from './schemas';

export const IMPORT_JOB_KIND = 'import.run' satisfies JobKindName;

/** Committed before the file's one transaction opens: found on resume, it means a crash cut the run off. */
const importCheckpoint = z.object({ started: z.boolean() });

/** Where a run keeps rejected.csv and merges.csv. */
export const runDir = (dataDir: string, jobId: number) => join(dataDir, 'imports', `job-${jobId}`);

export function createImportJob(dataDir: string) {
  return defineJob({
    kind: IMPORT_JOB_KIND,
    input: importJobInput,
    checkpoint: importCheckpoint,
    subject: (input) => (input.source.sheet ? `${basename(input.source.path)} · ${input.source.sheet}` : basename(input.source.path)),
    async run(ctx): Promise<ImportSummary> {
      if (ctx.checkpoint?.started) {
        throw new AppError(
          'import_interrupted',
          'This import was cut off (Patron closed or stopped) before it finished. Nothing from it was kept; start the import again.',
        );
      }
      warmUpCheckWorker(ctx.input.source.path);
      const layout = await inspectSource(ctx.input.source);
      await ctx.step(() => {}, { checkpoint: { started: true }, done: 0, total: layout.estimatedRows ?? 0 });
      // One transaction spans the whole file: no other write may slip into it.
      return ctx.exclusive(() =>
        runImport(ctx.sqlite, ctx.input, layout, {
          signal: ctx.signal,
          progress: ctx.progress,
          detailsDir: runDir(dataDir, ctx.jobId),
          dryRun: ctx.input.dryRun,
          beforeCommit: (rows) => ctx.step(() => {}, { checkpoint: { started: true }, done: rows, total: rows }),
        }),
      );
    },
    rollback({ jobId }) {
      // The transaction already rolled back; only the run's half-written files remain.
      rmSync(runDir(dataDir, jobId), { recursive: true, force: true });
    },
  });
}
