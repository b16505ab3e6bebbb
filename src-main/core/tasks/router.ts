import { z } from 'zod';
import { procedure, router } from '../trpc';
import { addTask, deleteTask, openTasks, restoreTask, setTaskDone } from './service';

const id = z.number().int().positive();
const title = z.string().trim().min(1, 'A task needs a title').max(500);

export const tasksRouter = router({
  add: procedure
    .input(z.object({ customerId: id, title, dueAt: z.number().int().nullish() }))
    .mutation(({ ctx, input }) => addTask(ctx.core.sqlite, input)),
  setDone: procedure.input(z.object({ id, done: z.boolean() })).mutation(({ ctx, input }) => setTaskDone(ctx.core.sqlite, input.id, input.done)),
  delete: procedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteTask(ctx.core.sqlite, input.id)),
  /** Undo of delete: the task deleteTask returned. */
  restore: procedure
    .input(
      z.object({ id, customerId: id, title, dueAt: z.number().int().nullable(), doneAt: z.number().int().nullable(), createdAt: z.number().int() }),
    )
    .mutation(({ ctx, input }) => restoreTask(ctx.core.sqlite, input)),
  open: procedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => openTasks(ctx.core.sqlite, input.limit)),
});
