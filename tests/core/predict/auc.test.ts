// ROC AUC by the Mann–Whitney statistic, on cases small enough to count pairs by hand.
import { describe, expect, it } from 'vitest';
import { auc } from '../../../src-main/core/predict/auc';

describe('auc', () => {
  it('counts the positive–negative pairs ranked right, ties as one half', () => {
    // Pairs (pos, neg): (0.35, 0.1) ✓ (0.35, 0.4) ✗ (0.8, 0.1) ✓ (0.8, 0.4) ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    // One tie among 2 × 2 pairs: (0.5, 0.5) ½, (0.5, 0.2) 1, (0.9, 0.5) 1, (0.9, 0.2) 1 → 3.5/4.
    expect(auc([0.5, 0.5, 0.2, 0.9], [true, false, false, true])).toBe(0.875);
    expect(auc([3, 3, 3], [true, false, true])).toBe(0.5);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, NaN with one class, and rejects mismatches', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(auc([1, 2], [true, true])).toBeNaN();
    expect(() => auc([1, 2], [true])).toThrow(/2 scores but 1 labels/);
    expect(() => auc([1, NaN], [true, false])).toThrow(/score 1/);
  });
});
