// A smart-list filter (shared/filters.ts) as an SQL condition over customers aliased `c`, with
// every value bound as a parameter: the one translation behind a list's count, the customer list
// it opens as, and its export.
//
// Semantics:
// - `all` is AND, `any` is OR, `not` negates a condition or a group.
// - An empty group is no condition: it is left out of its parent, `not` of it included, and a
//   filter with no conditions at all lets everyone through. (An "any" of nothing is therefore not
//   "nobody": a group the person has just added and not filled in yet must not empty the list.)
// - Two-valued: every condition is written so it is 1 or 0, never NULL (a nullable column is
//   tested `x IS NOT NULL AND ...`), so a condition on a metric a customer lacks (no orders: no
//   "days since last order", no AOV; not yet scored: no RFM segment or cluster) is false and its
//   `not` true, and NOT can be put in front of anything as it is.
// - Text: `is`, `contains`, `starts_with` ignore case for Latin letters (SQLite's NOCASE and LIKE
//   fold ASCII only; Chinese has no case and matches exactly); the value is trimmed; % and _ in it
//   are literal. `is_empty` is NULL or blank.
// - Money is in whole shop-currency units (1000 = ¥1,000), the columns in cents.
// - total_spent and order_count are 0 for a customer with no orders, not missing; their
//   `is_empty` means "no paid order". avg_order_value is missing without a counted order.
// - Days since the last/first order are whole days to the analysis date (floor((asOf − t) / day),
//   asOf the end of that day, segments/analysis-date.ts), over the all-time order facts on
//   customers; each comparison is turned into a plain range on the timestamp (no per-row
//   arithmetic).
// - Speed (a list's count must take < 100 ms on 100,000 customers): a range on spend, orders or a
//   timestamp is written `+c.col` so SQLite does not use that column's index. SQLite cannot tell
//   how much of a range matches (no stat4), and counting 38,000 matches through an index costs a
//   row lookup each: 56 ms of CPU for "over 90 days and 3+ orders", against 14 ms for one scan of
//   the table. Equalities (city, segment, tag, cluster) keep their indexes: they are selective.
// - Dates are 'YYYY-MM-DD' UTC days: `before` d = earlier than that day, `after` d = later than
//   that day, `between` [a, b] includes both days.
// - rfm_segment, cluster, r/f/m_score come from customer_segments (the latest run). A customer
//   without a row is in none of them, except that a customer with no paid order and no row yet
//   (added since the last run) counts as 'no_orders', which is what the next run will say.
// - feeling / complained_about: the customers list's definition (customers/feeling-filter.ts),
//   over the FEELING_DAYS days up to the analysis date.
import { AppError } from '../errors';
import { checkFilter, FILTER_FIELDS, isGroup, type Filter, type FilterCondition, type FilterField, type FilterNode } from '../../shared/filters';
import { FEELING_DAYS, type Aspect, type Feeling } from '../../shared/sentiment';
import { NO_ORDERS } from '../../shared/segments';
import { feelingFilter } from '../customers/feeling-filter';

const DAY = 86_400_000;

export interface CompiledFilter {
  /** A condition over customers `c`: 1 or 0, never NULL. '1' for a filter with no conditions. */
  sql: string;
  params: unknown[];
}

export interface CompileOptions {
  /** End of the analysis day, epoch ms (exclusive): days since an order are counted to it. */
  asOf: number;
}

/** Throws filter_invalid, with the first problem's facts, unless the filter fits the language. */
export function assertFilter(filter: unknown): asserts filter is Filter {
  const problems = checkFilter(filter);
  if (!problems.length) return;
  const p = problems[0];
  const where = p.path ? ` at ${p.path}` : '';
  const what = p.field ? ` (field ${p.field}${p.op ? `, op ${p.op}` : ''})` : '';
  throw new AppError('filter_invalid', `The filter is not valid: ${p.reason.replace('_', ' ')}${where}${what}.`, undefined, {
    reason: p.reason,
    path: p.path,
    ...(p.field !== undefined ? { field: p.field } : {}),
    ...(p.op !== undefined ? { op: p.op } : {}),
  });
}

export function compileFilter(filter: unknown, options: CompileOptions): CompiledFilter {
  assertFilter(filter);
  const params: unknown[] = [];
  const sql = node(filter, params, options);
  // In brackets, so it can be ANDed with other conditions as it is.
  return { sql: sql === null ? '1' : `(${sql})`, params };
}

/** True when the filter has no condition anywhere (it lets everyone through). */
export function isEmptyFilter(filter: Filter): boolean {
  return filter.conditions.every((c) => isGroup(c) && isEmptyFilter(c));
}

/** A node's SQL, or null for an empty group (no condition). */
function node(n: FilterNode, params: unknown[], o: CompileOptions): string | null {
  let sql: string | null;
  if (isGroup(n)) {
    const parts = n.conditions.map((c) => node(c, params, o)).filter((s): s is string => s !== null);
    if (!parts.length) return null;
    sql = parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(n.match === 'all' ? ' AND ' : ' OR ');
  } else sql = condition(n, params, o);
  return n.not ? `NOT (${sql})` : sql;
}

// ---- conditions -------------------------------------------------------------------------------

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`);
const cents = (v: number) => Math.round(v * 100);

/** Text columns, as expressions over `c`. */
const TEXT: Partial<Record<FilterField, string>> = {
  name: 'c.name',
  email: 'c.email',
  phone: 'c.phone',
  company: '(SELECT co.name FROM companies co WHERE co.id = c.company_id)',
  city: 'c.city',
  country: 'c.country',
};

/** Columns of customer_segments the score fields read. */
const SEGMENT_COLUMN: Partial<Record<FilterField, string>> = { cluster: 'cluster', r_score: 'r', f_score: 'f', m_score: 'm' };

/** Spend per counted order, in cents; orders left out of the spend (no rate) are left out of the count. */
const AOV_SQL = 'c.total_spent_cents * 1.0 / (c.order_count - c.unconverted_orders)';
const HAS_AOV = 'c.order_count - c.unconverted_orders > 0';

function condition(c: FilterCondition, params: unknown[], o: CompileOptions): string {
  const bind = (...values: unknown[]) => {
    params.push(...values);
    return marks(values.length);
  };
  const field = c.field;
  const type = FILTER_FIELDS[field].type;
  const value = c.value;

  if (type === 'text') return textCondition(TEXT[field]!, field, c, params);

  switch (field) {
    case 'language':
    case 'source':
      return `c.${field} IN (${bind(...(value as string[]))})`;
    case 'tag': {
      // Tag names as the person or the model wrote them: "vip" finds the tag "VIP".
      const names = (value as string[]).map((v) => v.trim());
      return `c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE t.name COLLATE NOCASE IN (${bind(...names)}))`;
    }
    case 'total_spent':
      if (c.op === 'is_empty') return 'c.order_count = 0';
      return numeric('+c.total_spent_cents', c.op, scaled(value, cents), bind);
    case 'order_count':
      if (c.op === 'is_empty') return 'c.order_count = 0';
      return numeric('+c.order_count', c.op, value as number | [number, number], bind);
    case 'avg_order_value':
      if (c.op === 'is_empty') return `NOT (${HAS_AOV})`;
      return `${HAS_AOV} AND ${numeric(AOV_SQL, c.op, scaled(value, cents), bind)}`;
    case 'days_since_last_order':
      return daysSince('+c.last_order_at', c, o.asOf, bind);
    case 'days_since_first_order':
      return daysSince('+c.first_order_at', c, o.asOf, bind);
    case 'last_order_date':
      return dateCondition('+c.last_order_at', c, bind);
    case 'customer_since':
      return dateCondition('+c.created_at', c, bind);
    case 'rfm_segment': {
      const codes = value as string[];
      const scored = `c.id IN (SELECT cs.customer_id FROM customer_segments cs WHERE cs.segment IN (${bind(...codes)}))`;
      if (!codes.includes(NO_ORDERS)) return scored;
      return `${scored} OR (c.order_count = 0 AND NOT EXISTS (SELECT 1 FROM customer_segments cs WHERE cs.customer_id = c.id))`;
    }
    case 'cluster':
    case 'r_score':
    case 'f_score':
    case 'm_score': {
      const col = `cs.${SEGMENT_COLUMN[field]!}`;
      if (c.op === 'is_empty') return `c.id NOT IN (SELECT cs.customer_id FROM customer_segments cs WHERE ${col} IS NOT NULL)`;
      return `c.id IN (SELECT cs.customer_id FROM customer_segments cs WHERE ${col} IS NOT NULL AND ${numeric(col, c.op, value as number | [number, number], bind)})`;
    }
    case 'churn_risk':
    case 'p_alive':
    case 'clv': {
      // From the latest predictions run; customers it has not scored (no paid order) have none.
      const [col, v] = field === 'clv' ? ['cp.clv_cents', scaled(value, cents)] : [`cp.${field}`, scaled(value, (x) => x / 100)];
      if (c.op === 'is_empty') return `c.id NOT IN (SELECT cp.customer_id FROM customer_predictions cp)`;
      return `c.id IN (SELECT cp.customer_id FROM customer_predictions cp WHERE ${numeric(col, c.op, v, bind)})`;
    }
    case 'feeling':
    case 'complained_about': {
      const window = { since: o.asOf - FEELING_DAYS * DAY, until: o.asOf };
      const f =
        field === 'feeling' ? feelingFilter(value as Feeling[], undefined, window) : feelingFilter(['unhappy'], value as Aspect[], window);
      params.push(...f.params);
      return f.sql;
    }
  }
  // checkFilter has refused every other field; reaching here is a bug in this file.
  throw new Error(`No SQL for filter field ${field}`);
}

function scaled(value: FilterCondition['value'], f: (v: number) => number): number | [number, number] {
  return Array.isArray(value) ? [f(value[0] as number), f(value[1] as number)] : f(value as number);
}

/** A comparison of a NOT NULL expression (or one guarded against NULL before it). */
function numeric(expr: string, op: string, value: number | [number, number], bind: (...v: unknown[]) => string): string {
  switch (op) {
    case 'eq':
      return `${expr} = ${bind(value)}`;
    case 'gt':
      return `${expr} > ${bind(value)}`;
    case 'gte':
      return `${expr} >= ${bind(value)}`;
    case 'lt':
      return `${expr} < ${bind(value)}`;
    case 'lte':
      return `${expr} <= ${bind(value)}`;
    case 'between': {
      const [lo, hi] = value as [number, number];
      return `${expr} BETWEEN ${bind(lo)} AND ${bind(hi)}`;
    }
  }
  throw new Error(`No SQL for number op ${op}`);
}

function textCondition(expr: string, field: FilterField, c: FilterCondition, params: unknown[]): string {
  const bind = (v: unknown) => {
    params.push(v);
    return '?';
  };
  if (c.op === 'is_empty') return `coalesce(trim(${expr}), '') = ''`;
  const v = (c.value as string).trim();
  const test = (e: string, val: string) => {
    if (c.op === 'is') {
      // Exact (and through the column's index) when there is no Latin letter to fold.
      return /[A-Za-z]/.test(val) ? `${e} = ${bind(val)} COLLATE NOCASE` : `${e} = ${bind(val)}`;
    }
    const pattern = c.op === 'contains' ? `%${likeEscape(val)}%` : `${likeEscape(val)}%`;
    return `${e} LIKE ${bind(pattern)} ESCAPE '\\'`;
  };
  const direct = `${expr} IS NOT NULL AND ${test(expr, v)}`;
  // A phone is written many ways (+86 138 0013 8000, 13800138000): its digits match too.
  const digits = v.replace(/\D/g, '');
  if (field === 'phone' && digits) return `(${direct}) OR (c.phone_norm IS NOT NULL AND ${test('c.phone_norm', digits)})`;
  return direct;
}

/**
 * floor((asOf − t) / day) compared with a number, as a range on t:
 * days ≥ n ⇔ t ≤ asOf − n·day; days ≤ n ⇔ t > asOf − (n + 1)·day (n whole).
 */
function daysSince(col: string, c: FilterCondition, asOf: number, bind: (...v: unknown[]) => string): string {
  if (c.op === 'is_empty') return `${col} IS NULL`;
  const atLeast = (n: number) => `${col} <= ${bind(asOf - n * DAY)}`;
  const atMost = (n: number) => `${col} > ${bind(asOf - (n + 1) * DAY)}`;
  const v = c.value as number | [number, number];
  const guard = `${col} IS NOT NULL AND `;
  switch (c.op) {
    case 'eq':
      return Number.isInteger(v) ? `${guard}${atLeast(v as number)} AND ${atMost(v as number)}` : '0';
    case 'gt':
      return guard + atLeast(Math.floor(v as number) + 1);
    case 'gte':
      return guard + atLeast(Math.ceil(v as number));
    case 'lt':
      return guard + atMost(Math.ceil(v as number) - 1);
    case 'lte':
      return guard + atMost(Math.floor(v as number));
    case 'between': {
      const [lo, hi] = v as [number, number];
      return `${guard}${atLeast(Math.ceil(lo))} AND ${atMost(Math.floor(hi))}`;
    }
  }
  throw new Error(`No SQL for days op ${c.op}`);
}

/** A timestamp against UTC days. */
function dateCondition(col: string, c: FilterCondition, bind: (...v: unknown[]) => string): string {
  if (c.op === 'is_empty') return `${col} IS NULL`;
  const guard = `${col} IS NOT NULL AND `;
  switch (c.op) {
    case 'before':
      return `${guard}${col} < ${bind(dayStart(c.value as string))}`;
    case 'after':
      return `${guard}${col} >= ${bind(dayStart(c.value as string) + DAY)}`;
    case 'between': {
      const [a, b] = c.value as [string, string];
      return `${guard}${col} >= ${bind(dayStart(a))} AND ${col} < ${bind(dayStart(b) + DAY)}`;
    }
  }
  throw new Error(`No SQL for date op ${c.op}`);
}
