// Association rules X ⇒ y from order baskets (Agrawal, Imieliński & Swami 1993) with the
// conventions of R's arules apriori() (Hahsler, Grün & Hornik 2005), so that counts match it:
//   support(X ⇒ y) = count(X ∪ {y}) / N, kept when ≥ minSupport (N counts empty baskets too);
//   confidence = count(X ∪ {y}) / count(X), kept when ≥ minConfidence;
//   lift = support(X ∪ {y}) / (support(X) · support(y)) (Brin et al. 1997);
//   one item on the right; a rule's length is |X| + 1, between minLength (1) and maxLength (10).
// Like arules with minlen 1, a frequent item y with support ≥ minConfidence also gives the rule
// {} ⇒ {y} (confidence = its support, lift 1): pass minLength 2 to leave those out, as the app does.
import { frequentItemsets } from './fp-growth';

export interface AssociationRule<T = string> {
  /** The left-hand side, most frequent item first; empty only for {} ⇒ {y}. */
  antecedent: T[];
  /** The one item on the right-hand side. */
  consequent: T;
  support: number;
  confidence: number;
  lift: number;
  /** Baskets holding every item of the rule. */
  count: number;
}

export interface RuleOptions {
  /** Relative: the share of baskets, in (0, 1]. */
  minSupport: number;
  /** In [0, 1]. */
  minConfidence: number;
  /** Most items in a rule, left and right together (arules' maxlen); default 10. */
  maxLength?: number;
  /** Fewest items in a rule (arules' minlen); default 1. */
  minLength?: number;
}

/** Itemset length the app mines to: "bought together" rules of up to two items on the left. */
export const APP_MAX_LENGTH = 3;

/**
 * The support the app mines at: 0.1% of orders, but never fewer than 10 orders, so that a small
 * shop's rules rest on more than a handful of baskets.
 */
export function appMinSupport(baskets: number): number {
  return baskets <= 0 ? 1 : Math.min(1, Math.max(0.001, 10 / baskets));
}

/** The fewest baskets c with c / n ≥ minSupport, compared as arules does (count / N ≥ min). */
export function minSupportCount(minSupport: number, n: number): number {
  let c = Math.max(1, Math.ceil(minSupport * n));
  // The product can round either way; the division is what arules' definition compares.
  while (c > 1 && (c - 1) / n >= minSupport) c--;
  while (c / n < minSupport) c++;
  return c;
}

function checkOptions(o: RuleOptions): Required<RuleOptions> {
  const { minSupport, minConfidence, maxLength = 10, minLength = 1 } = o;
  if (!(minSupport > 0 && minSupport <= 1)) throw new Error(`minSupport must be in (0, 1], got ${minSupport}`);
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new Error(`minConfidence must be in [0, 1], got ${minConfidence}`);
  if (!Number.isInteger(minLength) || minLength < 1) throw new Error(`minLength must be a whole number ≥ 1, got ${minLength}`);
  if (!(Number.isInteger(maxLength) || maxLength === Infinity) || maxLength < minLength) throw new Error(`maxLength must be a whole number ≥ minLength (${minLength}), got ${maxLength}`);
  return { minSupport, minConfidence, maxLength, minLength };
}

/** Sorts by lift, then confidence, then support, each descending; then by count and items for a fixed order. */
export function compareRules<T>(a: AssociationRule<T>, b: AssociationRule<T>): number {
  return b.lift - a.lift || b.confidence - a.confidence || b.support - a.support || a.antecedent.length - b.antecedent.length;
}

/** Every rule of the baskets at the given thresholds, best lift first. */
export function mineRules<T extends string | number>(baskets: readonly (readonly T[])[], options: RuleOptions): AssociationRule<T>[] {
  const { minSupport, minConfidence, maxLength, minLength } = checkOptions(options);
  const n = baskets.length;
  if (n === 0) return [];
  const found = frequentItemsets(baskets, minSupportCount(minSupport, n), maxLength);
  const { items, itemCounts, itemsets } = found;

  // Each itemset's count by its ranks, for the counts of the left-hand sides.
  const key = items.length < 0xffff ? (r: number[]) => String.fromCharCode(...r) : (r: number[]) => r.join(',');
  const countOf = new Map<string, number>();
  for (const s of itemsets) countOf.set(key(s.ranks), s.count);

  const rules: (AssociationRule<T> & { order: number[] })[] = [];
  const lhs: number[] = [];
  for (const s of itemsets) {
    const k = s.ranks.length;
    if (k < minLength) continue;
    for (let j = 0; j < k; j++) {
      lhs.length = 0;
      for (let i = 0; i < k; i++) if (i !== j) lhs.push(s.ranks[i]);
      // Every subset of a frequent itemset is frequent (and no longer), so it was mined.
      const lhsCount = k === 1 ? n : countOf.get(key(lhs));
      if (lhsCount === undefined) throw new Error('FP-growth missed a subset of a frequent itemset');
      const confidence = s.count / lhsCount;
      if (confidence < minConfidence) continue;
      const y = s.ranks[j];
      rules.push({
        antecedent: lhs.map((r) => items[r]),
        consequent: items[y],
        support: s.count / n,
        confidence,
        lift: (s.count * n) / (lhsCount * itemCounts[y]),
        count: s.count,
        order: [...lhs, -1, y],
      });
    }
  }
  // Ties broken by the items' ranks, so the same baskets always give the same order.
  rules.sort((a, b) => compareRules(a, b) || compareRanks(a.order, b.order));
  return rules.map(({ order: _order, ...rule }) => rule);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
