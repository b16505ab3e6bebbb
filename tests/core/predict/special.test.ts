// Special functions against closed forms: log-beta, digamma, and ₂F₁ where it reduces to
// elementary functions (Abramowitz & Stegun 15.1.3 and 15.1.8).
import { describe, expect, it } from 'vitest';
import { HYP2F1_MAX_TERMS, digamma, hyp2f1, lbeta, lgamma } from '../../../src-main/core/predict/special';

describe('special functions', () => {
  it('lgamma, lbeta and digamma match known values', () => {
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.log(2), 12);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 12);
    // ψ(x + 1) = ψ(x) + 1/x across the switch to the asymptotic series.
    for (const x of [0.01, 0.3, 5.5, 9.5, 10, 17.2]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 10);
  });

  it('hyp2f1 reduces to −ln(1−z)/z and (1−z)^−a, and gives NaN outside |z| < 1', () => {
    for (const z of [-0.7, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z) / (-Math.log(1 - z) / z)).toBeCloseTo(1, 12);
      expect(hyp2f1(2.5, 0.7, 0.7, z) / (1 - z) ** -2.5).toBeCloseTo(1, 12);
    }
    // A non-positive integer parameter ends the series: ₂F₁(−2, b; c; z) is a quadratic.
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - 2 * (3 / 4) * 0.5 + ((-2 * -1 * 3 * 4) / (4 * 5 * 2)) * 0.25, 14);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(HYP2F1_MAX_TERMS).toBeGreaterThan(1000);
  });
});
