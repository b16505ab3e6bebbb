// The filter language as SQL (core/lists/filter-sql.ts) on a small hand-made shop whose answers
// are worked out by hand: and/or/not, nested and empty groups, Chinese and Latin text, customers
// without orders or scores (a condition on a missing metric is false, its `not` true), money in
// whole units, tags, RFM segments, dates against the pinned analysis date; and the refusals of a
// filter that does not fit the language.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { AppError } from '../../src-main/core/errors';
import { logInteraction } from '../../src-main/core/interactions/service';
import { compileFilter } from '../../src-main/core/lists/filter-sql';
import { analysisAsOf } from '../../src-main/core/segments/analysis-date';
import { tagCustomer } from '../../src-main/core/tags/service';
import { checkFilter, FILTER_FIELDS, FILTER_OPS, type Filter, type FilterCondition, type FilterField } from '../../src-main/shared/filters';
import { openCore, tempDir } from './temp-core';

const at = (iso: string) => Date.parse(`${iso}Z`);
// The analysis date: asOf is the end of 2024-06-30 (UTC), i.e. 2024-07-01T00:00Z.
const DATE = '2024-06-30';

interface Person {
  name: string;
  city?: string;
  email?: string;
  phone?: string;
  country?: string;
  spent?: number; // cents
  orders?: number;
  unconverted?: number;
  first?: string;
  last?: string;
  since: string;
  language?: 'en' | 'zh';
  tags?: string[];
  seg?: { segment: string; r: number | null; f: number | null; m: number | null; cluster: number | null };
}

const PEOPLE: Person[] = [
  // 10 days since the last order (2024-06-20 12:00 → floor(10.5) = 10); AOV 833.33.
  { name: '王芳', city: '上海', spent: 250_000, orders: 3, first: '2023-01-10T09:00', last: '2024-06-20T12:00', since: '2023-01-10T09:00', language: 'zh', tags: ['VIP'], seg: { segment: 'champions', r: 5, f: 4, m: 5, cluster: 1 } },
  // 150 days.
  { name: '王小明', city: '北京', email: 'wxm@example.com', spent: 80_000, orders: 1, first: '2024-02-01T10:00', last: '2024-02-01T10:00', since: '2024-01-05T00:00', language: 'zh', seg: { segment: 'at_risk', r: 1, f: 1, m: 3, cluster: 2 } },
  // 107 days; exactly ¥1,200.
  { name: 'Ann Lee', city: 'Shanghai', email: 'ANN@Example.com', phone: '+86 138 0013 8000', spent: 120_000, orders: 2, first: '2023-11-01T08:00', last: '2024-03-15T08:00', since: '2023-11-01T08:00', tags: ['wholesale', 'VIP'], seg: { segment: 'need_attention', r: 2, f: 3, m: 3, cluster: 2 } },
  // No orders, no score yet: counts as no_orders.
  { name: 'Bob 50% Off', since: '2024-06-01T00:00' },
  // No orders, scored as no_orders by the last run.
  { name: '李雷', city: '上海', since: '2022-05-05T00:00', language: 'zh', seg: { segment: 'no_orders', r: null, f: null, m: null, cluster: null } },
  // An order since the last run, no score yet: in no segment.
  { name: 'Carl New', city: 'Beijing', spent: 5_000, orders: 1, first: '2024-06-29T00:00', last: '2024-06-29T00:00', since: '2024-06-28T00:00' },
  // Orders only in a currency with no rate: no spend counted, so no average order value.
  { name: 'Dora Euro', country: 'France', orders: 2, unconverted: 2, first: '2021-01-01T00:00', last: '2021-03-01T00:00', since: '2020-12-01T00:00', seg: { segment: 'hibernating', r: 1, f: 2, m: 1, cluster: 3 } },
];

describe('smart-list filters as SQL', () => {
  const dir = tempDir();
  let core: Core;
  const ids: Record<string, number> = {};

  beforeAll(() => {
    core = openCore(dir, { noResume: true });
    const s = core.sqlite;
    s.prepare("INSERT INTO settings (key, value) VALUES ('analysisDate', ?)").run(JSON.stringify(DATE));
    for (const p of PEOPLE) {
      const id = createCustomer(s, { name: p.name, city: p.city, email: p.email, phone: p.phone, language: p.language ?? 'en', country: p.country }).id;
      ids[p.name] = id;
      // The order facts, as the write path would have left them (orders/metrics.ts).
      s.prepare(
        `UPDATE customers SET total_spent_cents = ?, order_count = ?, unconverted_orders = ?, first_order_at = ?, last_order_at = ?, created_at = ? WHERE id = ?`,
      ).run(p.spent ?? 0, p.orders ?? 0, p.unconverted ?? 0, p.first ? at(p.first) : null, p.last ? at(p.last) : null, at(p.since), id);
      for (const t of p.tags ?? []) tagCustomer(s, id, t);
    }
    // A run's rows, written as they are, after the customer writes (with a run, a customer write
    // rescores that customer: segments/update-one.ts).
    s.prepare(
      `INSERT INTO segment_runs (id, as_of, as_of_pinned, computed_at, customers, with_orders, orders, thresholds, model) VALUES (1, ?, 1, 0, 7, 4, 9, '{}', '{}')`,
    ).run(at('2024-07-01T00:00'));
    for (const p of PEOPLE) {
      if (!p.seg) continue;
      s.prepare('INSERT INTO customer_segments (customer_id, run_id, r, f, m, segment, cluster, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, 0)').run(
        ids[p.name],
        p.seg.r,
        p.seg.f,
        p.seg.m,
        p.seg.segment,
        p.seg.cluster,
      );
    }
    // Within the 90 days before the analysis date: unhappy about delivery; happy. Outside: unhappy.
    logInteraction(s, { customerId: ids['Ann Lee'], channel: 'email', direction: 'inbound', body: 'The delivery was two weeks late and nobody told me. Very disappointed.', occurredAt: at('2024-06-25T10:00') });
    logInteraction(s, { customerId: ids['王芳'], channel: 'email', direction: 'inbound', body: 'Lovely tea, great quality, thank you!', occurredAt: at('2024-06-10T10:00') });
    logInteraction(s, { customerId: ids['王小明'], channel: 'email', direction: 'inbound', body: 'Terrible service, the parcel arrived broken.', occurredAt: at('2024-01-10T10:00') });
  });
  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const asOf = () => analysisAsOf(core.sqlite).asOf;
  const who = (filter: Filter): string[] => {
    const { sql, params } = compileFilter(filter, { asOf: asOf() });
    return (core.sqlite.prepare(`SELECT c.name FROM customers c WHERE ${sql} ORDER BY c.name`).pluck().all(...params) as string[]).sort();
  };
  const all = (...conditions: Filter['conditions']): Filter => ({ match: 'all', conditions });
  const any = (...conditions: Filter['conditions']): Filter => ({ match: 'any', conditions });
  const c = (field: FilterField, op: FilterCondition['op'], value?: FilterCondition['value'], not?: boolean): FilterCondition => ({ field, op, value, ...(not ? { not } : {}) });
  const everyone = () => PEOPLE.map((p) => p.name).sort();
  const except = (...names: string[]) => everyone().filter((n) => !names.includes(n));

  it('reads the pinned analysis date: asOf is the end of that UTC day', () => {
    expect(analysisAsOf(core.sqlite)).toEqual({ asOf: at('2024-07-01T00:00'), pinned: true, date: DATE });
  });

  it('an empty filter, an empty "any" and an empty "not" group let everyone through', () => {
    expect(who(all())).toEqual(everyone());
    expect(who(any())).toEqual(everyone());
    expect(who({ match: 'any', not: true, conditions: [] })).toEqual(everyone());
    expect(who(all(c('city', 'is', '上海'), any()))).toEqual(['李雷', '王芳']);
    expect(compileFilter(all(all(), any()), { asOf: 0 })).toEqual({ sql: '1', params: [] });
  });

  it('Chinese text matches exactly, Latin text ignores case; % and _ are plain characters', () => {
    expect(who(all(c('city', 'is', '上海')))).toEqual(['李雷', '王芳']);
    expect(who(all(c('city', 'is', ' 上海 ')))).toEqual(['李雷', '王芳']);
    expect(who(all(c('city', 'is', 'shanghai')))).toEqual(['Ann Lee']);
    expect(who(all(c('name', 'contains', '王')))).toEqual(['王小明', '王芳']);
    expect(who(all(c('name', 'starts_with', '王小')))).toEqual(['王小明']);
    expect(who(all(c('email', 'contains', 'ann@example')))).toEqual(['Ann Lee']);
    expect(who(all(c('name', 'contains', '%')))).toEqual(['Bob 50% Off']);
    expect(who(all(c('name', 'contains', '_')))).toEqual([]);
    expect(who(all(c('name', 'starts_with', 'b')))).toEqual(['Bob 50% Off']);
    expect(who(all(c('country', 'is', 'france')))).toEqual(['Dora Euro']);
  });

  it('is_empty is NULL or blank; not of it is the rest', () => {
    expect(who(all(c('city', 'is_empty')))).toEqual(['Bob 50% Off', 'Dora Euro']);
    expect(who(all(c('city', 'is_empty', undefined, true)))).toEqual(except('Bob 50% Off', 'Dora Euro'));
    expect(who(all(c('company', 'is_empty')))).toEqual(everyone());
  });

  it('a phone matches as written or by its digits', () => {
    expect(who(all(c('phone', 'contains', '138 0013')))).toEqual(['Ann Lee']);
    expect(who(all(c('phone', 'contains', '13800138000')))).toEqual(['Ann Lee']);
  });

  it('a text condition on a missing value is false, and its not true', () => {
    // Who has no email is not "containing example", so "not containing" takes them in.
    expect(who(all(c('email', 'contains', 'example')))).toEqual(['Ann Lee', '王小明']);
    expect(who(all(c('email', 'contains', 'example', true)))).toEqual(except('Ann Lee', '王小明'));
  });

  it('days since the last order count whole days to the analysis date; no orders is false, its not true', () => {
    expect(who(all(c('days_since_last_order', 'gt', 90)))).toEqual(['Ann Lee', 'Dora Euro', '王小明']);
    // Bob and 李雷 have never ordered: "not more than 90 days" takes them in.
    expect(who(all(c('days_since_last_order', 'gt', 90, true)))).toEqual(['Bob 50% Off', 'Carl New', '李雷', '王芳']);
    expect(who(all(c('days_since_last_order', 'lte', 90)))).toEqual(['Carl New', '王芳']);
    // 2024-06-20 12:00 is 10.5 days before the end of 2024-06-30: 10 whole days.
    expect(who(all(c('days_since_last_order', 'eq', 10)))).toEqual(['王芳']);
    expect(who(all(c('days_since_last_order', 'gte', 10), c('days_since_last_order', 'lt', 11)))).toEqual(['王芳']);
    expect(who(all(c('days_since_last_order', 'gt', 10), c('days_since_last_order', 'lte', 107)))).toEqual(['Ann Lee']);
    expect(who(all(c('days_since_last_order', 'between', [107, 150])))).toEqual(['Ann Lee', '王小明']);
    expect(who(all(c('days_since_last_order', 'eq', 10.5)))).toEqual([]);
    // Carl ordered at the start of 2024-06-29: 2 whole days.
    expect(who(all(c('days_since_last_order', 'eq', 2)))).toEqual(['Carl New']);
    expect(who(all(c('days_since_last_order', 'is_empty')))).toEqual(['Bob 50% Off', '李雷']);
    expect(who(all(c('days_since_first_order', 'gt', 365)))).toEqual(['Dora Euro', '王芳']);
  });

  it('money is in whole shop-currency units', () => {
    expect(who(all(c('total_spent', 'gt', 1000)))).toEqual(['Ann Lee', '王芳']);
    expect(who(all(c('total_spent', 'gt', 1200)))).toEqual(['王芳']);
    expect(who(all(c('total_spent', 'gte', 1200)))).toEqual(['Ann Lee', '王芳']);
    expect(who(all(c('total_spent', 'eq', 800)))).toEqual(['王小明']);
    expect(who(all(c('total_spent', 'between', [50, 800])))).toEqual(['Carl New', '王小明']);
    // Nothing spent is a spend of 0, not a missing one.
    expect(who(all(c('total_spent', 'lt', 1)))).toEqual(['Bob 50% Off', 'Dora Euro', '李雷']);
    expect(who(all(c('total_spent', 'is_empty')))).toEqual(['Bob 50% Off', '李雷']);
    // AOV: 833.33, 800, 600, 50; none without a counted order.
    expect(who(all(c('avg_order_value', 'gte', 800)))).toEqual(['王小明', '王芳']);
    expect(who(all(c('avg_order_value', 'lt', 800)))).toEqual(['Ann Lee', 'Carl New']);
    expect(who(all(c('avg_order_value', 'lt', 800, true)))).toEqual(except('Ann Lee', 'Carl New'));
    expect(who(all(c('avg_order_value', 'is_empty')))).toEqual(['Bob 50% Off', 'Dora Euro', '李雷']);
    expect(who(all(c('order_count', 'eq', 0)))).toEqual(['Bob 50% Off', '李雷']);
    expect(who(all(c('order_count', 'gte', 2)))).toEqual(['Ann Lee', 'Dora Euro', '王芳']);
  });

  it('tags by name, ignoring Latin case; "in" is any of them', () => {
    expect(who(all(c('tag', 'in', ['vip'])))).toEqual(['Ann Lee', '王芳']);
    expect(who(all(c('tag', 'in', ['wholesale', 'nobody'])))).toEqual(['Ann Lee']);
    expect(who(all(c('tag', 'in', ['VIP'], true)))).toEqual(except('Ann Lee', '王芳'));
  });

  it('RFM segments, scores and clusters from the latest run; no score is false, its not true', () => {
    expect(who(all(c('rfm_segment', 'in', ['champions', 'at_risk'])))).toEqual(['王小明', '王芳']);
    expect(who(all(c('rfm_segment', 'in', ['champions', 'at_risk'], true)))).toEqual(except('王小明', '王芳'));
    // Scored no_orders (李雷), or no score and no order (Bob); not Carl, who has an order.
    expect(who(all(c('rfm_segment', 'in', ['no_orders'])))).toEqual(['Bob 50% Off', '李雷']);
    expect(who(all(c('rfm_segment', 'in', ['no_orders'], true)))).toEqual(except('Bob 50% Off', '李雷'));
    expect(who(all(c('r_score', 'gte', 4)))).toEqual(['王芳']);
    expect(who(all(c('r_score', 'gte', 4, true)))).toEqual(except('王芳'));
    expect(who(all(c('m_score', 'eq', 3)))).toEqual(['Ann Lee', '王小明']);
    expect(who(all(c('f_score', 'between', [2, 3])))).toEqual(['Ann Lee', 'Dora Euro']);
    expect(who(all(c('cluster', 'eq', 2)))).toEqual(['Ann Lee', '王小明']);
    expect(who(all(c('cluster', 'is_empty')))).toEqual(['Bob 50% Off', 'Carl New', '李雷']);
  });

  it('dates are UTC days: before, after (the day excluded) and between (both days included)', () => {
    expect(who(all(c('last_order_date', 'before', '2024-03-15')))).toEqual(['Dora Euro', '王小明']);
    expect(who(all(c('last_order_date', 'between', ['2024-03-15', '2024-03-15'])))).toEqual(['Ann Lee']);
    expect(who(all(c('last_order_date', 'after', '2024-03-15')))).toEqual(['Carl New', '王芳']);
    expect(who(all(c('last_order_date', 'after', '2024-03-14')))).toEqual(['Ann Lee', 'Carl New', '王芳']);
    expect(who(all(c('last_order_date', 'before', '2024-03-15', true)))).toEqual(except('Dora Euro', '王小明'));
    expect(who(all(c('customer_since', 'before', '2023-01-01')))).toEqual(['Dora Euro', '李雷']);
    expect(who(all(c('customer_since', 'between', ['2024-01-01', '2024-06-01'])))).toEqual(['Bob 50% Off', '王小明']);
  });

  it('language, source, feeling and complaints', () => {
    expect(who(all(c('language', 'in', ['zh'])))).toEqual(['李雷', '王小明', '王芳']);
    expect(who(all(c('source', 'in', ['manual'])))).toEqual(everyone());
    expect(who(all(c('feeling', 'in', ['unhappy'])))).toEqual(['Ann Lee']);
    expect(who(all(c('feeling', 'in', ['happy'])))).toEqual(['王芳']);
    expect(who(all(c('complained_about', 'in', ['delivery', 'price'])))).toEqual(['Ann Lee']);
    // 王小明 complained about service, but before the 90 days up to the analysis date.
    expect(who(all(c('complained_about', 'in', ['service'])))).toEqual([]);
    expect(who(all(c('feeling', 'in', ['unhappy'], true)))).toEqual(except('Ann Lee'));
  });

  it('all is AND, any is OR, not negates, groups nest', () => {
    expect(who(all(c('city', 'is', '上海'), c('total_spent', 'gt', 1000)))).toEqual(['王芳']);
    expect(who(any(c('city', 'is', '上海'), c('total_spent', 'gt', 1000)))).toEqual(['Ann Lee', '李雷', '王芳']);
    expect(who(all(c('city', 'is', '上海'), any(c('name', 'contains', '李'), c('total_spent', 'gt', 3000)), { match: 'all', conditions: [] }))).toEqual(['李雷']);
    expect(who(all(c('city', 'is', '上海'), { match: 'any', not: true, conditions: [c('name', 'contains', '李'), c('total_spent', 'gt', 3000)] }))).toEqual(['王芳']);
    // "Spent over 1000 and not bought in 90 days", the example, in a not-group: everyone else.
    const slipping = all(c('total_spent', 'gt', 1000), c('days_since_last_order', 'gt', 90));
    expect(who(slipping)).toEqual(['Ann Lee']);
    expect(who({ ...slipping, not: true })).toEqual(except('Ann Lee'));
    expect(who(all(all(any(c('city', 'is', '北京'), c('city', 'is', 'beijing')), c('order_count', 'gte', 1))))).toEqual(['Carl New', '王小明']);
  });

  it('every condition is 1 or 0, never NULL, on every customer: a negation is always the rest', () => {
    const sample: Record<string, FilterCondition['value']> = { text: 'a', number: 1, money: 1, date: '2024-01-01', between_date: ['2024-01-01', '2024-12-31'], between: [1, 5] };
    const enumValue = (f: FilterField) => [((FILTER_FIELDS[f] as { values?: readonly string[] }).values ?? ['VIP'])[0]];
    let checked = 0;
    for (const field of Object.keys(FILTER_FIELDS) as FilterField[]) {
      const type = FILTER_FIELDS[field].type;
      for (const op of FILTER_OPS[type]) {
        const value =
          op === 'is_empty' ? undefined : op === 'in' ? enumValue(field) : op === 'between' ? (type === 'date' ? sample.between_date : sample.between) : sample[type];
        const { sql, params } = compileFilter(all(c(field, op, value)), { asOf: asOf() });
        const nulls = core.sqlite.prepare(`SELECT count(*) FROM customers c WHERE (${sql}) IS NULL`).pluck().get(...params);
        expect(nulls, `${field} ${op}`).toBe(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('binds every value as a parameter, never in the SQL text', () => {
    const { sql, params } = compileFilter(all(c('name', 'contains', "'; DROP TABLE customers; --"), c('city', 'is', '上海')), { asOf: asOf() });
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('上海');
    expect(params).toContain('上海');
    expect(who(all(c('name', 'contains', "'; DROP TABLE customers; --")))).toEqual([]);
  });
});

describe('filter validation', () => {
  const problem = (filter: unknown) => {
    try {
      compileFilter(filter, { asOf: 0 });
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return { code: (err as AppError).code, params: (err as AppError).params, message: (err as AppError).message };
    }
    return null;
  };

  it('refuses an unknown field with its name (what a model might make up)', () => {
    const p = problem({ match: 'all', conditions: [{ field: 'city', op: 'is', value: '上海' }, { field: 'income', op: 'gt', value: 5 }] });
    expect(p).toMatchObject({ code: 'filter_invalid', params: { reason: 'unknown_field', field: 'income', path: 'conditions.1' } });
    expect(p?.message).toMatch(/income/);
  });

  it('refuses a wrong operator, a wrong value, too deep a nesting, and reports the first problem', () => {
    expect(problem({ match: 'all', conditions: [{ field: 'city', op: 'gt', value: 5 }] })).toMatchObject({ params: { reason: 'bad_op', field: 'city', op: 'gt' } });
    expect(problem({ match: 'all', conditions: [{ field: 'total_spent', op: 'gt', value: 'a lot' }] })).toMatchObject({ params: { reason: 'bad_value', field: 'total_spent', op: 'gt' } });
    expect(problem({ match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: ['whales'] }] })).toMatchObject({ params: { reason: 'bad_value', field: 'rfm_segment' } });
    expect(problem({ match: 'all', conditions: [{ field: 'last_order_date', op: 'before', value: '2024-13-45' }] })).toMatchObject({ params: { reason: 'bad_value' } });
    const deep = { match: 'all', conditions: [{ match: 'any', conditions: [{ match: 'all', conditions: [{ match: 'all', conditions: [] }] }] }] };
    expect(problem(deep)).toMatchObject({ code: 'filter_invalid', params: { reason: 'too_deep' } });
    expect(problem({ match: 'some', conditions: [] })).toMatchObject({ code: 'filter_invalid', params: { reason: 'bad_value' } });
    expect(problem({ match: 'all', conditions: [{ field: 'nope', op: 'is' }, { field: 'city', op: 'gt' }] })).toMatchObject({ params: { reason: 'unknown_field', field: 'nope' } });
  });
});

describe('dates in a filter are real calendar days', () => {
  it('refuses 31 February and 2026-13-01 rather than rolling them over', () => {
    const day = (value: string) => checkFilter({ match: 'all', conditions: [{ field: 'last_order_date', op: 'after', value }] });
    expect(day('2026-02-28')).toEqual([]);
    expect(day('2028-02-29')).toEqual([]);
    expect(day('2026-02-31')).toMatchObject([{ reason: 'bad_value', field: 'last_order_date' }]);
    expect(day('2026-13-01')).toMatchObject([{ reason: 'bad_value' }]);
  });
});
