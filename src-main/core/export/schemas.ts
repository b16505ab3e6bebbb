// What can be exported, at the boundary (zod): which list with which filters, in which format,
// to which file.
import { z } from 'zod';
import { listInput } from '../customers/schemas';
import { CHANNELS, DIRECTIONS, FEEDBACK_KINDS, ORDER_STATUSES } from '../db/schema';

const id = z.number().int().positive();
const range = { from: z.number().int().optional(), to: z.number().int().optional() };

export const exportListSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('customers'),
    /** The customers list's own filters and sort (search, tagId, city, sort, dir). */
    filter: listInput.omit({ offset: true, limit: true }).prefault({}),
    /** A selection (or a segment's members): only these customers, in this order. */
    ids: z.array(id).max(1_000_000).optional(),
  }),
  z.object({ kind: z.literal('orders'), customerId: id.optional(), status: z.enum(ORDER_STATUSES).optional(), ...range }),
  /** One row per order line, with the same headers the order import reads. */
  z.object({ kind: z.literal('order_lines'), customerId: id.optional(), status: z.enum(ORDER_STATUSES).optional(), ...range }),
  z.object({
    kind: z.literal('messages'),
    customerId: id.optional(),
    channel: z.enum(CHANNELS).optional(),
    direction: z.enum(DIRECTIONS).optional(),
    handled: z.boolean().optional(),
    ...range,
  }),
  z.object({ kind: z.literal('feedback'), customerId: id.optional(), feedbackKind: z.enum(FEEDBACK_KINDS).optional(), ...range }),
  /** The rejected rows of an import job (what import.rejects pages through). */
  z.object({ kind: z.literal('rejects'), jobId: id }),
]);
export type ExportListSpec = z.infer<typeof exportListSpec>;

export const exportInput = z.object({
  list: exportListSpec,
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** Absolute path to write (from a save dialog). Default: a new file in dataDir/exports. */
  path: z.string().min(1).max(4096).optional(),
  /** The UI's language: headers, and the words for a rejected row's problem, are written in it. */
  language: z.enum(['en', 'zh']).default('en'),
});
export type ExportInput = z.infer<typeof exportInput>;
export type ExportInputRaw = z.input<typeof exportInput>;
