import { z } from 'zod';
import { isCurrencyCode, RATE_MAX, RATE_MIN } from '../../shared/currencies';
import { procedure, router } from '../trpc';
import { ownerProcedure } from '../privacy/permissions';
import { moneyOverview, setRate, setShopCurrency } from './service';

const currency = z.string().trim().toUpperCase().refine(isCurrencyCode, 'A currency is a three-letter code like CNY');

export const moneyRouter = router({
  /** Shop currency, rates, and the currencies orders are in. */
  overview: procedure.query(({ ctx }) => moneyOverview(ctx.core.sqlite)),
  setShopCurrency: ownerProcedure('settings').input(z.object({ currency })).mutation(({ ctx, input }) => setShopCurrency(ctx.core.sqlite, input.currency)),
  /** `rate`: shop-currency units for one unit of `currency`; null removes the rate. */
  setRate: ownerProcedure('settings')
    .input(z.object({ currency, rate: z.number().min(RATE_MIN).max(RATE_MAX).nullable() }))
    .mutation(({ ctx, input }) => setRate(ctx.core.sqlite, input.currency, input.rate)),
});
