import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

export const customerInput = z.object({
  name: z.string().trim().min(1, 'A name is required').max(200),
  email: z
    .string()
    .trim()
    .max(320)
    .refine((s) => s === '' || z.email().safeParse(s).success, 'Not a valid email address')
    .transform((s) => (s === '' ? null : s))
    .nullish(),
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((s) => s === '' || /^[+\d][\d\s\-().]{4,}$/.test(s), 'Not a valid phone number')
    .transform((s) => (s === '' ? null : s))
    .nullish(),
  company: optionalText(200),
  city: optionalText(100),
  country: optionalText(100),
  language: z.enum(['en', 'zh']).default('en'),
  consentEmail: z.boolean().default(false),
  consentSms: z.boolean().default(false),
  consentWechat: z.boolean().default(false),
});
export type CustomerInput = z.input<typeof customerInput>;

export const SORT_KEYS = ['name', 'createdAt', 'totalSpent', 'orderCount', 'lastOrderAt', 'city'] as const;

export const listInput = z.object({
  search: z.string().max(200).optional(),
  tagId: z.number().int().positive().optional(),
  city: z.string().max(100).optional(),
  sort: z.enum(SORT_KEYS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListInput = z.input<typeof listInput>;

export const idInput = z.object({ id: z.number().int().positive() });
