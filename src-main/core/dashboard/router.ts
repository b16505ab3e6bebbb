// The dashboard's calls: revenue and customers over time, best sellers, customers needing attention
// and satisfaction. Segment mix and moves come from segments.overview.
import { z } from 'zod';
import { procedure, router } from '../trpc';
import { attentionOverview } from './attention';
import { productsOverview } from './products';
import { revenueOverview } from './revenue';
import { satisfactionOverview } from './satisfaction';

const YEAR = 366 * 86_400_000;
const bucket = z.enum(['week', 'month']);
// At most five years: the chart has ~260 weeks then, and the previous year doubles the reads.
const inRange = (r: { from: number; to: number }) => r.to > r.from && r.to - r.from <= 5 * YEAR;
const RANGE_MESSAGE = 'from must be before to, at most five years apart';

export const dashboardRouter = router({
  revenue: procedure
    .input(z.object({ bucket, from: z.number().int(), to: z.number().int() }).refine(inRange, RANGE_MESSAGE))
    .query(({ ctx, input }) => revenueOverview(ctx.core.sqlite, input)),
  products: procedure
    .input(z.object({ from: z.number().int(), to: z.number().int(), limit: z.number().int().min(1).max(100).default(10) }).refine(inRange, RANGE_MESSAGE))
    .query(({ ctx, input }) => productsOverview(ctx.core.sqlite, input)),
  attention: procedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(10) }))
    .query(({ ctx, input }) => attentionOverview(ctx.core.sqlite, input)),
  satisfaction: procedure
    .input(z.object({ bucket, from: z.number().int(), to: z.number().int() }).refine(inRange, RANGE_MESSAGE))
    .query(({ ctx, input }) => satisfactionOverview(ctx.core.sqlite, input)),
});
