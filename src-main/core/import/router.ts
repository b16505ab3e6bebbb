// The import wizard's calls: fields → (upload) → inspect → preview → start (dry run, then the real
// run) → follow the job on jobs.events → rejects/merges pages; plus saved templates.
import { z } from 'zod';
import { procedure, router } from '../trpc';
import { readDetails, readRejects } from './details-files';
import { IMPORT_KINDS, KINDS } from './fields';
import { IMPORT_JOB_KIND } from './import-job';
import { inspectFile } from './inspect';
import { previewImport } from './preview';
import { importJobInput, importOptions, importRequest, mappingInput, sourceInput } from './schemas';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';
import { uploadChunk, uploadFinish, uploadStart } from './uploads';

const page = z.object({
  jobId: z.number().int().positive(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export const importRouter = router({
  /** Every kind's fields (key, English and Chinese label) and what must be mapped. */
  fields: procedure.query(() => KINDS),
  /** How the file will be read, its first rows, suggested kind/mapping/options, a fitting template. */
  inspect: procedure
    .input(sourceInput.extend({ sampleSize: z.number().int().min(1).max(200).default(20) }))
    .query(({ ctx, input }) => {
      const { sampleSize, ...source } = input;
      return inspectFile(ctx.core.db, source, sampleSize);
    }),
  /** The first rows as they will be stored, with what will happen to each (nothing is written). */
  preview: procedure
    .input(importRequest.extend({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => {
      const { limit, ...req } = input;
      return previewImport(ctx.core.sqlite, req, limit);
    }),
  /** Starts the import job (or, with dryRun, a full check that writes nothing); follow it on jobs.events. */
  start: procedure.input(importJobInput).mutation(({ ctx, input }) => ({ jobId: ctx.core.jobs.start(IMPORT_JOB_KIND, input) })),
  /** A page of a run's rejected rows: each with its line, column, problem (code and parameters) and the original cells. */
  rejects: procedure.input(page).query(({ ctx, input }) => readRejects(ctx.core.paths.dataDir, input.jobId, input.offset, input.limit)),
  /** A page of a run's merges: Line, Customer id, Customer, Matched by, Merged into, What changed. */
  merges: procedure.input(page).query(({ ctx, input }) => readDetails(ctx.core.paths.dataDir, input.jobId, 'merges', input.offset, input.limit)),
  /** Saved mappings, by name. */
  listTemplates: procedure.query(({ ctx }) => listTemplates(ctx.core.db)),
  /** Saves a mapping (by column index, with the file's headers) as a template; same name replaces. */
  saveTemplate: procedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'A template needs a name').max(100),
        kind: z.enum(IMPORT_KINDS),
        mapping: mappingInput,
        /** The file's headers, so the template remembers columns by name. */
        headers: z.array(z.string().max(500)).max(10_000),
        options: importOptions.partial().default({}),
      }),
    )
    .mutation(({ ctx, input }) => saveTemplate(ctx.core.db, input)),
  deleteTemplate: procedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => deleteTemplate(ctx.core.db, input.id)),
  /** Browser mode: send the file in base64 chunks (in order), then use the returned path. */
  uploadStart: procedure
    .input(z.object({ fileName: z.string().min(1).max(500), size: z.number().int().min(0) }))
    .mutation(({ ctx, input }) => uploadStart(ctx.core.paths.dataDir, input)),
  uploadChunk: procedure
    .input(z.object({ uploadId: z.string().max(64), offset: z.number().int().min(0), data: z.string().max(12 * 1024 * 1024) }))
    .mutation(({ ctx, input }) => uploadChunk(ctx.core.paths.dataDir, input)),
  uploadFinish: procedure.input(z.object({ uploadId: z.string().max(64) })).mutation(({ ctx, input }) => uploadFinish(ctx.core.paths.dataDir, input)),
});
