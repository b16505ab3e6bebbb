// The filter language of smart lists and "ask in words": which customer fields and metrics a
// filter can test, with which operators, combined with all/any and not. One definition for the
// core (validation, SQL in core/lists/filter-sql.ts, the model's grammar) and the UI (chips, the
// filter editor). Pure: the renderer imports it.
//
// A filter is a group: `{match: 'all' | 'any', conditions: [...]}`; a condition is
// `{field, op, value?}`; a group or a condition may carry `not: true`. Groups nest at most
// MAX_FILTER_DEPTH deep. A condition on a metric a customer lacks (no orders, so no "days since
// last order"; not yet scored) is false, and `not` of it true: two-valued, never SQL's NULL.
import { z } from 'zod';
import { ASPECTS, FEELINGS } from './sentiment';
import { SEGMENT_CODES } from './segments';

export const FILTER_TYPES = ['text', 'number', 'money', 'date', 'enum', 'tags'] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

/** The operators of each type. `value` per operator: see FilterValue below. */
export const FILTER_OPS = {
  text: ['is', 'contains', 'starts_with', 'is_empty'],
  number: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  money: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty'],
  date: ['before', 'after', 'between', 'is_empty'],
  enum: ['in'],
  tags: ['in'],
} as const satisfies Record<FilterType, readonly string[]>;
export type FilterOp = (typeof FILTER_OPS)[FilterType][number];

/** Every field a filter can test. `values` lists an enum's allowed values. */
export const FILTER_FIELDS = {
  name: { type: 'text' },
  email: { type: 'text' },
  phone: { type: 'text' },
  company: { type: 'text' },
  city: { type: 'text' },
  country: { type: 'text' },
  language: { type: 'enum', values: ['en', 'zh'] },
  source: { type: 'enum', values: ['manual', 'sample', 'import'] },
  /** Tag names; `in` = has any of them. */
  tag: { type: 'tags' },
  /** Paid spend in the shop currency, in whole units (1000 = ¥1,000), not cents. */
  total_spent: { type: 'money' },
  order_count: { type: 'number' },
  /** Spend / paid orders, whole shop-currency units. */
  avg_order_value: { type: 'money' },
  /** Whole days from the last paid order to the analysis date. */
  days_since_last_order: { type: 'number' },
  /** Whole days from the first paid order to the analysis date (tenure). */
  days_since_first_order: { type: 'number' },
  /** Date of the last paid order, 'YYYY-MM-DD'. */
  last_order_date: { type: 'date' },
  /** The day the customer became one (customers.created_at), 'YYYY-MM-DD'. */
  customer_since: { type: 'date' },
  rfm_segment: { type: 'enum', values: SEGMENT_CODES },
  /** Cluster number (1-based) in the latest clustering. */
  cluster: { type: 'number' },
  r_score: { type: 'number' },
  f_score: { type: 'number' },
  m_score: { type: 'number' },
  /** Wrote something unhappy / happy in the last FEELING_DAYS days (the shown sentiment). */
  feeling: { type: 'enum', values: FEELINGS },
  /** Complained about a topic (a negative mention) in the last FEELING_DAYS days. */
  complained_about: { type: 'enum', values: ASPECTS },
  /** Churn risk in percent (0–100) from the latest predictions run. */
  churn_risk: { type: 'number' },
  /** Chance the customer is still a customer (BG/NBD P(alive)), percent 0–100. */
  p_alive: { type: 'number' },
  /** Predicted customer lifetime value over the chosen horizon, whole shop-currency units. */
  clv: { type: 'money' },
} as const satisfies Record<string, { type: FilterType; values?: readonly string[] }>;
export type FilterField = keyof typeof FILTER_FIELDS;
export const FILTER_FIELD_NAMES = Object.keys(FILTER_FIELDS) as FilterField[];

export const MAX_FILTER_DEPTH = 3;
export const MAX_CONDITIONS = 50;

/**
 * The value each operator takes: none for is_empty; a string for text ops; a number for
 * number/money comparisons; [low, high] inclusive for between (numbers, or 'YYYY-MM-DD' dates);
 * 'YYYY-MM-DD' for before/after; a non-empty string list for in.
 */
export type FilterValue = string | number | [number, number] | [string, string] | string[];

export interface FilterCondition {
  field: FilterField;
  op: FilterOp;
  value?: FilterValue;
  not?: boolean;
}

export interface FilterGroup {
  match: 'all' | 'any';
  conditions: (FilterCondition | FilterGroup)[];
  not?: boolean;
}

export type Filter = FilterGroup;
export type FilterNode = FilterCondition | FilterGroup;

export const isGroup = (node: FilterNode): node is FilterGroup => 'match' in node;

/** Why a filter was refused (problem code filter_invalid). */
export type FilterInvalidReason = 'unknown_field' | 'bad_op' | 'bad_value' | 'too_deep' | 'too_many';

export interface FilterProblem {
  reason: FilterInvalidReason;
  /** Where in the filter: 'conditions.1.conditions.0'. */
  path: string;
  field?: string;
  op?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day: '2026-02-31' is refused, not rolled over to March. */
function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
}
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function valueFits(type: FilterType, op: string, value: unknown, values?: readonly string[]): boolean {
  if (op === 'is_empty') return value === undefined || value === null;
  if (op === 'in') return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '' && (!values || values.includes(v)));
  if (type === 'text') return typeof value === 'string' && value.trim() !== '';
  if (type === 'date') {
    if (op === 'between') return Array.isArray(value) && value.length === 2 && isDate(value[0]) && isDate(value[1]) && value[0] <= value[1];
    return isDate(value);
  }
  if (op === 'between') return Array.isArray(value) && value.length === 2 && isNum(value[0]) && isNum(value[1]) && value[0] <= value[1];
  return isNum(value);
}

/** Every problem of a filter (empty when it is valid). A filter is data from the UI or a model: trust nothing. */
export function checkFilter(filter: unknown): FilterProblem[] {
  const problems: FilterProblem[] = [];
  let count = 0;
  const visit = (node: unknown, path: string, depth: number): void => {
    if (!node || typeof node !== 'object') return void problems.push({ reason: 'bad_value', path });
    const n = node as Record<string, unknown>;
    if ('match' in n) {
      if (depth > MAX_FILTER_DEPTH) return void problems.push({ reason: 'too_deep', path });
      if ((n.match !== 'all' && n.match !== 'any') || !Array.isArray(n.conditions)) return void problems.push({ reason: 'bad_value', path });
      n.conditions.forEach((c, i) => visit(c, `${path ? `${path}.` : ''}conditions.${i}`, depth + 1));
      return;
    }
    if (++count > MAX_CONDITIONS) return void problems.push({ reason: 'too_many', path });
    const field = String(n.field);
    const def = (FILTER_FIELDS as Record<string, { type: FilterType; values?: readonly string[] }>)[field];
    if (!def) return void problems.push({ reason: 'unknown_field', path, field });
    const op = String(n.op);
    if (!(FILTER_OPS[def.type] as readonly string[]).includes(op)) return void problems.push({ reason: 'bad_op', path, field, op });
    if (!valueFits(def.type, op, n.value, def.values)) problems.push({ reason: 'bad_value', path, field, op });
  };
  visit(filter, '', 1);
  return problems;
}

/** The wire shape; checkFilter (run by the core on every filter it is given) judges the sense. */
export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.object({
    match: z.enum(['all', 'any']),
    not: z.boolean().optional(),
    conditions: z.array(z.union([filterSchema, conditionSchema])).max(MAX_CONDITIONS),
  }),
) as z.ZodType<Filter>;

const conditionSchema = z.object({
  field: z.string(),
  op: z.string(),
  value: z.union([z.string(), z.number(), z.array(z.string()), z.tuple([z.number(), z.number()])]).optional(),
  not: z.boolean().optional(),
}) as unknown as z.ZodType<FilterCondition>;

/** The filter that lets everyone through: an empty "all". */
export const EMPTY_FILTER: Filter = { match: 'all', conditions: [] };
