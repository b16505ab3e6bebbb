// A filter condition as a phrase a person reads ("City is 上海", "Spent over ¥1,000", "超过90天没有
// 下单"), for the chips of the filter editor. Never the filter's JSON, never SQL: what the person
// (or the model, for "ask in words") asked for, in their language.
import type { TFunction } from 'i18next';
import { FILTER_FIELDS, FILTER_OPS, isGroup, type Filter, type FilterCondition, type FilterField, type FilterNode, type FilterType } from '../../../../../src-main/shared/filters';
import type { Language } from '../../../i18n';
import { formatDate, formatNumber } from '../../../lib/format';

/** i18next's t for keys built at run time (checked against the tables in en/lists.ts). */
type LooseT = (key: string, options?: Record<string, unknown>) => string;

export const fieldType = (field: FilterField): FilterType => FILTER_FIELDS[field].type;
export const opsOf = (field: FilterField): readonly string[] => FILTER_OPS[fieldType(field)];
export const enumValues = (field: FilterField): readonly string[] => ('values' in FILTER_FIELDS[field] ? (FILTER_FIELDS[field] as { values: readonly string[] }).values : []);

/** Fields grouped as the field picker shows them. */
export const FIELD_GROUPS: Record<'customer' | 'orders' | 'segments' | 'predictions' | 'feelings', FilterField[]> = {
  customer: ['name', 'city', 'country', 'tag', 'company', 'email', 'phone', 'language', 'source', 'customer_since'],
  orders: ['total_spent', 'order_count', 'avg_order_value', 'days_since_last_order', 'days_since_first_order', 'last_order_date'],
  segments: ['rfm_segment', 'cluster', 'r_score', 'f_score', 'm_score'],
  predictions: ['churn_risk', 'p_alive', 'clv'],
  feelings: ['feeling', 'complained_about'],
};

/** Whole shop-currency units as "¥1,000" (filters hold whole units, not cents). */
export function formatUnits(units: number, lang: Language, currency: string): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: Number.isInteger(units) ? 0 : 2,
    minimumFractionDigits: Number.isInteger(units) ? 0 : 2,
  }).format(units);
}

/** The name shown for one value of an enum or tags field. */
export function valueLabel(field: FilterField, value: string, t: TFunction, segmentNames?: Record<string, string | null>): string {
  const tt = t as unknown as LooseT;
  switch (field) {
    case 'rfm_segment':
      return segmentNames?.[value] || tt(`segments.names.${value}`, { defaultValue: value });
    case 'complained_about':
      return tt(`sentiment.aspects.${value}`, { defaultValue: value });
    case 'language':
    case 'source':
    case 'feeling':
      return tt(`lists.values.${field}.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

export interface DescribeContext {
  t: TFunction;
  lang: Language;
  currency: string;
  /** A segment's own name where the person renamed it (segments.overview customName). */
  segmentNames?: Record<string, string | null>;
}

function shown(type: FilterType, v: unknown, ctx: DescribeContext): string {
  if (type === 'money' && typeof v === 'number') return formatUnits(v, ctx.lang, ctx.currency);
  if (type === 'number' && typeof v === 'number') return formatNumber(v, ctx.lang, 2);
  if (type === 'date' && typeof v === 'string' && v) return formatDate(new Date(`${v}T00:00:00`).getTime(), ctx.lang);
  return v == null ? '' : String(v);
}

/** One condition as its chip's phrase. */
export function describeCondition(c: FilterCondition, ctx: DescribeContext): string {
  const tt = ctx.t as unknown as LooseT;
  const def = FILTER_FIELDS[c.field];
  if (!def) return `${c.field} ${c.op}`;
  const field = tt(`lists.fields.${c.field}`);
  const phraseKey = (suffix: string) => `lists.phrase.${c.field}.${suffix}`;
  const has = (key: string) => tt(key, { defaultValue: '' }) !== '';
  let phrase: string;
  if (c.op === 'in') {
    const list = Array.isArray(c.value) ? (c.value as string[]) : [];
    const values = list.map((v) => valueLabel(c.field, v, ctx.t, ctx.segmentNames)).join(tt('lists.chip.or'));
    const own = phraseKey(c.not ? 'inNot' : 'in');
    phrase = has(own) ? tt(own, { values }) : tt(c.not ? 'lists.chip.inNot' : 'lists.chip.in', { field, values });
    return phrase;
  }
  const args: Record<string, unknown> = { field };
  if (c.op === 'between' && Array.isArray(c.value)) {
    args.low = shown(def.type, c.value[0], ctx);
    args.high = shown(def.type, c.value[1], ctx);
  } else args.value = shown(def.type, c.value, ctx);
  if (def.type === 'text') {
    return tt(`lists.chip.${c.not ? 'textNot' : 'text'}.${c.op}`, args);
  }
  const own = phraseKey(c.op);
  if (has(own)) phrase = tt(own, args);
  else phrase = tt(`lists.chip.${def.type === 'date' ? 'date' : 'number'}.${c.op}`, args);
  return c.not ? tt('lists.chip.not', { phrase }) : phrase;
}

/** The whole filter in one line (for a list's tooltip): "City is 上海 and Spent over ¥1,000". */
export function describeFilter(f: Filter, ctx: DescribeContext): string {
  const tt = ctx.t as unknown as LooseT;
  const join = (node: FilterNode): string => {
    if (!isGroup(node)) return describeCondition(node, ctx);
    const parts = node.conditions.map((c) => (isGroup(c) ? `(${join(c)})` : join(c)));
    const s = parts.join(node.match === 'all' ? ' · ' : tt('lists.chip.or'));
    return node.not ? tt('lists.chip.not', { phrase: `(${s})` }) : s;
  };
  return join(f);
}

/** A sensible new condition on a field: its first operator and an empty-ish value. */
export function newCondition(field: FilterField, op?: string): FilterCondition {
  const type = fieldType(field);
  const chosen = op && (FILTER_OPS[type] as readonly string[]).includes(op) ? op : FILTER_OPS[type][0];
  return { field, op: chosen as FilterCondition['op'], value: defaultValue(type, chosen) };
}

export function defaultValue(type: FilterType, op: string): FilterCondition['value'] {
  if (op === 'is_empty') return undefined;
  if (op === 'in') return [];
  if (type === 'text') return '';
  if (type === 'date') {
    const today = new Date().toISOString().slice(0, 10);
    return op === 'between' ? [today, today] : today;
  }
  // A number is for the person to type: no made-up 0 ("Spent over ¥0") to overwrite.
  return undefined;
}
