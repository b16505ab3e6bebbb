// Export as a job: progress and cancel like any long work, nothing written to the database, so
// there is nothing to roll back (a cancelled export removes its half-written file).
import { basename } from 'node:path';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { defineJob } from '../jobs/job-kind';
import { recordAudit } from '../privacy/audit-log';
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
      const result = await exportList(ctx.sqlite, dataDir, ctx.input, { signal: ctx.signal, progress: ctx.progress, unique: `-${ctx.jobId}` });
      // The file is written: the audit log keeps who took which list out, and how much of it.
      const { list } = ctx.input;
      recordAudit(ctx.sqlite, {
        action: 'export',
        recordType: list.kind,
        customerId: 'customerId' in list ? (list.customerId ?? null) : null,
        detail: { file: result.fileName, format: result.format, rows: result.rows },
      });
      return result;
    },
  });
}
