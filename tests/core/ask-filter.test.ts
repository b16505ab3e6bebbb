// "Ask in words" without a model: an answer is read back as a filter and refused with a clear
// error when it names an unknown field or misuses an operator; the grammar can express every
// expected filter of the eval's fixed set, and those filters are valid; the eval's normalising
// comparison ignores only what does not change a filter's meaning; the prompt says what it must.
import { describe, expect, it } from 'vitest';
import { askGrammar } from '../../src-main/core/ask/ask';
import { askSystemPrompt } from '../../src-main/core/ask/ask-prompt';
import { askAnswerSchema, filterFromAnswer, normalizeFilter, sameFilter } from '../../src-main/core/ask/ask-schema';
import { AppError } from '../../src-main/core/errors';
import { checkFilter, isGroup, type Filter, type FilterNode } from '../../src-main/shared/filters';
import { scoreAsk } from '../eval/lib/ask-eval';
import { ASK_CASES, EVAL_CONTEXT } from '../eval/lib/ask-requests';

const refusal = (text: string) => {
  try {
    filterFromAnswer(text);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).toShape();
  }
  throw new Error('the answer was accepted');
};

/** A filter as the model writes it under the grammar: every node says `not`. */
const asAnswer = (node: FilterNode): unknown =>
  isGroup(node) ? { match: node.match, not: !!node.not, conditions: node.conditions.map(asAnswer) } : { field: node.field, op: node.op, ...(node.value === undefined ? {} : { value: node.value }), not: !!node.not };
const topAnswer = (f: Filter) => {
  const { not: _not, ...rest } = asAnswer(f) as { not: boolean; match: string; conditions: unknown[] };
  return rest;
};

describe('an answer from the model, read back as a filter', () => {
  it('refuses an unknown field with filter_invalid naming the field and where it is', () => {
    const shape = refusal(JSON.stringify({ match: 'all', conditions: [{ field: 'city', op: 'is', value: '上海', not: false }, { field: 'shoe_size', op: 'gt', value: 42, not: false }] }));
    expect(shape).toMatchObject({ code: 'filter_invalid', params: { reason: 'unknown_field', field: 'shoe_size', path: 'conditions.1' } });
    expect(shape.message).toContain('shoe_size');
  });

  it('refuses an unknown field inside a group, an operator its field lacks and a value that does not fit', () => {
    expect(refusal(JSON.stringify({ match: 'all', conditions: [{ match: 'any', not: false, conditions: [{ field: 'vip_level', op: 'in', value: ['gold'], not: false }] }] }))).toMatchObject({
      code: 'filter_invalid',
      params: { reason: 'unknown_field', field: 'vip_level', path: 'conditions.0.conditions.0' },
    });
    expect(refusal(JSON.stringify({ match: 'all', conditions: [{ field: 'city', op: 'gt', value: 3, not: false }] }))).toMatchObject({ code: 'filter_invalid', params: { reason: 'bad_op', field: 'city', op: 'gt' } });
    expect(refusal(JSON.stringify({ match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: ['vip'], not: false }] }))).toMatchObject({ code: 'filter_invalid', params: { reason: 'bad_value', field: 'rfm_segment' } });
    expect(refusal(JSON.stringify({ match: 'all', conditions: [{ field: 'total_spent', op: 'between', value: [2000, 500], not: false }] }))).toMatchObject({ code: 'filter_invalid', params: { reason: 'bad_value' } });
  });

  it('refuses an answer that is not JSON, or not a filter, as model_output_invalid', () => {
    expect(refusal('{"match":"all","conditions":[{"field":"city"')).toMatchObject({ code: 'model_output_invalid' });
    expect(refusal('{"match":"some","conditions":[]}')).toMatchObject({ code: 'model_output_invalid' });
  });

  it('takes a good answer, dropping not:false and a null value', () => {
    const f = filterFromAnswer(JSON.stringify({ match: 'all', conditions: [{ field: 'email', op: 'is_empty', value: null, not: false }, { field: 'tag', op: 'in', value: ['VIP'], not: true }] }));
    expect(f).toEqual({ match: 'all', conditions: [{ field: 'email', op: 'is_empty' }, { field: 'tag', op: 'in', value: ['VIP'], not: true }] });
  });
});

describe('the fixed requests of the ask eval', () => {
  it('are 40, 20 English and 20 Chinese, each different', () => {
    expect(ASK_CASES).toHaveLength(40);
    expect(ASK_CASES.filter((k) => k.lang === 'en')).toHaveLength(20);
    expect(ASK_CASES.filter((k) => k.lang === 'zh')).toHaveLength(20);
    expect(new Set(ASK_CASES.map((k) => k.text)).size).toBe(40);
    for (const k of ASK_CASES.filter((x) => x.lang === 'zh')) expect(k.text).toMatch(/\p{Script=Han}/u);
  });

  it('expect filters that all pass checkFilter, and that the grammar can express', () => {
    const schema = askAnswerSchema();
    for (const k of ASK_CASES) {
      expect(checkFilter(k.expected), k.text).toEqual([]);
      const parsed = schema.safeParse(topAnswer(k.expected));
      expect(parsed.success, `${k.text}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      // Read back as the app reads the model's answer, it is the same filter.
      expect(sameFilter(filterFromAnswer(JSON.stringify(topAnswer(k.expected))), k.expected)).toBe(true);
    }
  });

  it('name cities and tags the shop spells as the context does', () => {
    for (const k of ASK_CASES) {
      const walk = (n: FilterNode): void => {
        if (isGroup(n)) return n.conditions.forEach(walk);
        if (n.field === 'city') expect(EVAL_CONTEXT.cities).toContain(n.value);
        if (n.field === 'tag') for (const t of n.value as string[]) expect(EVAL_CONTEXT.tags).toContain(t);
      };
      walk(k.expected);
    }
  });
});

describe('comparing filters after normalising', () => {
  const a: Filter = { match: 'all', conditions: [{ field: 'city', op: 'is', value: '上海' }, { field: 'rfm_segment', op: 'in', value: ['lost', 'hibernating'] }] };

  it('ignores the order of conditions and of in-list values, and reads numbers as numbers', () => {
    expect(sameFilter(a, { match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: ['hibernating', 'lost'] }, { field: 'city', op: 'is', value: '上海' }] })).toBe(true);
    const money = (value: unknown) => ({ match: 'all', conditions: [{ field: 'total_spent', op: 'gt', value }] }) as Filter;
    expect(sameFilter(money(1000), money('1000'))).toBe(true);
    expect(sameFilter(money(1000), money(1000.0))).toBe(true);
  });

  it('folds a group of one condition, and a sub-group with its parent’s match; a lone or-group is the filter', () => {
    const or: Filter = { match: 'any', conditions: [{ field: 'city', op: 'is', value: '北京' }, { field: 'city', op: 'is', value: '深圳' }] };
    expect(sameFilter({ match: 'all', conditions: [or] }, or)).toBe(true);
    expect(sameFilter({ match: 'any', conditions: [{ field: 'order_count', op: 'eq', value: 1 }] }, { match: 'all', conditions: [{ field: 'order_count', op: 'eq', value: 1 }] })).toBe(true);
    expect(normalizeFilter({ match: 'all', conditions: [{ match: 'all', conditions: a.conditions }] })).toEqual(normalizeFilter(a));
  });

  it('keeps every difference of meaning: and against or, not, a value, an operator', () => {
    expect(sameFilter(a, { ...a, match: 'any' })).toBe(false);
    expect(sameFilter(a, { match: 'all', conditions: [{ field: 'city', op: 'is', value: '上海', not: true }, a.conditions[1]] })).toBe(false);
    expect(sameFilter(a, { match: 'all', conditions: [{ field: 'city', op: 'is', value: '北京' }, a.conditions[1]] })).toBe(false);
    expect(sameFilter(a, { match: 'all', conditions: [{ field: 'city', op: 'contains', value: '上海' }, a.conditions[1]] })).toBe(false);
    expect(sameFilter(a, { ...a, not: true })).toBe(false);
  });

  it('scores exact matches by language and counts answers that were no filter', () => {
    const cases = [ASK_CASES[0], ASK_CASES[1], ASK_CASES[20]];
    const score = scoreAsk(cases, [
      { ok: true, filter: ASK_CASES[0].expected, text: '' },
      { ok: true, filter: ASK_CASES[2].expected, text: '' },
      { ok: false, error: { code: 'filter_invalid', message: 'no field "x"' }, text: '' },
    ]);
    expect(score).toMatchObject({ n: 3, en: 0.5, zh: 0, invalid: 1 });
    expect(score.exactMatch).toBeCloseTo(1 / 3);
    expect(score.rows.map((r) => r.match)).toEqual([true, false, false]);
    expect(score.rows[2].produced).toContain('filter_invalid');
  });
});

describe('the prompt and the grammar', () => {
  it('give the fields, the date, the currency and how the shop spells its cities and tags', () => {
    const p = askSystemPrompt({ date: '2026-06-30', currency: 'USD', cities: ['上海', 'London'], tags: ['VIP'] });
    for (const s of ['days_since_last_order', 'total_spent', 'complained_about', 'rfm_segment', 'at_risk', '2026-06-30', 'whole USD', '上海, London', 'VIP', '流失风险']) expect(p).toContain(s);
  });

  it('numbers the clusters with their names when there are some', () => {
    const p = askSystemPrompt({ ...EVAL_CONTEXT, clusters: [{ idx: 1, name: 'Big spenders' }, { idx: 2, name: '新近首单客' }] });
    expect(p).toContain('cluster (1 = Big spenders, 2 = 新近首单客)');
    expect(askSystemPrompt(EVAL_CONTEXT)).toContain('cluster (1, 2, 3…)');
  });

  it('lists only real fields', () => {
    const text = JSON.stringify(askGrammar());
    expect(text).toContain('"days_since_last_order"');
    expect(text).not.toContain('shoe_size');
    const schema = askAnswerSchema();
    expect(schema.safeParse({ match: 'all', conditions: [{ field: 'shoe_size', op: 'gt', value: 42, not: false }] }).success).toBe(false);
    expect(schema.safeParse({ match: 'all', conditions: [{ field: 'city', op: 'gt', value: 42, not: false }] }).success).toBe(false);
    expect(schema.safeParse({ match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: ['vip'], not: false }] }).success).toBe(false);
    expect(schema.safeParse({ match: 'all', conditions: [{ field: 'city', op: 'is', value: '上海', not: false }] }).success).toBe(true);
  });
});
