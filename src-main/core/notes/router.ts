import { z } from 'zod';
import { procedure, router } from '../trpc';
import { addNote, deleteNote, restoreNote, updateNote } from './service';

const body = z.string().trim().min(1, 'A note cannot be empty').max(10_000);
const id = z.number().int().positive();

export const notesRouter = router({
  add: procedure.input(z.object({ customerId: id, body })).mutation(({ ctx, input }) => addNote(ctx.core.sqlite, input.customerId, input.body)),
  update: procedure.input(z.object({ id, body })).mutation(({ ctx, input }) => updateNote(ctx.core.sqlite, input.id, input.body)),
  delete: procedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteNote(ctx.core.sqlite, input.id)),
  /** Undo of delete: the note deleteNote returned. */
  restore: procedure
    .input(z.object({ id, customerId: id, body, createdAt: z.number().int(), updatedAt: z.number().int().nullable() }))
    .mutation(({ ctx, input }) => restoreNote(ctx.core.sqlite, input)),
});
