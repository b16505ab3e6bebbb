// One customer's predictions kept true after a single write (an order recorded, a complaint, a
// message, a reply): rescored inside the write's transaction with the latest run's stored models
// (BG/NBD, Gamma-Gamma, the churn model, its period and the CLV settings), as of the run's date,
// so the customer page never says "nothing for 11 weeks" the moment after an order. Bulk writes
// are left to the run that follows them (recompute-job.ts).
import type Database from 'better-sqlite3';
import { changeBus } from '../changes/bus';
import type { DerivedHook } from '../derived/hooks';
import { churnInputsAt } from './churn-split';
import { customersAtCut, readHistory } from './history';
import { scoreCustomer } from './recompute';
import type { PredictionModel } from './store';

interface LatestRun {
  id: number;
  asOf: number;
  horizonMonths: number;
  discountRate: number;
  model: Pick<PredictionModel, 'bgnbd' | 'gg' | 'churn' | 'meanOrderCents'>;
}

/** The latest run's scoring models only (not its forecasts): this runs on every single write. */
function latestRun(sqlite: Database.Database): LatestRun | null {
  const row = sqlite
    .prepare(
      `SELECT id, as_of AS asOf, horizon_months AS horizonMonths, discount_rate AS discountRate,
         json_object('bgnbd', model -> '$.bgnbd', 'gg', model -> '$.gg', 'churn', model -> '$.churn', 'meanOrderCents', model -> '$.meanOrderCents') AS model
       FROM prediction_runs ORDER BY id DESC LIMIT 1`,
    )
    .get() as (Omit<LatestRun, 'model'> & { model: string }) | undefined;
  return row ? { ...row, model: JSON.parse(row.model) as LatestRun['model'] } : null;
}

/** Rescores `customerIds` against the latest run; returns those whose row changed. */
export function updateCustomerPredictions(sqlite: Database.Database, customerIds: readonly number[]): number[] {
  const run = latestRun(sqlite);
  if (!run?.model.bgnbd || !run.model.gg || !customerIds.length) return [];
  const models = {
    bgnbd: run.model.bgnbd.params,
    gg: run.model.gg.params,
    meanOrderCents: run.model.meanOrderCents ?? 0,
    churn: run.model.churn,
    settings: { horizonMonths: run.horizonMonths, discountRate: run.discountRate },
  };
  const upsert = sqlite.prepare(
    `INSERT INTO customer_predictions (customer_id, run_id, purchases, p_alive, expected_purchases, expected_order_cents, clv_cents, churn_risk, reasons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id) DO UPDATE SET run_id = excluded.run_id, purchases = excluded.purchases, p_alive = excluded.p_alive,
       expected_purchases = excluded.expected_purchases, expected_order_cents = excluded.expected_order_cents, clv_cents = excluded.clv_cents,
       churn_risk = excluded.churn_risk, reasons = excluded.reasons`,
  );
  const remove = sqlite.prepare('DELETE FROM customer_predictions WHERE customer_id = ?');
  const done: number[] = [];
  for (const id of new Set(customerIds)) {
    const h = readHistory(sqlite, run.asOf, id);
    const [c] = customersAtCut(h, h.endDay);
    if (!c) {
      // No paid order left before the run's date: no predictions.
      if (remove.run(id).changes) done.push(id);
      continue;
    }
    const [input] = churnInputsAt([c], h.endDay, run.model.churn.periodDays, models.bgnbd);
    const s = scoreCustomer(c, input, models);
    upsert.run(id, run.id, s.purchases, s.pAlive, s.expectedPurchases, s.expectedOrderCents, s.clvCents, s.churnRisk, JSON.stringify(s.reasons));
    done.push(id);
  }
  if (done.length) changeBus(sqlite).record('predictions', 'update', done, done);
  return done;
}

/** The derived-state hook: runs last, after the sentiment of a new message is in. */
export const customerPredictionsHook: DerivedHook = {
  name: 'customer predictions',
  follows: ['order', 'feedback', 'interaction'],
  afterWrite(sqlite, written) {
    updateCustomerPredictions(sqlite, written.customerIds);
  },
  afterBulk() {
    // The predictions run after the segments run the bulk write starts covers everyone.
  },
};
