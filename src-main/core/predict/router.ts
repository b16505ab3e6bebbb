// The prediction calls the UI makes: the overview, one customer's predictions and suggestions,
// the sales forecast, "who bought X also bought", the CLV settings (which start a new run) and a
// run now.
import { z } from 'zod';
import { CLV_HORIZON_RANGE, DISCOUNT_RATE_RANGE, FORECAST_PERIODS } from '../../shared/predictions';
import { changeBus } from '../changes/bus';
import { assertCustomer } from '../customers/write';
import { procedure, router } from '../trpc';
import { alsoBought, customerPrediction, predictionsOverview, salesForecast } from './queries';
import { startPredict } from './recompute-job';
import { savePredictionSettings } from './settings';

export const predictionsRouter = router({
  overview: procedure.input(z.object({}).optional()).query(({ ctx }) => predictionsOverview(ctx.core.sqlite)),
  customer: procedure.input(z.object({ customerId: z.number().int().positive() })).query(({ ctx, input }) => {
    assertCustomer(ctx.core.sqlite, input.customerId);
    return customerPrediction(ctx.core.sqlite, input.customerId);
  }),
  forecast: procedure.input(z.object({ period: z.enum(FORECAST_PERIODS) })).query(({ ctx, input }) => salesForecast(ctx.core.sqlite, input.period)),
  /** An item is a product id as text, or 'name:' + a line's product name (dashboard best sellers). */
  alsoBought: procedure.input(z.object({ item: z.string().min(1).max(300) })).query(({ ctx, input }) => alsoBought(ctx.core.sqlite, input.item)),
  recompute: procedure.input(z.object({}).optional()).mutation(({ ctx }) => ({ jobId: startPredict(ctx.core.jobs, ctx.core.sqlite) })),
  setSettings: procedure
    .input(
      z.object({
        horizonMonths: z.number().int().min(CLV_HORIZON_RANGE.min).max(CLV_HORIZON_RANGE.max),
        discountRate: z.number().min(DISCOUNT_RATE_RANGE.min).max(DISCOUNT_RATE_RANGE.max),
      }),
    )
    .mutation(({ ctx, input }) => {
      const bus = changeBus(ctx.core.sqlite);
      bus.write(() => {
        savePredictionSettings(ctx.core.sqlite, input);
        bus.record('settings', 'update');
      });
      return { jobId: startPredict(ctx.core.jobs, ctx.core.sqlite) };
    }),
});
