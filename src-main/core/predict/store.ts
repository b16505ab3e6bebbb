// Stores a run of the predictions: the run row (date, what it rests on, every fitted model as
// JSON), every customer's row in customer_predictions and the bought-together rules (both
// replaced whole), and only the last few runs. One transaction, one change event.
import type Database from 'better-sqlite3';
import type { ForecastPeriod, PredictionSettings } from '../../shared/predictions';
import { changeBus } from '../changes/bus';
import { DAY_MS, dayOf } from '../segments/analysis-date';
import type { ChurnModel } from './churn';
import type { ChurnSplitResult } from './churn-split';
import type { SalesForecast } from './forecast-sales';
import type { PurchaseHistory } from './history';
import { historySpan, type BasketPhase, type FitPhase, type ScorePhase } from './recompute';

export const KEEP_RUNS = 5;

/** The run's models as stored (prediction_runs.model). */
export interface PredictionModel {
  bgnbd: FitPhase['bgnbd'];
  gg: FitPhase['gg'];
  /** Mean repeat-order value (cents), the spend where Gamma-Gamma gives none. */
  meanOrderCents: number;
  thin: FitPhase['thin'];
  churn: ChurnModel & { periodDays: number; trainCut: string; trainPeriodDays: number; check: ChurnSplitResult | null };
  forecast: Record<ForecastPeriod, SalesForecast | null>;
  basket: { baskets: number; minSupport: number; minConfidence: number; rules: number };
}

export interface StoreInput {
  asOf: number;
  history: PurchaseHistory;
  fit: FitPhase;
  score: ScorePhase;
  forecast: Record<ForecastPeriod, SalesForecast | null>;
  basket: BasketPhase;
  settings: PredictionSettings;
  periodDays: number;
  now?: number;
}

export function storeRun(sqlite: Database.Database, input: StoreInput): number {
  const { asOf, history: h, fit, score, basket, settings } = input;
  const now = input.now ?? Date.now();
  const model: PredictionModel = {
    bgnbd: fit.bgnbd,
    gg: fit.gg,
    meanOrderCents: fit.meanOrderCents,
    thin: fit.thin,
    churn: {
      ...score.trained.model,
      periodDays: input.periodDays,
      trainCut: dayOf(score.trained.trainCutDay * DAY_MS),
      trainPeriodDays: score.trained.trainPeriodDays,
      check: score.check,
    },
    forecast: input.forecast,
    basket: { baskets: basket.baskets, minSupport: basket.minSupport, minConfidence: basket.minConfidence, rules: basket.rules.length },
  };
  const span = historySpan(h);
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const runId = Number(
      sqlite
        .prepare(
          `INSERT INTO prediction_runs (as_of, computed_at, customers, orders, first_day, last_day, horizon_months, discount_rate, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(asOf, now, h.n, h.orders, span.firstDay, span.lastDay, settings.horizonMonths, settings.discountRate, JSON.stringify(model)).lastInsertRowid,
    );
    sqlite.prepare('DELETE FROM customer_predictions').run();
    const insert = sqlite.prepare(
      `INSERT INTO customer_predictions (customer_id, run_id, purchases, p_alive, expected_purchases, expected_order_cents, clv_cents, churn_risk, reasons)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of score.scored) {
      insert.run(h.ids[s.i], runId, s.purchases, s.pAlive, s.expectedPurchases, s.expectedOrderCents, s.clvCents, s.churnRisk, JSON.stringify(s.reasons));
    }
    sqlite.prepare('DELETE FROM product_rules').run();
    const rule = sqlite.prepare(
      `INSERT INTO product_rules (run_id, antecedent, lhs_item, consequent, consequent_name, support, confidence, lift, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of basket.rules) {
      rule.run(
        runId,
        JSON.stringify(r.antecedent),
        r.antecedent.length === 1 ? r.antecedent[0] : null,
        r.consequent,
        basket.names.get(r.consequent) ?? r.consequent,
        r.support,
        r.confidence,
        r.lift,
        r.count,
      );
    }
    sqlite.prepare(`DELETE FROM prediction_runs WHERE id NOT IN (SELECT id FROM prediction_runs ORDER BY id DESC LIMIT ${KEEP_RUNS})`).run();
    bus.record('predictions', 'bulk');
    return runId;
  });
}

/** The latest run's models, and its date, for a fit that did not converge to fall back on. */
export function latestModel(sqlite: Database.Database): { model: PredictionModel; date: string } | null {
  const row = sqlite.prepare('SELECT as_of AS asOf, model FROM prediction_runs ORDER BY id DESC LIMIT 1').get() as { asOf: number; model: string } | undefined;
  return row ? { model: JSON.parse(row.model) as PredictionModel, date: dayOf(row.asOf - 1) } : null;
}
