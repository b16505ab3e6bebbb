// The segments calls the UI makes: the overview, one customer's place, the recompute (reused when
// one is waiting), the analysis date, a person's names for segments and clusters, and naming the
// clusters with the local model (job 'segments.name', name-job.ts).
import { z } from 'zod';
import { SEGMENT_CODES } from '../../shared/segments';
import { changeBus } from '../changes/bus';
import { assertCustomer } from '../customers/write';
import { AppError } from '../errors';
import { modelMissing } from '../models/missing';
import { procedure, router } from '../trpc';
import { uiLanguage } from './stmts';
import { isDay, setAnalysisDate } from './analysis-date';
import { customerSegment, latestRunRow, SEGMENT_NAMES_KEY, segmentNames, segmentsOverview } from './queries';
import { startRecompute } from './recompute-job';

const name = z.string().trim().min(1).max(60);

export const segmentsRouter = router({
  overview: procedure.input(z.object({}).optional()).query(({ ctx }) => segmentsOverview(ctx.core.sqlite)),
  customer: procedure.input(z.object({ customerId: z.number().int().positive() })).query(({ ctx, input }) => {
    assertCustomer(ctx.core.sqlite, input.customerId);
    return customerSegment(ctx.core.sqlite, input.customerId);
  }),
  /** A recompute now; one already waiting to start is reused (a running one read older data). */
  recompute: procedure.input(z.object({}).optional()).mutation(({ ctx }) => ({ jobId: startRecompute(ctx.core.jobs, ctx.core.sqlite) })),
  setAnalysisDate: procedure
    .input(z.object({ date: z.string().refine(isDay, 'A date is written YYYY-MM-DD').nullable() }))
    .mutation(({ ctx, input }) => {
      const bus = changeBus(ctx.core.sqlite);
      bus.write(() => {
        setAnalysisDate(ctx.core.sqlite, input.date);
        bus.record('settings', 'update');
      });
      return { jobId: startRecompute(ctx.core.jobs, ctx.core.sqlite) };
    }),
  /** A person's name for a standard segment; null goes back to the standard name. */
  renameSegment: procedure.input(z.object({ code: z.enum(SEGMENT_CODES), name: name.nullable() })).mutation(({ ctx, input }) => {
    const { sqlite } = ctx.core;
    const bus = changeBus(sqlite);
    bus.write(() => {
      const names = segmentNames(sqlite);
      if (input.name === null) delete names[input.code];
      else names[input.code] = input.name;
      sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SEGMENT_NAMES_KEY, JSON.stringify(names));
      bus.record('segments', 'update');
    });
    return { code: input.code, name: input.name };
  }),
  /** A person's name (and sentence) for a cluster of the latest run; it carries over to the next runs. */
  renameCluster: procedure
    .input(z.object({ idx: z.number().int().positive(), name, description: z.string().trim().max(300).nullish() }))
    .mutation(({ ctx, input }) => {
      const { sqlite } = ctx.core;
      const run = latestRunRow(sqlite);
      const bus = changeBus(sqlite);
      const changed = bus.write(() => {
        if (!run) return 0;
        const language = uiLanguage(sqlite);
        const n = sqlite
          .prepare(`UPDATE clusters SET name = ?, description = coalesce(?, description), name_source = 'person', name_language = ? WHERE run_id = ? AND idx = ?`)
          .run(input.name, input.description === undefined ? null : input.description, language, run.id, input.idx).changes;
        if (input.description === null) sqlite.prepare('UPDATE clusters SET description = NULL WHERE run_id = ? AND idx = ?').run(run.id, input.idx);
        if (n) bus.record('segments', 'update');
        return n;
      });
      if (!changed) throw new AppError('not_found', `There is no cluster ${input.idx} in the latest analysis.`, 'idx', { id: input.idx });
      return { idx: input.idx, name: input.name };
    }),
  /** Names the clusters with the local model in `language` (job 'segments.name'). */
  nameWithModel: procedure.input(z.object({ language: z.enum(['en', 'zh']) })).mutation(({ ctx, input }) => {
    if (!ctx.core.models.status().activeFile) throw modelMissing();
    return { jobId: ctx.core.jobs.start('segments.name', input) };
  }),
});
