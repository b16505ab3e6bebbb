// Discounted CLV: one month undiscounted is expected purchases × expected spend; later months are
// increments of the cumulative expectation, discounted by (1 + d)^(m/12).
import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../../../src-main/core/predict/bgnbd';
import { WEEKS_PER_MONTH, customerLifetimeValue } from '../../../src-main/core/predict/clv';
import { conditionalSpend } from '../../../src-main/core/predict/gamma-gamma';

const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
const customer = { x: 2, t_x: 30.43, T: 38.86, zbar: 22.35 };

describe('customerLifetimeValue', () => {
  it('one month at zero discount is expected purchases × expected spend', () => {
    const hand = expectedPurchases(bg, 365.25 / 12 / 7, 2, 30.43, 38.86) * conditionalSpend(gg, 2, 22.35);
    expect(WEEKS_PER_MONTH).toBeCloseTo(4.348214, 6);
    expect(customerLifetimeValue(bg, gg, customer, { months: 1 })).toBeCloseTo(hand, 10);
  });

  it('discounts each month’s increment by (1 + d)^(m/12)', () => {
    const spend = conditionalSpend(gg, 2, 22.35);
    const e1 = expectedPurchases(bg, WEEKS_PER_MONTH, 2, 30.43, 38.86);
    const e2 = expectedPurchases(bg, 2 * WEEKS_PER_MONTH, 2, 30.43, 38.86);
    const hand = (e1 * spend) / 1.1 ** (1 / 12) + ((e2 - e1) * spend) / 1.1 ** (2 / 12);
    expect(customerLifetimeValue(bg, gg, customer, { months: 2, annualDiscountRate: 0.1 })).toBeCloseTo(hand, 10);
    // Undiscounted, the increments add up to the cumulative expectation.
    const twelve = customerLifetimeValue(bg, gg, customer, { months: 12 });
    expect(twelve).toBeCloseTo(expectedPurchases(bg, 12 * WEEKS_PER_MONTH, 2, 30.43, 38.86) * spend, 10);
    expect(customerLifetimeValue(bg, gg, customer, { months: 12, annualDiscountRate: 0.1 })).toBeLessThan(twelve);
  });

  it('values a one-time buyer at the population spend, and rejects bad horizons', () => {
    const one = { x: 0, t_x: 0, T: 20, zbar: 0 };
    expect(customerLifetimeValue(bg, gg, one, { months: 6 })).toBeCloseTo(expectedPurchases(bg, 6 * WEEKS_PER_MONTH, 0, 0, 20) * ((6.25 * 15.44) / 2.74), 10);
    expect(() => customerLifetimeValue(bg, gg, one, { months: 0 })).toThrow(/months/);
    expect(() => customerLifetimeValue(bg, gg, one, { months: 1.5 })).toThrow(/months/);
    expect(() => customerLifetimeValue(bg, gg, one, { months: 3, annualDiscountRate: -1 })).toThrow(/discount/);
  });
});
