// The churn model trained and measured on time splits of one purchase history: the app trains
// at one churn period before the analysis date (what happened in the period after is the label)
// and scores at the analysis date; the eval and the tests score at a split date and measure the
// AUC against what happened after it, beside the AUC of recency alone.
import { auc } from './auc';
import { fitBgnbd, pAlive, pNoPurchase, type BgnbdFit, type BgnbdParams } from './bgnbd';
import { bgnbdOnly, churnRisk, fitChurn, type ChurnInput, type ChurnModel } from './churn';
import { boughtBetween, customersAtCut, fittable, type CustomerAtCut, type PurchaseHistory } from './history';

/** The churn inputs of every customer at a cut, for a period of `periodDays` after it. */
export function churnInputsAt(rows: readonly CustomerAtCut[], cutDay: number, periodDays: number, params: BgnbdParams): ChurnInput[] {
  const t = periodDays / 7;
  return rows.map((c) => ({
    pNoPurchase: pNoPurchase(params, t, c.x, c.t_x, c.T),
    pAlive: pAlive(params, c.x, c.t_x, c.T),
    repeats: c.x,
    spanDays: c.lastDay - c.firstDay,
    sinceDays: cutDay - 1 - c.lastDay,
    spendTrend: c.spendTrend,
    openComplaints: c.openComplaints,
    negativeFeeling: c.negativeFeeling,
  }));
}

/** The customers as of a cut, their BG/NBD fit and their churn inputs for the period after it. */
export interface AtCut {
  rows: CustomerAtCut[];
  fit: BgnbdFit;
  inputs: ChurnInput[];
}

export interface TrainedChurn {
  model: ChurnModel;
  /** What the model was trained on (null when there was nothing to fit). */
  at: AtCut | null;
  /** The cut it was trained at, and the label period after it (days). */
  trainCutDay: number;
  trainPeriodDays: number;
}

/**
 * Trains the churn model for scoring at `cutDay`: features as of an earlier cut, labelled by
 * whether each customer bought before `cutDay`. The training period is the churn period, or half
 * the history when the history is shorter than two periods (the features do not depend on the
 * period's length; only the base rate does, which the ranking does not use).
 */
export function trainChurn(h: PurchaseHistory, cutDay: number, periodDays: number): TrainedChurn {
  if (h.n === 0) return { model: bgnbdOnly(), at: null, trainCutDay: cutDay, trainPeriodDays: 0 };
  let firstDay = Infinity;
  for (let i = 0; i < h.n; i++) firstDay = Math.min(firstDay, h.days[h.start[i]]);
  const trainPeriodDays = Math.min(periodDays, Math.floor((cutDay - firstDay) / 2));
  const trainCutDay = cutDay - trainPeriodDays;
  const rows = trainPeriodDays >= 7 ? customersAtCut(h, trainCutDay) : [];
  if (fittable(rows).length < 2) return { model: bgnbdOnly(), at: null, trainCutDay, trainPeriodDays };
  // Not converged still gives the best parameters found: good enough to rank with.
  const fit = fitBgnbd(fittable(rows));
  const inputs = churnInputsAt(rows, trainCutDay, trainPeriodDays, fit.params);
  const churned = rows.map((c) => !boughtBetween(h, c.i, trainCutDay, cutDay));
  return { model: fitChurn(inputs, churned), at: { rows, fit, inputs }, trainCutDay, trainPeriodDays };
}

export interface ChurnSplitResult {
  customers: number;
  churned: number;
  /** AUC of the churn risk and of recency alone (days since the last purchase) for "churned". */
  auc: number;
  recencyAuc: number;
  model: ChurnModel['kind'];
}

/**
 * Scores everyone who bought before `splitDay` as of then, and measures against who bought nothing
 * in the `periodDays` after it. Only the history before the split is used to fit and score.
 * `known`, when given, must be the customers as of `splitDay` with their fit and inputs for
 * `periodDays` (the app trained its own model there: TrainedChurn.at).
 */
export function churnSplit(h: PurchaseHistory, splitDay: number, periodDays: number, known?: AtCut | null): ChurnSplitResult | null {
  const rows = known?.rows ?? customersAtCut(h, splitDay);
  if (fittable(rows).length < 2) return null;
  const inputs = known?.inputs ?? churnInputsAt(rows, splitDay, periodDays, fitBgnbd(fittable(rows)).params);
  const trained = trainChurn(h, splitDay, periodDays);
  const churned = rows.map((c) => !boughtBetween(h, c.i, splitDay, splitDay + periodDays));
  const n = churned.filter(Boolean).length;
  if (n === 0 || n === rows.length) return null;
  return {
    customers: rows.length,
    churned: n,
    auc: auc(
      inputs.map((c) => churnRisk(trained.model, c)),
      churned,
    ),
    recencyAuc: auc(
      inputs.map((c) => c.sinceDays),
      churned,
    ),
    model: trained.model.kind,
  };
}
