// BG/NBD where dropout is about the same for everyone (a and b in the hundreds or at their cap,
// as on the sample shop): expected purchases stay finite and grow with the horizon for new and
// old customers alike, up to the longest CLV horizon (60 months).
import { describe, expect, it } from 'vitest';
import { expectedPurchases, expectedPurchasesNew, fitBgnbd } from '../../../src-main/core/predict/bgnbd';

const WEEKS_PER_MONTH = 365.25 / 12 / 7;

describe('BG/NBD with nearly uniform dropout', () => {
  for (const params of [
    { r: 1.19, alpha: 11.3, a: 412, b: 3700 },
    { r: 1.05, alpha: 10.4, a: 474, b: 22026 },
  ]) {
    it(`a = ${params.a}, b = ${params.b}: finite and rising with the horizon`, () => {
      for (const [x, t_x, T] of [
        [0, 0, 0.4],
        [0, 0, 5],
        [3, 8, 10],
        [40, 140, 150],
      ]) {
        let before = 0;
        for (let m = 1; m <= 60; m++) {
          const e = expectedPurchases(params, m * WEEKS_PER_MONTH, x, t_x, T);
          expect(Number.isFinite(e)).toBe(true);
          expect(e).toBeGreaterThanOrEqual(before - 1e-9);
          before = e;
        }
      }
      expect(Number.isFinite(expectedPurchasesNew(params, 260))).toBe(true);
    });
  }

  it('reports a history that cannot pin the model down as not converged', () => {
    // Everyone buys like clockwork and nobody stops: purchase rates without spread (r, α → ∞).
    const rows = Array.from({ length: 600 }, (_, i) => {
      const T = 20 + (i % 80);
      return { x: Math.round(T / 4), t_x: T - 1 - (i % 3), T };
    });
    const fit = fitBgnbd(rows);
    expect(fit.converged).toBe(false);
    expect(Number.isFinite(fit.ll)).toBe(true);
  });

});
