import { z } from 'zod';
import { ASPECTS, FEELINGS } from '../../shared/sentiment';
import { filterSchema } from '../../shared/filters';
import { problemText } from '../../shared/problems';
import { problemIssue } from '../field-issues';
import { checkContact } from './valid';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

// The shape of the form's input. Whether an email or phone is one is decided by the one
// definition of a valid customer (valid.ts), which the import and the sample shop share. It is
// checked here too, beside the name, so a form hears of every wrong field at once (an empty
// name, a bad email and a bad phone in one answer), each with its problem code.
export const customerInput = z
  .object({
    name: z.string().trim().min(1, 'A name is required').max(200),
    email: optionalText(320),
    phone: optionalText(80),
    company: optionalText(200),
    city: optionalText(100),
    country: optionalText(100),
    /** Absent: guessed from the name (customers/language.ts). */
    language: z.enum(['en', 'zh']).nullish(),
    consentEmail: z.boolean().default(false),
    consentSms: z.boolean().default(false),
    consentWechat: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    const checked = checkContact(input);
    if (checked.ok) return;
    for (const issue of checked.issues) {
      // "No name, email or phone" is the empty name's issue, which the name reports already.
      if (issue.code === 'person_missing') continue;
      ctx.addIssue({ code: 'custom', path: [issue.field], message: problemText('en', issue), params: problemIssue(issue) });
    }
  });
export type CustomerInput = z.input<typeof customerInput>;

export const SORT_KEYS = ['name', 'createdAt', 'totalSpent', 'orderCount', 'lastOrderAt', 'city'] as const;

export const listInput = z.object({
  search: z.string().max(200).optional(),
  tagId: z.number().int().positive().optional(),
  city: z.string().max(100).optional(),
  /** Wrote something unhappy (or happy) lately, about `aspect` when given (list-query.ts). */
  feeling: z.enum(FEELINGS).optional(),
  aspect: z.enum(ASPECTS).optional(),
  /** A smart-list filter (shared/filters.ts), ANDed with the filters above. */
  filter: filterSchema.optional(),
  /** A saved smart list: its filter, ANDed with the filters above (not_found when there is none). */
  listId: z.number().int().positive().optional(),
  sort: z.enum(SORT_KEYS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListInput = z.input<typeof listInput>;

export const idInput = z.object({ id: z.number().int().positive() });
