// Per-customer summaries with the CDNOW rules: a hand-checked log (same-day purchases merged,
// hold-out counted, late first purchases left out), and lifetimes' published CDNOW summary
// reproduced for all 2,357 customers from the raw log.
import { describe, expect, it } from 'vitest';
import { summariseLog } from '../../../src-main/core/predict/customer-summary';
import { parseDay, readTransactionLog } from '../../eval/lib/transaction-log';
import { cdnowFile, cdnowReference, haveCdnow, numericCsv } from './cdnow-data';

describe('summariseLog on a hand-checked log', () => {
  const log = [
    { customer: 'a', day: 10, amount: 5 },
    { customer: 'a', day: 24, amount: 7 },
    { customer: 'a', day: 24, amount: 3 }, // same day: one purchase of 10
    { customer: 'a', day: 31, amount: 20 },
    { customer: 'a', day: 45, amount: 1 }, // after the calibration end (day 38): hold-out
    { customer: 'a', day: 50, amount: 1 },
    { customer: 'b', day: 38, amount: 9 }, // first purchase on the end day: x = 0, T = 0
    { customer: 'c', day: 39, amount: 9 }, // first purchase after it: left out
    { customer: 'd', day: 3, amount: 4 },
    { customer: 'd', day: 3, amount: 4 },
  ];
  const out = summariseLog(log, 38);

  it('merges same-day purchases, counts repeat days, and measures t_x and T in weeks', () => {
    expect(out.map((c) => c.customer)).toEqual(['a', 'b', 'd']);
    expect(out[0]).toEqual({ customer: 'a', x: 2, t_x: 3, T: 4, zbar: 15, holdout: 2, firstDay: 10, lastDay: 50 });
    expect(out[1]).toEqual({ customer: 'b', x: 0, t_x: 0, T: 0, zbar: 0, holdout: 0, firstDay: 38, lastDay: 38 });
    expect(out[2]).toMatchObject({ x: 0, t_x: 0, T: 5, zbar: 0, holdout: 0 });
  });
});

describe.skipIf(!haveCdnow)(`CDNOW summaries${haveCdnow ? '' : ' (skipped: reference data not found)'}`, () => {
  it('reproduces cdnow_customers_summary.csv for every customer, zbar, and the repeat totals', () => {
    const ref = cdnowReference();
    const log = readTransactionLog(cdnowFile('CDNOW_sample.txt'));
    expect(log.format).toBe('cdnow');
    expect(log.transactions.length).toBe(6919);
    const calEnd = parseDay('1997-09-30') as number;
    expect(calEnd - (parseDay('19970101') as number)).toBe(272);
    const ours = new Map(summariseLog(log.transactions, calEnd).map((c) => [c.customer, c]));
    const published = numericCsv('cdnow_customers_summary.csv');
    const withZbar = numericCsv('cdnow_customers_summary_with_transactions.csv');
    expect(ours.size).toBe(ref.setup.customers);
    expect(published.length).toBe(ref.setup.customers);
    const r2 = (v: number) => Math.round(v * 100) / 100;
    const mismatches = published.filter((p) => {
      const c = ours.get(String(p.ID));
      return !c || c.x !== p.frequency || r2(c.t_x) !== p.recency || r2(c.T) !== p.T;
    });
    expect(mismatches).toEqual([]);
    for (const p of withZbar) expect(Math.abs((ours.get(String(p.ID))?.zbar ?? NaN) - p.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
    const all = [...ours.values()];
    expect(all.reduce((s, c) => s + c.x, 0)).toBe(ref.cohort_totals.calibration_repeat_tx);
    expect(all.reduce((s, c) => s + c.holdout, 0)).toBe(ref.cohort_totals.validation_repeat_tx);
    expect(all.filter((c) => c.x > 0).length).toBe(ref.gamma_gamma_params.customers_used);
  });
});
