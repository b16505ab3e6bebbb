// Gamma-Gamma against Fader & Hardie (2013, note 025) on CDNOW's 946 repeat customers: the fit,
// its log-likelihood with all constants, the conditional spend of customers 1..10, the same
// optimum from other starts; and the frequency–spend correlation check.
import { describe, expect, it } from 'vitest';
import { conditionalSpend, fitGammaGamma, gammaGammaLogLikelihood, spendFrequencyCorrelation } from '../../../src-main/core/predict/gamma-gamma';
import { cdnowReference, haveCdnow, numericCsv } from './cdnow-data';

const within = (value: number, target: number, rel: number) => expect(Math.abs(value - target)).toBeLessThanOrEqual(rel * Math.abs(target));

describe.skipIf(!haveCdnow)(`Gamma-Gamma on CDNOW${haveCdnow ? '' : ' (skipped: reference data not found)'}`, () => {
  const ref = haveCdnow ? cdnowReference() : null;
  const rows = haveCdnow ? numericCsv('cdnow_customers_summary_with_transactions.csv').map((c) => ({ x: c.x, zbar: c.zbar })) : [];
  const fit = haveCdnow ? fitGammaGamma(rows) : null;

  it('fits p, q, γ and the log-likelihood of the note on the 946 repeat customers', () => {
    const f = fit!;
    const g = ref.gamma_gamma_params;
    expect(f.converged).toBe(true);
    expect(f.customers).toBe(g.customers_used);
    within(f.params.p, g.p, 0.01);
    within(f.params.q, g.q, 0.01);
    within(f.params.gamma, g.gamma, 0.01);
    expect(Math.abs(f.ll - g.recomputed.loglik)).toBeLessThan(0.01);
    expect(gammaGammaLogLikelihood(f.params, rows)).toBeCloseTo(f.ll, 8);
    // The observed mean spend of the 946, which the model's mean pγ/(q−1) should be near.
    const zbars = rows.filter((r) => r.x > 0).map((r) => r.zbar);
    within(zbars.reduce((s, v) => s + v, 0) / zbars.length, ref.gamma_gamma_means.observed_mean_zbar_946, 1e-5);
    within(conditionalSpend(f.params, 0, 0), ref.gamma_gamma_means.model_mean_p_gamma_over_q_minus_1, 0.001);
  });

  it('gives the published conditional spend for customers 1..10', () => {
    const c = ref.gamma_gamma_conditional_spend_first10;
    c.ids.forEach((id: number, i: number) => {
      const row = rows[id - 1];
      expect(Math.abs(conditionalSpend(fit!.params, row.x, row.zbar) - c.values[i])).toBeLessThanOrEqual(0.1);
    });
  });

  it('reaches the same optimum from other starts', () => {
    for (const start of [
      { p: 20, q: 0.5, gamma: 200 },
      { p: 0.1, q: 30, gamma: 0.5 },
    ]) {
      const f = fitGammaGamma(rows, { start });
      expect(f.converged).toBe(true);
      expect(f.ll).toBeCloseTo(fit!.ll, 5);
      within(f.params.p, fit!.params.p, 1e-4);
      within(f.params.gamma, fit!.params.gamma, 1e-4);
    }
  });

  it('finds CDNOW’s spend only weakly related to frequency', () => {
    const c = spendFrequencyCorrelation(rows);
    expect(c.customers).toBe(946);
    // lifetimes' Quickstart prints 0.113884 for the same check on the same file.
    expect(c.r).toBeCloseTo(0.113884, 5);
    expect(c.correlationWarning).toBe(false);
  });
});

describe('Gamma-Gamma by hand', () => {
  it('conditional spend is the credibility-weighted mean of zbar and the population mean', () => {
    const p = { p: 6, q: 4, gamma: 15 };
    expect(conditionalSpend(p, 0, 123)).toBe(30); // pγ/(q−1)
    // (γ + zbar x) p / (p x + q − 1) with x = 2, zbar = 50: (15 + 100)·6 / 15 = 46.
    expect(conditionalSpend(p, 2, 50)).toBeCloseTo(46, 12);
    expect(conditionalSpend({ ...p, q: 1 }, 0, 0)).toBe(Infinity);
  });

  it('warns when frequency and spend move together, and skips customers it cannot use', () => {
    const rows = [1, 2, 3, 4, 5].map((x) => ({ x, zbar: 10 * x + (x % 2) }));
    const c = spendFrequencyCorrelation([...rows, { x: 0, zbar: 0 }, { x: 3, zbar: 0 }]);
    expect(c.customers).toBe(5);
    expect(c.r).toBeGreaterThan(0.99);
    expect(c.correlationWarning).toBe(true);
    expect(spendFrequencyCorrelation([{ x: 1, zbar: 5 }]).r).toBeNaN();
    expect(() => fitGammaGamma([{ x: 0, zbar: 0 }])).toThrow(/no customers/);
  });
});
