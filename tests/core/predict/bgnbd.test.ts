// BG/NBD against Fader, Hardie & Lee (2005) on CDNOW: the fit, its log-likelihood and the
// published predictions; the same optimum from several starts; known parameters recovered from
// simulated customers; large histories without overflow; and the 100,000-customer fit time.
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, expectedPurchases, expectedPurchasesNew, fitBgnbd, pAlive, pNoPurchase, type BgnbdParams } from '../../../src-main/core/predict/bgnbd';
import { summariseLog } from '../../../src-main/core/predict/customer-summary';
import { hyp2f1 } from '../../../src-main/core/predict/special';
import { parseDay, readTransactionLog } from '../../eval/lib/transaction-log';
import { cdnowFile, cdnowReference, haveCdnow, numericCsv } from './cdnow-data';
import { simulateBgnbd } from './simulate-bgnbd';

const within = (value: number, target: number, rel: number) => expect(Math.abs(value - target)).toBeLessThanOrEqual(rel * Math.abs(target));
const KEYS = ['r', 'alpha', 'a', 'b'] as const;

describe.skipIf(!haveCdnow)(`BG/NBD on CDNOW${haveCdnow ? '' : ' (skipped: reference data not found)'}`, () => {
  const ref = haveCdnow ? cdnowReference() : null;
  const rows = haveCdnow ? numericCsv('cdnow_customers_summary.csv').map((c) => ({ x: c.frequency, t_x: c.recency, T: c.T })) : [];
  const fit = haveCdnow ? fitBgnbd(rows) : null;

  it('fits r, α, a, b and the log-likelihood of the paper', () => {
    const f = fit!;
    expect(f.converged).toBe(true);
    expect(f.customers).toBe(ref.setup.customers);
    for (const k of KEYS) within(f.params[k], ref.bgnbd_params[k], 0.01);
    within(f.ll, ref.bgnbd_params.loglik, 0.01);
    expect(Math.abs(f.ll - ref.bgnbd_params.recomputed.loglik)).toBeLessThan(0.05);
    expect(bgnbdLogLikelihood(f.params, rows)).toBeCloseTo(f.ll, 8);
  });

  it('reaches the same optimum from three different starts', () => {
    const starts: BgnbdParams[] = [
      { r: 0.1, alpha: 20, a: 3, b: 0.5 },
      { r: 5, alpha: 0.5, a: 0.2, b: 10 },
      { r: 0.01, alpha: 100, a: 10, b: 50 },
    ];
    for (const start of starts) {
      const f = fitBgnbd(rows, { start });
      expect(f.converged).toBe(true);
      expect(f.ll).toBeCloseTo(fit!.ll, 5);
      for (const k of KEYS) within(f.params[k], fit!.params[k], 1e-4);
    }
  });

  it('predicts customer 1, customer 1516 and new customers as published', () => {
    const p = fit!.params;
    const c1 = ref.bgnbd_conditional_expectation_customer1;
    expect(Math.abs(expectedPurchases(p, c1.t, c1.x, c1.t_x, c1.T) - c1.value)).toBeLessThanOrEqual(c1.tolerance);
    expect(Math.abs(pAlive(p, c1.x, c1.t_x, c1.T) - ref.bgnbd_palive_customer1.value)).toBeLessThanOrEqual(0.001);
    const u = ref.bgnbd_unconditional_expectation;
    u.t.forEach((t: number, i: number) => expect(Math.abs(expectedPurchasesNew(p, t) - u.value[i])).toBeLessThanOrEqual(u.tolerance));
    expect(Math.abs(expectedPurchasesNew(p, 52) - u.t52)).toBeLessThanOrEqual(u.tolerance);
    const c = ref.customer_1516;
    within(expectedPurchases(p, c.t, c.x, c.t_x, c.T), c.bgnbd_conditional_expectation, 1e-4);
    within(pAlive(p, c.x, c.t_x, c.T), c.bgnbd_palive, 1e-4);
  });

  it('uses Euler’s transformation without changing the answer (eq. 10 summed directly agrees)', () => {
    const { r, alpha, a, b } = fit!.params;
    const [x, t_x, T, t] = [2, 30.43, 38.86, 39];
    const z = t / (alpha + T + t);
    const direct = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
    expect(expectedPurchases(fit!.params, t, x, t_x, T)).toBeCloseTo(direct * pAlive(fit!.params, x, t_x, T), 10);
  });

  it('reproduces the BTYD hold-out check by calibration frequency from the raw log', () => {
    const log = readTransactionLog(cdnowFile('CDNOW_sample.txt'));
    const calEnd = parseDay('1997-09-30') as number;
    const customers = summariseLog(log.transactions, calEnd);
    const f = fitBgnbd(customers);
    within(f.ll, ref.bgnbd_params.recomputed.loglik, 1e-6);
    const holdoutWeeks = (log.lastDay - calEnd) / 7;
    expect(holdoutWeeks).toBe(39);
    const bins = ref.validation_by_calibration_frequency;
    const sum = new Array<number>(8).fill(0);
    const n = new Array<number>(8).fill(0);
    let total = 0;
    for (const c of customers) {
      const e = expectedPurchases(f.params, holdoutWeeks, c.x, c.t_x, c.T);
      sum[Math.min(c.x, 7)] += e;
      n[Math.min(c.x, 7)]++;
      total += e;
    }
    expect(n).toEqual(bins.n);
    sum.forEach((s, k) => expect(Math.abs(s / n[k] - bins.bgnbd_expected[k])).toBeLessThanOrEqual(0.001));
    expect(Math.abs(total - ref.cohort_totals.bgnbd_sum_conditional_expectations_validation)).toBeLessThan(0.1);
  });
});

describe('BG/NBD on simulated customers and edge cases', () => {
  it('recovers known parameters from a simulated population', () => {
    for (const truth of [
      { r: 0.25, alpha: 4, a: 0.8, b: 2.5 },
      { r: 2, alpha: 10, a: 3, b: 5 },
    ]) {
      const f = fitBgnbd(simulateBgnbd(truth, { customers: 20_000, seed: 3, maxAgeDays: 273 }));
      expect(f.converged).toBe(true);
      for (const k of KEYS) within(f.params[k], truth[k], 0.15);
    }
  });

  it('fits 100,000 customers with whole-day histories in well under 2 s', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const rows = simulateBgnbd(truth, { customers: 100_000, seed: 7, maxAgeDays: 365, wholeDays: true });
    const t0 = performance.now();
    const f = fitBgnbd(rows);
    const ms = performance.now() - t0;
    console.log(`BG/NBD fit on 100,000 simulated customers: ${Math.round(ms)} ms`);
    expect(f.converged).toBe(true);
    expect(ms).toBeLessThan(2000);
    for (const k of KEYS) within(f.params[k], truth[k], 0.15);
  });

  it('stays finite for very frequent buyers and treats x = 0 exactly', () => {
    const p = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 };
    const e = expectedPurchases(p, 52, 2000, 51.9, 52);
    // Summed directly, eq. 10 is e^−1307 × e^+1307 here; the value below is eq. 10 evaluated
    // with 50-digit arithmetic (mpmath), P(alive) = 0.986449.
    expect(pAlive(p, 2000, 51.9, 52)).toBeCloseTo(0.98644900856809, 10);
    expect(e).toBeCloseTo(1382.08122086021, 6);
    // Long gone: 500 purchases in the first week, none in the 51 since.
    expect(pAlive(p, 500, 1, 52)).toBeLessThan(1e-100);
    expect(expectedPurchases(p, 52, 500, 1, 52)).toBe(0);
    expect(pAlive(p, 0, 0, 30)).toBe(1);
    expect(expectedPurchases(p, 0, 3, 10, 30)).toBe(0);
    // a = 1 exactly is a removable 0/0.
    const near = expectedPurchasesNew({ ...p, a: 1 }, 10);
    expect(near).toBeCloseTo(expectedPurchasesNew({ ...p, a: 1.001 }, 10), 3);
    // Two customers cannot identify four parameters: the fit runs to the edge and says so.
    expect(fitBgnbd([{ x: 1, t_x: 4.43, T: 13 }, { x: 1, t_x: 8, T: 12.43 }]).converged).toBe(false);
    expect(() => fitBgnbd([{ x: 1, t_x: 5, T: 3 }])).toThrow(/t_x ≤ T/);
    expect(() => fitBgnbd([])).toThrow(/no customers/);
  });

  it('pNoPurchase is 1 − P(alive) + P(alive)·((α+T)/(α+T+t))^(r+x)', () => {
    const p = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 };
    const alive = pAlive(p, 2, 30.43, 38.86);
    const hand = 1 - alive + alive * ((4.4 + 38.86) / (4.4 + 38.86 + 10)) ** 2.24;
    expect(pNoPurchase(p, 10, 2, 30.43, 38.86)).toBeCloseTo(hand, 12);
    // A customer with no repeat purchase is alive for sure: only the Poisson–gamma part remains.
    expect(pNoPurchase(p, 10, 0, 0, 20)).toBeCloseTo((24.4 / 34.4) ** 0.24, 12);
    expect(pNoPurchase(p, 0, 2, 30.43, 38.86)).toBe(1);
    expect(pNoPurchase(p, 20, 2, 30.43, 38.86)).toBeLessThan(pNoPurchase(p, 10, 2, 30.43, 38.86));
  });
});
