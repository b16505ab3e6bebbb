// A customer's rights over the contract (issue 15, item 7): export everything held about one
// customer (right of access) and erase a customer (right to erasure). Both owner-only, checked in
// the core so staff cannot reach them through the contract directly either.
import { z } from 'zod';
import { router } from '../trpc';
import { exportCustomerData } from './customer-export';
import { eraseCustomer } from './erase-customer';
import { ownerProcedure } from './permissions';

const id = z.number().int().positive();

export const rightsRouter = router({
  /** One HTML file (with its data as JSON inside) in dataDir/exports; read it with export.read. */
  exportCustomer: ownerProcedure('export')
    .input(z.object({ customerId: id, language: z.enum(['en', 'zh']).default('en') }))
    .mutation(({ ctx, input }) => exportCustomerData(ctx.core.sqlite, ctx.core.paths.dataDir, input.customerId, input.language)),
  /** Erases the customer in one transaction; `keepOrders` keeps their orders as anonymised totals. */
  eraseCustomer: ownerProcedure('erase')
    .input(z.object({ customerId: id, keepOrders: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => eraseCustomer(ctx.core.sqlite, input.customerId, { keepOrders: input.keepOrders })),
});
