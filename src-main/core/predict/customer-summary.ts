// A transaction log (the eval's files) summarised per customer for the customer-base models, by
// the one definition of the CDNOW rules the app uses too (history.ts: same-day purchases merged,
// x = purchase days after the first up to the calibration end day, t_x and T in weeks). This
// reproduces lifetimes' cdnow_customers_summary.csv exactly. Purchases after the calibration end
// are the hold-out, kept only as a count for evaluation.
import { customersAtCut, historyFromTransactions, purchasesBetween } from './history';

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
  const { history: h, customers } = historyFromTransactions(transactions, calibrationEndDay + 1);
  return customersAtCut(h, calibrationEndDay + 1).map((c) => ({
    customer: customers[c.i],
    x: c.x,
    t_x: c.t_x,
    T: c.T,
    zbar: c.zbar,
    holdout: purchasesBetween(h, c.i, calibrationEndDay + 1, Infinity),
    firstDay: c.firstDay,
    lastDay: h.days[h.start[c.i + 1] - 1],
  }));
}
