// The model page's calls: catalog with what fits this machine, download source, downloads with
// progress/pause/resume/cancel, import of a local .gguf, activate, delete, and live status
// (GPU, layers offloaded, VRAM, tokens/s of the last run).
import { on } from 'node:events';
import { z } from 'zod';
import { getSetting } from '../app/service';
import { AppError } from '../errors';
import { procedure, router } from '../trpc';
import { ownerProcedure } from '../privacy/permissions';
import type { ModelEvent } from './service';
import { downloadSource } from './sources';

const file = z.object({ file: z.string().min(1).max(255).regex(/^[^/\\]+\.gguf$/, 'must be a .gguf file name') });

export const modelsRouter = router({
  /** The active model and the runtime: state, GPU, layers, VRAM, threads, last run's tokens/s. */
  status: procedure.query(({ ctx }) => ctx.core.models.status()),
  /** RAM, cores, the thread count used and the GPU node-llama-cpp finds (starts the model process once). */
  hardware: procedure.query(({ ctx }) => ctx.core.models.hardware()),
  /** Every catalog model with its fit ('gpu' | 'cpu' | 'too_big'), one recommended, installed or downloading. */
  catalog: procedure
    .input(z.object({ language: z.enum(['en', 'zh']).optional() }).optional())
    .query(({ ctx, input }) => {
      const language = input?.language ?? getSetting<{ language?: 'en' | 'zh' }>(ctx.core.db, 'preferences', {}).language ?? 'en';
      return ctx.core.models.catalog(language);
    }),
  /** Installed .gguf files with their header info, the check each passed, and which is active. */
  installed: procedure.query(({ ctx }) => ctx.core.models.store.list()),
  setSource: ownerProcedure('settings').input(z.object({ source: downloadSource })).mutation(({ ctx, input }) => {
    ctx.core.models.setSource(input.source);
    return { source: input.source };
  }),
  /** Starts (or resumes) downloading a catalog model; progress arrives on `events`. */
  download: ownerProcedure('settings')
    .input(z.object({ id: z.string().min(1).max(100), source: downloadSource.optional() }))
    .mutation(({ ctx, input }) => ctx.core.models.downloadCatalogModel(input.id, input.source)),
  /** Downloads a .gguf from a URL the person typed (a firm's own server). */
  downloadUrl: ownerProcedure('settings')
    .input(
      z.object({
        url: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http or https address'),
        file: file.shape.file,
        sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).transform((s) => s.toLowerCase()).optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.core.models.downloadUrl(input.url, input.file, input.sha256 ?? null)),
  downloads: procedure.query(({ ctx }) => ctx.core.models.downloads.list()),
  pauseDownload: ownerProcedure('settings').input(file).mutation(({ ctx, input }) => ctx.core.models.downloads.pause(input.file)),
  resumeDownload: ownerProcedure('settings').input(file).mutation(({ ctx, input }) => {
    const d = ctx.core.models.downloads.get(input.file);
    if (!d) throw new AppError('not_found', `No download of "${input.file}" to resume.`);
    return ctx.core.models.downloads.start(d);
  }),
  cancelDownload: ownerProcedure('settings').input(file).mutation(({ ctx, input }) => ctx.core.models.downloads.cancel(input.file)),
  dismissDownload: ownerProcedure('settings').input(file).mutation(({ ctx, input }) => ctx.core.models.downloads.dismiss(input.file)),
  /** Copies a local .gguf (USB stick) into the models folder after checking its header. */
  import: ownerProcedure('settings').input(z.object({ path: z.string().min(1).max(4096) })).mutation(({ ctx, input }) => ctx.core.models.importFile(input.path)),
  /** Makes a model the active one and loads it (resolves when loaded, or with the reason it could not be). */
  activate: ownerProcedure('settings').input(file).mutation(({ ctx, input }) => ctx.core.models.activate(input.file)),
  remove: ownerProcedure('settings').input(file).mutation(async ({ ctx, input }) => {
    await ctx.core.models.remove(input.file);
    return { removed: input.file };
  }),
  /** Runtime status changes and download progress (throttled), as they happen. */
  events: procedure.subscription(async function* ({ ctx, signal }) {
    for await (const [event] of on(ctx.core.models.events, 'event', { signal })) yield event as ModelEvent;
  }),
});
