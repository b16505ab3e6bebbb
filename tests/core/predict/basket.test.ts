// "Bought together" rules (issue 13): FP-growth itemsets and arules-style rules.
//   - a five-basket set whose itemsets and rules are counted by hand below;
//   - Groceries (reference data, market_basket/groceries.csv): the rule counts, by length, and the
//     top rules by lift at the README's three settings against reference_values.json (arules'
//     apriori output, recomputed by the data's curators with an independent Apriori in Python);
//   - the same Groceries rules of two and three items against a brute-force counter written here
//     (every pair and triple of every basket counted in a Map, no tree, no pruning).
// Without the reference data the Groceries parts are skipped, saying so.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frequentItemsets } from '../../../src-main/core/predict/basket/fp-growth';
import { appMinSupport, mineRules, minSupportCount, type AssociationRule } from '../../../src-main/core/predict/basket/rules';
import { readBaskets } from '../../eval/basket.eval';
import { referenceDataDir } from '../../eval/lib/reference-data';

// Tan, Steinbach & Kumar's market-basket example (Introduction to Data Mining, Table 6.1).
const SHOP = [
  ['bread', 'milk'],
  ['bread', 'diapers', 'beer', 'eggs'],
  ['milk', 'diapers', 'beer', 'cola'],
  ['bread', 'milk', 'diapers', 'beer'],
  ['bread', 'milk', 'diapers', 'cola'],
];

const find = <T>(rules: AssociationRule<T>[], lhs: T[], rhs: T) =>
  rules.find((r) => r.consequent === rhs && r.antecedent.length === lhs.length && lhs.every((x) => r.antecedent.includes(x)));

describe('association rules on a hand-counted set', () => {
  // Counts ≥ 2 of 5: bread, milk, diapers 4; beer 3; cola 2 (eggs 1, out). Pairs: bread–milk,
  // bread–diapers, milk–diapers, diapers–beer 3; bread–beer, milk–beer, milk–cola, diapers–cola 2.
  // Triples (2 each): bread–milk–diapers, bread–diapers–beer, milk–diapers–beer, milk–diapers–cola.
  // At confidence 0.6, 12 of the 16 pair rules pass (the four from a count-4 item to a count-2 pair
  // have 0.5) and all 12 triple rules (confidence 2/3 or 1).
  const rules = mineRules(SHOP, { minSupport: 0.4, minConfidence: 0.6, minLength: 2 });

  it('finds the 24 rules, best lift first', () => {
    expect(rules).toHaveLength(24);
    expect(rules.filter((r) => r.antecedent.length === 1)).toHaveLength(12);
    // {milk, diapers} ⇒ cola: 2 of the 3 baskets with milk and diapers; lift 0.4 / (0.6 · 0.4) = 5/3.
    expect(rules[0]).toMatchObject({ consequent: 'cola', support: 0.4, count: 2 });
    expect(rules[0].antecedent.slice().sort()).toEqual(['diapers', 'milk']);
    expect(rules[0].confidence).toBeCloseTo(2 / 3, 12);
    expect(rules[0].lift).toBeCloseTo(5 / 3, 12);
    // Next, among the lift-1.25 rules of confidence 1, the one of highest support: beer ⇒ diapers.
    expect(rules[1]).toMatchObject({ antecedent: ['beer'], consequent: 'diapers', support: 0.6, confidence: 1, lift: 1.25, count: 3 });
    expect(find(rules, ['bread'], 'beer')).toBeUndefined(); // confidence 0.5
    expect(find(rules, ['beer', 'cola'], 'milk')).toBeUndefined(); // support 0.2
  });

  it('emits {} ⇒ {y} with minLength 1, as arules does, when support(y) ≥ confidence', () => {
    const all = mineRules(SHOP, { minSupport: 0.4, minConfidence: 0.6 });
    const empty = all.filter((r) => r.antecedent.length === 0);
    // bread, milk, diapers 0.8 and beer 0.6; cola's 0.4 is under the confidence.
    expect(empty.map((r) => r.consequent).sort()).toEqual(['beer', 'bread', 'diapers', 'milk']);
    expect(empty.every((r) => r.lift === 1 && r.confidence === r.support)).toBe(true);
    expect(all).toHaveLength(28);
  });

  it('caps the rule length and counts an item repeated in a basket once', () => {
    expect(mineRules(SHOP, { minSupport: 0.4, minConfidence: 0.6, minLength: 2, maxLength: 2 })).toHaveLength(12);
    const doubled = SHOP.map((b) => [...b, ...b]);
    expect(mineRules(doubled, { minSupport: 0.4, minConfidence: 0.6, minLength: 2 })).toEqual(rules);
  });

  it('takes numeric items (product ids) the same way', () => {
    const ids = new Map(['bread', 'milk', 'diapers', 'beer', 'eggs', 'cola'].map((x, i) => [x, i + 100]));
    const numeric = mineRules(SHOP.map((b) => b.map((x) => ids.get(x) ?? -1)), { minSupport: 0.4, minConfidence: 0.6, minLength: 2 });
    expect(numeric.map((r) => [r.antecedent.length, r.consequent, r.count, r.lift])).toEqual(rules.map((r) => [r.antecedent.length, ids.get(r.consequent), r.count, r.lift]));
  });

  it('compares support as count / N ≥ minimum, and rejects bad options', () => {
    expect(minSupportCount(0.1, 30)).toBe(3); // 0.1 · 30 is 3.0000000000000004 in floating point
    expect(minSupportCount(0.001, 9835)).toBe(10);
    expect(minSupportCount(0.005, 9835)).toBe(50);
    expect(appMinSupport(300_000)).toBe(0.001);
    expect(appMinSupport(2_000)).toBe(0.005); // 10 orders
    expect(() => mineRules(SHOP, { minSupport: 0, minConfidence: 0.5 })).toThrow(/minSupport/);
    expect(() => mineRules(SHOP, { minSupport: 1.5, minConfidence: 0.5 })).toThrow(/minSupport/);
    expect(() => mineRules(SHOP, { minSupport: 0.1, minConfidence: 0.5, minLength: 3, maxLength: 2 })).toThrow(/maxLength/);
    expect(() => frequentItemsets(SHOP, 0)).toThrow(/minCount/);
    expect(mineRules([], { minSupport: 0.1, minConfidence: 0.5 })).toEqual([]);
  });
});

describe('the eval reads both basket file shapes', () => {
  it('one basket per line, or order lines under a header; errors name the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'patron-basket-'));
    try {
      const lines = join(dir, 'lines.csv');
      writeFileSync(lines, 'bread,milk\ncream cheese ,milk\n');
      expect(readBaskets(lines)).toEqual([['bread', 'milk'], ['cream cheese ', 'milk']]);
      const long = join(dir, 'long.csv');
      writeFileSync(long, 'order_id,product,qty\n1,bread,2\n1,milk,1\n2,milk,1\n');
      expect(readBaskets(long)).toEqual([['bread', 'milk'], ['milk']]);
      expect(() => readBaskets(long, 'order', undefined)).toThrow(/no column "order"/);
      const empty = join(dir, 'empty.csv');
      writeFileSync(empty, '\n');
      expect(() => readBaskets(empty)).toThrow(/empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const dataDir = referenceDataDir();
if (!dataDir) {
  console.warn('basket: Groceries checks SKIPPED, the reference data is not here (set PATRON_REFERENCE_DATA, or put it at ../shared/data beside the checkout).');
}

type RefRule = [rule: string, support: number, confidence: number, lift: number, count?: number];

/** "{a,b} => {c}" as arules prints it; labels are kept whole ("cream cheese " ends with a space). */
function parseRule(text: string): { lhs: string[]; rhs: string } {
  const m = /^\{(.*)\} => \{(.*)\}$/.exec(text);
  if (!m) throw new Error(`not a rule: ${text}`);
  return { lhs: m[1] === '' ? [] : m[1].split(','), rhs: m[2] };
}

/** The reference prints 7 significant digits: equal to a relative 1e-6. */
function expectSame(rule: AssociationRule, ref: RefRule): void {
  const [text, support, confidence, lift, count] = ref;
  const { lhs, rhs } = parseRule(text);
  expect({ lhs: rule.antecedent.slice().sort(), rhs: rule.consequent }).toEqual({ lhs: lhs.sort(), rhs });
  for (const [ours, theirs] of [
    [rule.support, support],
    [rule.confidence, confidence],
    [rule.lift, lift],
  ]) {
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-6 * theirs);
  }
  if (count !== undefined) expect(rule.count).toBe(count);
}

const byLength = (rules: AssociationRule[]) => {
  const out: Record<string, number> = {};
  for (const r of rules) out[r.antecedent.length + 1] = (out[r.antecedent.length + 1] ?? 0) + 1;
  return out;
};

/**
 * The independent check: every rule of 2 or 3 items by brute force. Each basket's items, every
 * pair and every triple are counted in Maps keyed by the sorted labels; a rule's numbers are then
 * the arules definitions applied to those counts directly.
 */
function bruteForceRules(baskets: string[][], minSupport: number, minConfidence: number): Map<string, { support: number; confidence: number; lift: number }> {
  const n = baskets.length;
  const counts = new Map<string, number>();
  const add = (items: string[]) => {
    const k = items.join('\u0000');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const basket of baskets) {
    const b = [...new Set(basket)].sort();
    for (let i = 0; i < b.length; i++) {
      add([b[i]]);
      for (let j = i + 1; j < b.length; j++) {
        add([b[i], b[j]]);
        for (let k = j + 1; k < b.length; k++) add([b[i], b[j], b[k]]);
      }
    }
  }
  const count = (items: string[]) => counts.get(items.slice().sort().join('\u0000')) ?? 0;
  const rules = new Map<string, { support: number; confidence: number; lift: number }>();
  for (const [k, c] of counts) {
    const items = k.split('\u0000');
    if (items.length < 2 || c / n < minSupport) continue;
    for (const y of items) {
      const lhs = items.filter((x) => x !== y);
      const confidence = c / count(lhs);
      if (confidence < minConfidence) continue;
      rules.set(`${lhs.join(',')} => ${y}`, { support: c / n, confidence, lift: (c / n) / ((count(lhs) / n) * (count([y]) / n)) });
    }
  }
  return rules;
}

describe.skipIf(!dataDir)('association rules on Groceries against arules', () => {
  const dir = dataDir ?? '';
  const ref = JSON.parse(readFileSync(join(dir, 'reference_values.json'), 'utf8')) as {
    groceries: Record<string, { n_rules: number; length_distribution?: Record<string, number>; top5_by_lift?: RefRule[]; top_by_lift?: RefRule; second?: RefRule }>;
  };
  const g = ref.groceries;
  const baskets = readBaskets(join(dir, 'market_basket', 'groceries.csv'));
  const loose = mineRules(baskets, { minSupport: 0.001, minConfidence: 0.5 });

  it('reads 9,835 baskets, "cream cheese " with its space', () => {
    expect(baskets).toHaveLength(9835);
    expect(baskets.some((b) => b.includes('cream cheese '))).toBe(true);
  });

  it('support 0.001, confidence 0.5: the rule count by length and the top five by lift', () => {
    const want = g['rules_supp0.001_conf0.5'];
    expect(loose).toHaveLength(want.n_rules);
    expect(byLength(loose)).toEqual(want.length_distribution);
    const top = want.top5_by_lift ?? [];
    expect(top).toHaveLength(5);
    top.forEach((r, i) => expectSame(loose[i], r));
  });

  it('support 0.005, confidence 0.5: the rule count', () => {
    expect(mineRules(baskets, { minSupport: 0.005, minConfidence: 0.5 })).toHaveLength(g['rules_supp0.005_conf0.5'].n_rules);
  });

  it('support 0.006, confidence 0.25, minlen 2: the rule count and the two best by lift', () => {
    const want = g['rules_supp0.006_conf0.25_minlen2'];
    const rules = mineRules(baskets, { minSupport: 0.006, minConfidence: 0.25, minLength: 2 });
    expect(rules).toHaveLength(want.n_rules);
    if (!want.top_by_lift || !want.second) throw new Error('reference_values.json lacks the top rules for this setting');
    expectSame(rules[0], want.top_by_lift);
    expectSame(rules[1], want.second);
    // With minlen 1 arules adds {} ⇒ {whole milk} (support 0.2555 ≥ 0.25), and only that.
    const withEmpty = mineRules(baskets, { minSupport: 0.006, minConfidence: 0.25 });
    expect(withEmpty.filter((r) => r.antecedent.length === 0).map((r) => r.consequent)).toEqual(['whole milk']);
    expect(withEmpty).toHaveLength(want.n_rules + 1);
  });

  it('support 0.001, confidence 0.5: every rule of 2 and 3 items equals a brute-force count', () => {
    const brute = bruteForceRules(baskets, 0.001, 0.5);
    const short = loose.filter((r) => r.antecedent.length <= 2);
    expect(short.length).toBe(brute.size);
    for (const r of short) {
      const b = brute.get(`${r.antecedent.slice().sort().join(',')} => ${r.consequent}`);
      expect(b, `${r.antecedent.join(',')} => ${r.consequent}`).toBeDefined();
      expect(r.support).toBeCloseTo(b?.support ?? NaN, 12);
      expect(r.confidence).toBeCloseTo(b?.confidence ?? NaN, 12);
      expect(r.lift).toBeCloseTo(b?.lift ?? NaN, 9);
    }
    // The five best by lift all have 3 items, so brute force alone finds the same top five.
    const bruteTop = [...brute.entries()].sort((a, b) => b[1].lift - a[1].lift).slice(0, 5);
    expect(bruteTop.map(([k]) => k)).toEqual(loose.slice(0, 5).map((r) => `${r.antecedent.slice().sort().join(',')} => ${r.consequent}`));
  });
});
