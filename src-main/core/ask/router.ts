// "Ask in words" for the customers page: a request in English or Chinese in, a checked filter out
// (shown as editable chips before anything runs, never as SQL) with how many customers it holds.
// No model: model_missing, which the box words as what it needs. An answer that is not a valid
// filter: filter_invalid (or model_output_invalid when it is not a filter at all).
import { z } from 'zod';
import { countFilter } from '../lists/service';
import { modelMissing } from '../models/missing';
import { procedure, router } from '../trpc';
import { askOne, shopContext } from './ask';
import { MAX_REQUEST_CHARS } from './ask-prompt';

export const askRouter = router({
  filter: procedure
    .input(z.object({ text: z.string().trim().min(1).max(MAX_REQUEST_CHARS), language: z.enum(['en', 'zh']).optional() }))
    .mutation(async ({ ctx, input, signal }) => {
      const { models, sqlite } = ctx.core;
      if (!models.status().activeFile) throw modelMissing();
      await models.ensureReady();
      const filter = await askOne(models.llm, input.text, shopContext(sqlite), signal);
      // Counted as a smart list counts, as of the analysis date.
      return { filter, count: countFilter(sqlite, filter) };
    }),
});
