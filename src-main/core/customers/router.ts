import { z } from 'zod';
import { hideCustomer, hideCustomerRows } from '../privacy/private-fields';
import { procedure, router } from '../trpc';
import { customerInput, idInput, listInput } from './schemas';
import { createCustomer, deleteCustomer, getCustomer, listCities, listCustomers, updateCustomer } from './service';

export const customersRouter = router({
  // Fields the owner marked private come back null to staff (privacy/private-fields.ts).
  list: procedure.input(listInput).query(({ ctx, input }) => {
    const page = listCustomers(ctx.core.sqlite, input);
    return { ...page, rows: hideCustomerRows(ctx.core.sqlite, page.rows) };
  }),
  get: procedure.input(idInput).query(({ ctx, input }) => hideCustomer(ctx.core.sqlite, getCustomer(ctx.core.sqlite, input.id))),
  cities: procedure.query(({ ctx }) => listCities(ctx.core.sqlite)),
  create: procedure.input(customerInput).mutation(({ ctx, input }) => createCustomer(ctx.core.sqlite, input)),
  update: procedure
    .input(z.object({ id: z.number().int().positive(), data: customerInput }))
    .mutation(({ ctx, input }) => updateCustomer(ctx.core.sqlite, input.id, input.data)),
  delete: procedure.input(idInput).mutation(({ ctx, input }) => deleteCustomer(ctx.core.sqlite, input.id)),
});
