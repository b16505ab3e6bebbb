import { z } from 'zod';
import { procedure, router } from '../trpc';
import { customerInput, idInput, listInput } from './schemas';
import { createCustomer, deleteCustomer, getCustomer, listCities, listCustomers, updateCustomer } from './service';

export const customersRouter = router({
  list: procedure.input(listInput).query(({ ctx, input }) => listCustomers(ctx.core.sqlite, input)),
  get: procedure.input(idInput).query(({ ctx, input }) => getCustomer(ctx.core.sqlite, input.id)),
  cities: procedure.query(({ ctx }) => listCities(ctx.core.sqlite)),
  create: procedure.input(customerInput).mutation(({ ctx, input }) => createCustomer(ctx.core.sqlite, input)),
  update: procedure
    .input(z.object({ id: z.number().int().positive(), data: customerInput }))
    .mutation(({ ctx, input }) => updateCustomer(ctx.core.sqlite, input.id, input.data)),
  delete: procedure.input(idInput).mutation(({ ctx, input }) => deleteCustomer(ctx.core.sqlite, input.id)),
});
