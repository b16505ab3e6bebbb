import { z } from 'zod';
import { changeBus } from '../changes/bus';
import { procedure, router } from '../trpc';
import { getSetting, overview, setSetting } from './service';

const preferences = z.object({
  language: z.enum(['en', 'zh']).optional(),
  theme: z.enum(['light', 'dark', 'auto']).optional(),
});

export const appRouter = router({
  overview: procedure.query(({ ctx }) => overview(ctx.core.sqlite)),
  info: procedure.query(({ ctx }) => ({ dbFile: ctx.core.paths.dbFile, version: process.env.PATRON_VERSION ?? 'dev' })),
  preferences: procedure.query(({ ctx }) => getSetting(ctx.core.db, 'preferences', {} as z.infer<typeof preferences>)),
  setPreferences: procedure.input(preferences).mutation(({ ctx, input }) => {
    const next = { ...getSetting(ctx.core.db, 'preferences', {}), ...input };
    setSetting(ctx.core.db, 'preferences', next);
    // Said as a change: what the core words in the UI's language (rule-made segment names) follows.
    changeBus(ctx.core.sqlite).record('settings', 'update');
    return next;
  }),
});
