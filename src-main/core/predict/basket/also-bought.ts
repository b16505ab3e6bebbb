// "Customers who bought X also bought": the rules that start from X, for product and customer pages.
import { compareRules, type AssociationRule } from './rules';

/**
 * Up to `limit` rules whose left-hand side is exactly {item}, best lift first; when there are
 * fewer, the best rules with item among several on the left fill the list, one per consequent not
 * yet shown. The consequent is never `item` itself.
 */
export function alsoBought<T>(rules: readonly AssociationRule<T>[], item: T, limit: number): AssociationRule<T>[] {
  if (limit <= 0) return [];
  const exact = rules.filter((r) => r.antecedent.length === 1 && r.antecedent[0] === item).sort(compareRules);
  if (exact.length >= limit) return exact.slice(0, limit);
  const shown = new Set<T>(exact.map((r) => r.consequent));
  const wider = rules.filter((r) => r.antecedent.length > 1 && r.antecedent.includes(item)).sort(compareRules);
  const out = exact;
  for (const r of wider) {
    if (out.length >= limit) break;
    if (shown.has(r.consequent)) continue;
    shown.add(r.consequent);
    out.push(r);
  }
  return out;
}
