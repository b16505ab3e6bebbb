// Per-customer purchase histories for the customer-base models, with the rules of Fader, Hardie
// & Lee (2005) as applied to CDNOW (reproducing lifetimes' cdnow_customers_summary.csv exactly):
// purchases on the same day are one purchase; x counts the purchase days after the first one up
// to and including the calibration end day; t_x and T are in weeks (days / 7), T measured to the
// calibration end day. Purchases after it are the hold-out, kept only as a count for evaluation.

export interface Transaction {
  customer: string;
  /** Whole days since any fixed epoch. */
  day: number;
  amount: number;
}

export interface CustomerSummary {
  customer: string;
  /** Repeat purchase days in calibration. */
  x: number;
  /** Weeks from the first purchase to the last calibration purchase (0 when x = 0). */
  t_x: number;
  /** Weeks from the first purchase to the calibration end day. */
  T: number;
  /** Mean value of the repeat calibration purchase days, same-day amounts summed (0 when x = 0). */
  zbar: number;
  /** Purchase days after the calibration end day. */
  holdout: number;
  firstDay: number;
  /** Last purchase day, hold-out included. */
  lastDay: number;
}

/**
 * One summary per customer whose first purchase is on or before `calibrationEndDay`, in order of
 * first appearance in `transactions` (which may be in any order).
 */
export function summariseLog(transactions: readonly Transaction[], calibrationEndDay: number): CustomerSummary[] {
  // customer → day → amount, merging same-day purchases.
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    let days = byCustomer.get(t.customer);
    if (!days) byCustomer.set(t.customer, (days = new Map()));
    days.set(t.day, (days.get(t.day) ?? 0) + t.amount);
  }
  const out: CustomerSummary[] = [];
  for (const [customer, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const firstDay = sorted[0];
    if (firstDay > calibrationEndDay) continue;
    let x = 0;
    let lastCal = firstDay;
    let spend = 0;
    let holdout = 0;
    for (let i = 1; i < sorted.length; i++) {
      const d = sorted[i];
      if (d <= calibrationEndDay) {
        x++;
        lastCal = d;
        spend += days.get(d) as number;
      } else holdout++;
    }
    out.push({
      customer,
      x,
      t_x: (lastCal - firstDay) / 7,
      T: (calibrationEndDay - firstDay) / 7,
      zbar: x > 0 ? spend / x : 0,
      holdout,
      firstDay,
      lastDay: sorted[sorted.length - 1],
    });
  }
  return out;
}
