// Export calls: start an export job (any list, CSV or XLSX, to a chosen path or into
// dataDir/exports), then, in browser mode, read the file's bytes to hand the browser a download.
import { z } from 'zod';
import { router } from '../trpc';
import { ownerProcedure } from '../privacy/permissions';
import { EXPORT_JOB_KIND } from './export-job';
import { deleteExport, exportFilePath, readExportChunk } from './files';
import { exportInput } from './schemas';

const fileName = z.string().min(1).max(300);

export const exportRouter = router({
  /** Starts the export job; its result (jobs.events / jobs.get) is {path, fileName, format, rows, bytes}. */
  start: ownerProcedure('export').input(exportInput).mutation(({ ctx, input }) => ({ jobId: ctx.core.jobs.start(EXPORT_JOB_KIND, input) })),
  /** Browser mode: a chunk of an export in dataDir/exports, base64. Read until done. */
  read: ownerProcedure('export')
    .input(z.object({ fileName, offset: z.number().int().min(0).default(0), length: z.number().int().min(1).max(8 * 1024 * 1024).default(4 * 1024 * 1024) }))
    .query(({ ctx, input }) => readExportChunk(ctx.core.paths.dataDir, input.fileName, input.offset, input.length)),
  /** Where an export in dataDir/exports is (for a download route or "show in folder"). */
  file: ownerProcedure('export').input(z.object({ fileName })).query(({ ctx, input }) => ({ path: exportFilePath(ctx.core.paths.dataDir, input.fileName) })),
  /** Removes an export from dataDir/exports once the browser has saved it. */
  delete: ownerProcedure('export').input(z.object({ fileName })).mutation(({ ctx, input }) => deleteExport(ctx.core.paths.dataDir, input.fileName)),
});
