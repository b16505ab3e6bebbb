// Smart lists over RPC: the lists with their counts, the live count while a filter is edited,
// and the writes (service.ts). A filter is checked by the filter language (filter_invalid).
import { z } from 'zod';
import { filterSchema } from '../../shared/filters';
import { procedure, router } from '../trpc';
import { countFilter, createList, filterValue, getList, LIST_NAME_MAX, listLists, removeList, updateList } from './service';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(LIST_NAME_MAX);

export const listsRouter = router({
  all: procedure.query(({ ctx }) => listLists(ctx.core.sqlite)),
  get: procedure.input(z.object({ id })).query(({ ctx, input }) => getList(ctx.core.sqlite, input.id)),
  /** The live count, and the matching customers' summed predicted value (null before the first predictions run). */
  count: procedure.input(z.object({ filter: filterSchema })).query(({ ctx, input }) => ({
    count: countFilter(ctx.core.sqlite, input.filter),
    value: filterValue(ctx.core.sqlite, input.filter),
  })),
  create: procedure.input(z.object({ name, filter: filterSchema })).mutation(({ ctx, input }) => createList(ctx.core.sqlite, input)),
  update: procedure
    .input(z.object({ id, name: name.optional(), filter: filterSchema.optional() }))
    .mutation(({ ctx, input }) => updateList(ctx.core.sqlite, input)),
  remove: procedure.input(z.object({ id })).mutation(({ ctx, input }) => removeList(ctx.core.sqlite, input.id)),
});
