// One customer's segment kept true inside the write that changed them (an order added, edited or
// removed; a customer created): facts read for that customer alone, scored against the latest
// run's stored cuts, placed at the nearest stored centroid, and their row upserted. No full
// recompute for a single edit; the cuts and clusters move only when the job runs again.
import type Database from 'better-sqlite3';
import type { SegmentCode } from '../../shared/segments';
import { changeBus } from '../changes/bus';
import type { DerivedHook } from '../derived/hooks';
import { analysisAsOf } from './analysis-date';
import { PERIOD_DAYS, readCustomerFacts } from './facts';
import { standardiseOne } from './features';
import { nearest } from './kmeans';
import type { RunModel, RunThresholds } from './model';
import { daysBefore, scoreAgainst } from './rfm';
import { stmt } from './stmts';

interface LoadedRun {
  id: number;
  thresholds: RunThresholds;
  model: RunModel;
  /** Centroids as one flat matrix. */
  centroids: Float64Array;
}

/** The latest run's cuts and model, parsed once per run. */
const loaded = new WeakMap<Database.Database, LoadedRun>();

export function latestRun(sqlite: Database.Database): LoadedRun | null {
  const row = stmt(sqlite, 'SELECT id, thresholds, model FROM segment_runs ORDER BY id DESC LIMIT 1').get() as { id: number; thresholds: string; model: string } | undefined;
  if (!row) return null;
  const cached = loaded.get(sqlite);
  if (cached?.id === row.id) return cached;
  const model = JSON.parse(row.model) as RunModel;
  const run = { id: row.id, thresholds: JSON.parse(row.thresholds) as RunThresholds, model, centroids: Float64Array.from(model.centroids.flat()) };
  loaded.set(sqlite, run);
  return run;
}

export interface CustomerSegment {
  r: number | null;
  f: number | null;
  m: number | null;
  segment: SegmentCode;
  prevSegment: SegmentCode | null;
  cluster: number | null;
  /** Paid spend up to the date, cents. */
  spentCents: number;
}

/** Where one customer stands against `run` (null when the customer does not exist). */
export function scoreCustomer(sqlite: Database.Database, run: LoadedRun, customerId: number, asOf = analysisAsOf(sqlite).asOf): CustomerSegment | null {
  const created = stmt(sqlite, 'SELECT created_at FROM customers WHERE id = ?').pluck().get(customerId) as number | undefined;
  if (created === undefined) return null;
  const { current, prev } = run.thresholds;
  const prevAsOf = asOf - PERIOD_DAYS * 86_400_000;
  const facts = readCustomerFacts(sqlite, customerId, asOf, run.model.categories);
  const wasCustomer = created < prevAsOf;
  if (!facts) return { r: null, f: null, m: null, segment: 'no_orders', prevSegment: wasCustomer ? 'no_orders' : null, cluster: null, spentCents: 0 };
  const now = scoreAgainst(current, daysBefore(asOf, facts.last), facts.orders, facts.spend);
  const before = facts.prevOrders > 0 ? scoreAgainst(prev, daysBefore(prevAsOf, facts.prevLast), facts.prevOrders, facts.prevSpend).segment : wasCustomer ? 'no_orders' : null;
  let cluster: number | null = null;
  const k = run.model.centroids.length;
  if (k) {
    const x = standardiseOne(
      { spend: facts.spend, orders: facts.orders, recencyDays: daysBefore(asOf, facts.last), tenureDays: daysBefore(asOf, facts.first), catShare: facts.catShare },
      run.model.std,
    );
    cluster = nearest(x, 0, run.centroids, k, x.length) + 1;
  }
  return { r: now.r, f: now.f, m: now.m, segment: now.segment, prevSegment: before, cluster, spentCents: Math.round(facts.spend) };
}

/**
 * Rescores `customerIds` against the latest run and upserts their rows; records a 'segments'
 * change for them. Nothing without a run (the recompute the core starts will cover them).
 */
export function updateCustomerSegments(sqlite: Database.Database, customerIds: readonly number[]): number[] {
  const run = latestRun(sqlite);
  if (!run || !customerIds.length) return [];
  const asOf = analysisAsOf(sqlite).asOf;
  const upsert = stmt(
    sqlite,
    `INSERT INTO customer_segments (customer_id, run_id, r, f, m, segment, prev_segment, cluster, spent_cents, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(customer_id) DO UPDATE SET r = excluded.r, f = excluded.f, m = excluded.m, segment = excluded.segment, prev_segment = excluded.prev_segment,
       cluster = excluded.cluster, spent_cents = excluded.spent_cents, updated_at = excluded.updated_at`,
  );
  const now = Date.now();
  const done: number[] = [];
  for (const id of new Set(customerIds)) {
    const s = scoreCustomer(sqlite, run, id, asOf);
    if (!s) continue;
    upsert.run(id, run.id, s.r, s.f, s.m, s.segment, s.prevSegment, s.cluster, s.spentCents, now);
    done.push(id);
  }
  if (done.length) changeBus(sqlite).record('segments', 'update', done, done);
  return done;
}

/** The derived-state hook: a single order or customer write rescores that customer in its transaction. */
export const customerSegmentsHook: DerivedHook = {
  name: 'customerSegments',
  follows: ['order', 'customer'],
  afterWrite(sqlite, w) {
    if (w.type === 'customer' && w.op === 'delete') return;
    updateCustomerSegments(sqlite, w.type === 'customer' ? [...w.ids, ...w.customerIds] : w.customerIds);
  },
  // A bulk write is followed by a full recompute (follow.ts): nothing to do inside it.
  afterBulk() {},
};
