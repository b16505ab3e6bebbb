// Stores a run: the run row (date, data counts, cuts, model), every customer's row in
// customer_segments (replaced whole), the clusters with their names, and only the last few runs.
// A name a person or the model gave a cluster carries over to the new cluster nearest to the old
// one's centre, compared on the features both runs share in raw (unstandardised) units (a
// person's first); rule names are made again.
import type Database from 'better-sqlite3';
import { changeBus } from '../changes/bus';
import type { AnalysisDate } from './analysis-date';
import type { Facts } from './facts';
import type { RunModel, RunThresholds } from './model';
import type { ClusterPhase, RfmPhase } from './recompute';
import { ruleName, type NameLanguage } from './rule-names';

/** Runs kept (the newest); older ones go with their clusters. */
export const KEEP_RUNS = 10;

export interface StoreInput {
  date: AnalysisDate;
  facts: Facts;
  rfm: RfmPhase;
  clusters: ClusterPhase;
  thresholds: RunThresholds;
  model: RunModel;
  language: NameLanguage;
  now?: number;
}

interface PersonName {
  source: 'person' | 'model';
  name: string;
  description: string | null;
  nameLanguage: string;
  centroid: number[];
  std: RunModel['std'];
}

/** The clusters a person or the model named in the latest run, with where their centres were. */
function personNames(sqlite: Database.Database): PersonName[] {
  const run = sqlite.prepare('SELECT id, model FROM segment_runs ORDER BY id DESC LIMIT 1').get() as { id: number; model: string } | undefined;
  if (!run) return [];
  const model = JSON.parse(run.model) as RunModel;
  if (!model.centroids?.length) return [];
  const rows = sqlite
    .prepare(
      `SELECT idx, name_source AS source, name, description, name_language AS nameLanguage FROM clusters WHERE run_id = ? AND name_source IN ('person', 'model') ORDER BY idx`,
    )
    .all(run.id) as {
    idx: number;
    source: 'person' | 'model';
    name: string;
    description: string | null;
    nameLanguage: string;
  }[];
  return rows.filter((r) => model.centroids[r.idx - 1]).map((r) => ({ ...r, centroid: model.centroids[r.idx - 1], std: model.std }));
}

/** The new cluster (0-based, in idx order) nearest to an old centre, over the features both runs have. */
function nearestNew(old: PersonName, model: RunModel): { at: number; dist: number } {
  let best = { at: -1, dist: Infinity };
  model.centroids.forEach((c, at) => {
    let s = 0;
    model.std.keys.forEach((key, j) => {
      const o = old.std.keys.indexOf(key);
      if (o < 0) return;
      const raw = old.centroid[o] * old.std.sd[o] + old.std.mean[o];
      const v = (raw - model.std.mean[j]) / model.std.sd[j] - c[j];
      s += v * v;
    });
    if (s < best.dist) best = { at, dist: s };
  });
  return best;
}

export function storeRun(sqlite: Database.Database, input: StoreInput): number {
  const { date, facts: f, rfm, clusters: cp, model } = input;
  const now = input.now ?? Date.now();
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const carried = personNames(sqlite);
    const runId = Number(
      sqlite
        .prepare('INSERT INTO segment_runs (as_of, as_of_pinned, computed_at, customers, with_orders, orders, thresholds, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(date.asOf, date.pinned ? 1 : 0, now, f.customers, f.n, f.paidOrders, JSON.stringify(input.thresholds), JSON.stringify(model)).lastInsertRowid,
    );
    // Rows are replaced by upsert rather than all deleted and inserted again: most customers keep
    // their row's place, and a delete of every row (with its two indexes) cost as much as the inserts.
    const upsert = sqlite.prepare(
      // Only customers still there: one deleted while the job read and clustered is skipped.
      `INSERT INTO customer_segments (customer_id, run_id, r, f, m, segment, prev_segment, cluster, spent_cents, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM customers WHERE id = ?)
       ON CONFLICT(customer_id) DO UPDATE SET run_id = excluded.run_id, r = excluded.r, f = excluded.f, m = excluded.m, segment = excluded.segment,
         prev_segment = excluded.prev_segment, cluster = excluded.cluster, spent_cents = excluded.spent_cents, updated_at = excluded.updated_at`,
    );
    for (let i = 0; i < f.n; i++) {
      const id = f.ids[i];
      upsert.run(id, runId, rfm.r[i], rfm.f[i], rfm.m[i], rfm.segment[i], rfm.prevSegment[i], cp.idx[i] || null, Math.round(f.spend[i]), now, id);
    }
    // Everyone else has no paid order before the date.
    sqlite
      .prepare(`UPDATE customer_segments SET run_id = ?, r = NULL, f = NULL, m = NULL, segment = 'no_orders', prev_segment = NULL, cluster = NULL, spent_cents = 0, updated_at = ? WHERE run_id <> ?`)
      .run(runId, now, runId);
    sqlite
      .prepare(
        `INSERT INTO customer_segments (customer_id, run_id, r, f, m, segment, prev_segment, cluster, updated_at)
         SELECT id, ?, NULL, NULL, NULL, 'no_orders', NULL, NULL, ? FROM customers WHERE NOT EXISTS (SELECT 1 FROM customer_segments s WHERE s.customer_id = customers.id)`,
      )
      .run(runId, now);
    // A customer then with no paid order then was in "no orders" then, if they were a customer at all.
    sqlite
      .prepare(`UPDATE customer_segments SET prev_segment = 'no_orders' WHERE prev_segment IS NULL AND customer_id IN (SELECT id FROM customers WHERE created_at < ?)`)
      .run(f.prevAsOf);

    // Clusters: rule names, then a person's names carried to the nearest new cluster.
    const names = new Map<number, { name: string; description: string | null; source: 'rule' | 'person' | 'model'; language: string }>();
    // A person's names claim their nearest cluster first, then the model's.
    const rank = (s: PersonName['source']) => (s === 'person' ? 0 : 1);
    const claimed = carried.map((p) => ({ p, ...nearestNew(p, model) })).sort((a, b) => rank(a.p.source) - rank(b.p.source) || a.dist - b.dist);
    for (const c of claimed) {
      if (c.at < 0 || names.has(c.at)) continue;
      names.set(c.at, { name: c.p.name, description: c.p.description, source: c.p.source, language: c.p.nameLanguage });
    }
    const taken = new Set([...names.values()].map((n) => n.name));
    const insertCluster = sqlite.prepare(
      'INSERT INTO clusters (run_id, idx, size, revenue_cents, profile, name, description, name_source, name_language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    cp.clusters.forEach((c, at) => {
      const named = names.get(at) ?? (() => {
        const r = ruleName(c.profile, input.language, taken);
        return { name: r.name, description: r.description, source: 'rule' as const, language: input.language };
      })();
      insertCluster.run(runId, c.idx, c.size, c.revenueCents, JSON.stringify(c.profile), named.name, named.description, named.source, named.language);
    });

    sqlite.prepare(`DELETE FROM segment_runs WHERE id NOT IN (SELECT id FROM segment_runs ORDER BY id DESC LIMIT ${KEEP_RUNS})`).run();
    sqlite.prepare('DELETE FROM clusters WHERE run_id NOT IN (SELECT id FROM segment_runs)').run();
    bus.record('segments', 'bulk');
    return runId;
  });
}
