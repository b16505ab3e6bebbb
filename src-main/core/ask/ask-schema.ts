// "Ask in words": the shape the model writes a filter in, and how its answer becomes a Filter.
//
// The grammar is made from the filter language itself (shared/filters.ts): one alternative per
// field type and operator group (and one per enum field, so its values are listed), so the model
// can only name real fields, the operators of their type, and values of the right form. Groups
// nest one level (a top group of conditions and sub-groups of conditions): enough for "in
// Shanghai or Beijing, and spent over 1000" and a grammar without recursion.
//
// The grammar is a guide, not the judge: the answer is read back through the filter wire shape
// and checkFilter, as any filter from outside is, so an answer that names an unknown field (a
// model run without the grammar, an older grammar) is refused with filter_invalid, never run.
import { z } from 'zod';
import { FILTER_FIELD_NAMES, FILTER_FIELDS, filterSchema, isGroup, type Filter, type FilterField, type FilterNode, type FilterType } from '../../shared/filters';
import { AppError } from '../errors';
import { assertFilter } from '../lists/filter-sql';

/** The most conditions the model may write in one group: a request in words is short. */
export const ASK_MAX_CONDITIONS = 8;

const fieldsOf = (...types: FilterType[]) => FILTER_FIELD_NAMES.filter((f) => types.includes(FILTER_FIELDS[f].type)) as [FilterField, ...FilterField[]];
const not = z.boolean();
const date = z.iso.date();

/** Every form a condition can take, each a closed object (field, op, value, not in that order). */
function conditionVariants() {
  const variants: z.ZodObject[] = [
    z.object({ field: z.enum(fieldsOf('text')), op: z.enum(['is', 'contains', 'starts_with']), value: z.string().min(1).max(80), not }),
    z.object({ field: z.enum(fieldsOf('number', 'money')), op: z.enum(['eq', 'gt', 'gte', 'lt', 'lte']), value: z.number(), not }),
    z.object({ field: z.enum(fieldsOf('number', 'money')), op: z.literal('between'), value: z.array(z.number()).length(2), not }),
    z.object({ field: z.enum(fieldsOf('date')), op: z.enum(['before', 'after']), value: date, not }),
    z.object({ field: z.enum(fieldsOf('date')), op: z.literal('between'), value: z.array(date).length(2), not }),
    z.object({ field: z.enum(fieldsOf('text', 'number', 'money', 'date')), op: z.literal('is_empty'), not }),
    z.object({ field: z.literal('tag'), op: z.literal('in'), value: z.array(z.string().min(1).max(40)).min(1).max(8), not }),
  ];
  for (const f of FILTER_FIELD_NAMES) {
    const def = FILTER_FIELDS[f] as { type: FilterType; values?: readonly string[] };
    if (def.type === 'enum' && def.values) {
      variants.push(z.object({ field: z.literal(f), op: z.literal('in'), value: z.array(z.enum(def.values as [string, ...string[]])).min(1).max(def.values.length), not }));
    }
  }
  return variants;
}

/** The model's answer: the grammar it writes under (see toGrammarSchema). */
export function askAnswerSchema() {
  const condition = z.union(conditionVariants() as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]);
  const group = z.object({ match: z.enum(['all', 'any']), not, conditions: z.array(condition).min(1).max(ASK_MAX_CONDITIONS) });
  return z.object({ match: z.enum(['all', 'any']), conditions: z.array(z.union([condition, group])).min(1).max(ASK_MAX_CONDITIONS) });
}

/** Drops what the model must write but a Filter leaves out: `not: false`, a null value. */
function tidy(node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const n = { ...(node as Record<string, unknown>) };
  if (n.not === false) delete n.not;
  if (n.value === null) delete n.value;
  if (Array.isArray(n.conditions)) n.conditions = n.conditions.map(tidy);
  return n;
}

/**
 * The model's answer text as a checked Filter. Not JSON, or not the shape of a filter:
 * model_output_invalid; a filter that names an unknown field, an operator its field does not
 * have or a value that does not fit: filter_invalid with the first problem.
 */
export function filterFromAnswer(text: string): Filter {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('model_output_invalid', `The model's answer is not complete JSON (it may have run out of tokens): ${text.slice(0, 120)}`, undefined, { detail: text.slice(0, 500) });
  }
  const wire = filterSchema.safeParse(tidy(raw));
  if (!wire.success) {
    const issue = wire.error.issues[0];
    const where = issue.path.join('.') || 'answer';
    throw new AppError('model_output_invalid', `The model's answer is not a filter (${where}: ${issue.message}).`, undefined, { detail: `${where}: ${issue.message}` });
  }
  assertFilter(wire.data);
  return wire.data;
}

const numberish = (f: string) => {
  const t = (FILTER_FIELDS as Record<string, { type: FilterType }>)[f]?.type;
  return t === 'number' || t === 'money';
};

/**
 * A canonical form for comparing filters (the eval's exact match): conditions of a group in a
 * fixed order, the values of an `in` list sorted, numbers as numbers, text trimmed, a group of
 * one un-negated condition and an un-negated sub-group with its parent's match folded into the
 * parent. Each step keeps the filter's meaning.
 */
export function normalizeFilter(filter: Filter): Filter {
  const node = (n: FilterNode): FilterNode => {
    if (isGroup(n)) {
      let conditions: FilterNode[] = [];
      for (const c of n.conditions.map(node)) {
        if (isGroup(c) && !c.not && (c.match === n.match || c.conditions.length === 1)) conditions.push(...c.conditions);
        else conditions.push(c);
      }
      conditions = conditions.map((c) => ({ c, key: JSON.stringify(c) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => x.c);
      // With one condition, all and any say the same.
      return { match: conditions.length === 1 ? 'all' : n.match, conditions, ...(n.not ? { not: true } : {}) };
    }
    let value = n.value;
    if (numberish(n.field)) {
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) value = Number(value);
      if (Array.isArray(value)) value = value.map((v) => (typeof v === 'string' && Number.isFinite(Number(v)) ? Number(v) : v)) as [number, number];
    } else if (typeof value === 'string') value = value.trim();
    if (n.op === 'in' && Array.isArray(value)) value = [...new Set((value as string[]).map((v) => v.trim()))].sort();
    return { field: n.field, op: n.op, ...(value === undefined ? {} : { value }), ...(n.not ? { not: true } : {}) };
  };
  const top = node(filter) as Filter;
  // A top group holding one sub-group and nothing else is that sub-group.
  if (!top.not && top.conditions.length === 1 && isGroup(top.conditions[0])) return top.conditions[0];
  return top;
}

/** Whether two filters say the same after normalising. */
export const sameFilter = (a: Filter, b: Filter): boolean => JSON.stringify(normalizeFilter(a)) === JSON.stringify(normalizeFilter(b));
