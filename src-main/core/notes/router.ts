import { z } from 'zod';
import { procedure, router } from '../trpc';
import { addNote, deleteNote, updateNote } from './service';

const body = z.string().trim().min(1, 'A note cannot be empty').max(10_000);

export const notesRouter = router({
  add: procedure
    .input(z.object({ customerId: z.number().int().positive(), body, createdAt: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) => addNote(ctx.core.db, input.customerId, input.body, input.createdAt)),
  update: procedure
    .input(z.object({ id: z.number().int().positive(), body }))
    .mutation(({ ctx, input }) => updateNote(ctx.core.db, input.id, input.body)),
  delete: procedure
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteNote(ctx.core.db, input.id)),
});
