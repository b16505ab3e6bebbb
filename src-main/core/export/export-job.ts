// Export as a job: progress and cancel like any long work, nothing written to the database, so
// there is nothing to roll back (a cancelled export removes its half-written file).
import { basename } from 'node:path';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { defineJob } from '../jobs/job-kind';
import { exportList, type ExportResult } from './export-list';
import { exportInput } from './schemas';

export const EXPORT_JOB_KIND = 'export.list' satisfies JobKindName;

export function createExportJob(dataDir: string) {
  return defineJob({
    kind: EXPORT_JOB_KIND,
    input: exportInput,
    // Nothing is committed: a resumed export starts its file again.
    checkpoint: z.null(),
    subject: (input) => (input.path ? basename(input.path) : null),
    async run(ctx): Promise<ExportResult> {
      return exportList(ctx.sqlite, dataDir, ctx.input, { signal: ctx.signal, progress: ctx.progress, unique: `-${ctx.jobId}` });
    },
  });
}
