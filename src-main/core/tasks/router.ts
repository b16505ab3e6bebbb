import { z } from 'zod';
import { procedure, router } from '../trpc';
import { addTask, deleteTask, openTasks, setTaskDone } from './service';

export const tasksRouter = router({
  add: procedure
    .input(
      z.object({
        customerId: z.number().int().positive(),
        title: z.string().trim().min(1, 'A task needs a title').max(500),
        dueAt: z.number().int().nullish(),
      }),
    )
    .mutation(({ ctx, input }) => addTask(ctx.core.db, input)),
  setDone: procedure
    .input(z.object({ id: z.number().int().positive(), done: z.boolean() }))
    .mutation(({ ctx, input }) => setTaskDone(ctx.core.db, input.id, input.done)),
  delete: procedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => deleteTask(ctx.core.db, input.id)),
  open: procedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => openTasks(ctx.core.sqlite, input.limit)),
});
