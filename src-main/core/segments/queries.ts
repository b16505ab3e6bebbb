// What the segments screens read: the overview (the latest run, the twelve segments with their
// size and revenue, the 5 × 5 RFM grid, how customers moved since the previous period, the
// clustering and its clusters) and one customer's place. Aggregates over customer_segments,
// whose rows are at most one per customer, grouped on its indexed columns.
import type Database from 'better-sqlite3';
import { fmScore, NO_ORDERS, RFM_SEGMENTS, SEGMENT_CODES, type SegmentCode } from '../../shared/segments';
import { changeBus } from '../changes/bus';
import { PAID } from '../orders/metrics';
import { analysisAsOf, dayOf, DAY_MS } from './analysis-date';
import type { RunModel } from './model';
import type { ClusterProfile } from './profile';
import { activeRecompute } from './recompute-job';
import { ruleName } from './rule-names';
import { stmt, uiLanguage } from './stmts';

export const SEGMENT_NAMES_KEY = 'segmentNames';

export interface ClusterView {
  idx: number;
  size: number;
  sizeShare: number;
  revenueCents: number;
  revenueShare: number;
  name: string;
  description: string | null;
  nameSource: 'rule' | 'model' | 'person';
  nameLanguage: string;
  profile: ClusterProfile;
}

export interface SegmentsOverview {
  run: { id: number; asOf: number; date: string; pinned: boolean; computedAt: number; customers: number; withOrders: number; orders: number } | null;
  stale: boolean;
  jobId: number | null;
  segments: { code: SegmentCode; customers: number; revenueCents: number; revenueShare: number; prevCustomers: number; customName: string | null }[];
  grid: { r: number; fm: number; customers: number; revenueCents: number }[];
  moves: { from: SegmentCode; to: SegmentCode; customers: number }[];
  clustering: {
    k: number;
    method: 'silhouette';
    scores: { k: number; silhouette: number }[];
    reason: RunModel['reason'];
    features: string[];
    sampled: number;
  } | null;
  clusters: ClusterView[];
}

interface RunRow {
  id: number;
  asOf: number;
  pinned: number;
  computedAt: number;
  customers: number;
  withOrders: number;
  orders: number;
  model: string;
}

export function segmentNames(sqlite: Database.Database): Partial<Record<SegmentCode, string>> {
  const raw = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').pluck().get(SEGMENT_NAMES_KEY) as string | undefined;
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Partial<Record<SegmentCode, string>>;
  } catch {
    return {};
  }
}

export function latestRunRow(sqlite: Database.Database): RunRow | undefined {
  return stmt(
    sqlite,
    'SELECT id, as_of AS asOf, as_of_pinned AS pinned, computed_at AS computedAt, customers, with_orders AS withOrders, orders, model FROM segment_runs ORDER BY id DESC LIMIT 1',
  ).get() as RunRow | undefined;
}

export function clusterViews(sqlite: Database.Database, runId: number): ClusterView[] {
  const rows = stmt(
    sqlite,
    'SELECT idx, size, revenue_cents AS revenueCents, profile, name, description, name_source AS nameSource, name_language AS nameLanguage FROM clusters WHERE run_id = ? ORDER BY idx',
  ).all(runId) as (Omit<ClusterView, 'profile' | 'sizeShare' | 'revenueShare'> & { profile: string })[];
  const people = rows.reduce((a, r) => a + r.size, 0);
  const revenue = rows.reduce((a, r) => a + r.revenueCents, 0);
  // A rule-made name is a function of the profile: it is said again in the language the person
  // reads now (preferences), so switching to Chinese does not leave English names behind. Names
  // the model or the person wrote stay as written.
  const language = uiLanguage(sqlite);
  const taken = new Set<string>();
  return rows.map((r) => {
    const profile = JSON.parse(r.profile) as ClusterProfile;
    const said = r.nameSource === 'rule' && r.nameLanguage !== language ? { ...ruleName(profile, language, taken), nameLanguage: language } : {};
    taken.add('name' in said ? (said.name as string) : r.name);
    return { ...r, ...said, sizeShare: people ? r.size / people : 0, revenueShare: revenue ? r.revenueCents / revenue : 0, profile };
  });
}

/**
 * The overview's aggregates, kept until a change that can move them (a run stored, a customer's
 * segment rescored, a name, a setting) is committed: the dashboard and the segments page ask for
 * it often and the grouped join over every customer is the slow part. Whether it is stale and the
 * active recompute are read fresh on every call.
 */
const cached = new WeakMap<Database.Database, Omit<SegmentsOverview, 'stale' | 'jobId'>>();
const watched = new WeakSet<Database.Database>();
const MOVES_IT: ReadonlySet<string> = new Set(['segments', 'customer', 'order', 'settings']);

/** Drops the kept aggregates (the bench times the overview cold, as after any change). */
export function forgetOverview(sqlite: Database.Database): void {
  cached.delete(sqlite);
}

export function segmentsOverview(sqlite: Database.Database): SegmentsOverview {
  if (!watched.has(sqlite)) {
    watched.add(sqlite);
    changeBus(sqlite).on((e) => {
      if (e.changes.some((c) => MOVES_IT.has(c.type))) cached.delete(sqlite);
    });
  }
  const jobId = activeRecompute(sqlite);
  let body = cached.get(sqlite);
  if (!body) cached.set(sqlite, (body = overviewBody(sqlite)));
  if (!body.run) {
    const hasOrders = stmt(sqlite, `SELECT 1 FROM orders WHERE ${PAID} LIMIT 1`).get() !== undefined;
    return { ...body, stale: hasOrders, jobId };
  }
  // Stale: the date moved on (not pinned), or customers came or went without a recompute.
  const missing = stmt(sqlite, 'SELECT (SELECT count(*) FROM customers) - (SELECT count(*) FROM customer_segments)').pluck().get() as number;
  return { ...body, stale: analysisAsOf(sqlite).asOf !== body.run.asOf || missing !== 0, jobId };
}

function overviewBody(sqlite: Database.Database): Omit<SegmentsOverview, 'stale' | 'jobId'> {
  const row = latestRunRow(sqlite);
  const names = segmentNames(sqlite);
  const empty = (code: SegmentCode) => ({ code, customers: 0, revenueCents: 0, revenueShare: 0, prevCustomers: 0, customName: names[code] ?? null });
  const order: SegmentCode[] = [...RFM_SEGMENTS, NO_ORDERS];
  const grid: SegmentsOverview['grid'] = [];
  for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) grid.push({ r, fm, customers: 0, revenueCents: 0 });
  if (!row) return { run: null, segments: order.map(empty), grid, moves: [], clustering: null, clusters: [] };
  // Revenue per segment: the customers' spend up to the analysis date, summed over the cells of the
  // grid; read from the covering index alone.
  const cells = stmt(
    sqlite,
    `SELECT segment, r, f, m, count(*) AS customers, coalesce(sum(spent_cents), 0) AS revenue
     FROM customer_segments INDEXED BY customer_segments_segment_idx GROUP BY segment, r, f, m`,
  ).all() as { segment: SegmentCode; r: number | null; f: number | null; m: number | null; customers: number; revenue: number }[];
  const bySeg = new Map(order.map((c) => [c, empty(c)]));
  let total = 0;
  for (const c of cells) {
    const seg = bySeg.get(c.segment);
    if (seg) {
      seg.customers += c.customers;
      seg.revenueCents += c.revenue;
    }
    total += c.revenue;
    if (c.r && c.f && c.m) {
      const cell = grid[(c.r - 1) * 5 + fmScore(c.f, c.m) - 1];
      cell.customers += c.customers;
      cell.revenueCents += c.revenue;
    }
  }
  const flows = stmt(sqlite, 'SELECT prev_segment AS prev, segment, count(*) AS n FROM customer_segments GROUP BY prev_segment, segment').all() as {
    prev: SegmentCode | null;
    segment: SegmentCode;
    n: number;
  }[];
  const moves: SegmentsOverview['moves'] = [];
  for (const f of flows) {
    if (f.prev === null) continue;
    const prev = bySeg.get(f.prev);
    if (prev) prev.prevCustomers += f.n;
    if (f.prev !== f.segment) moves.push({ from: f.prev, to: f.segment, customers: f.n });
  }
  moves.sort((a, b) => b.customers - a.customers || SEGMENT_CODES.indexOf(a.from) - SEGMENT_CODES.indexOf(b.from) || SEGMENT_CODES.indexOf(a.to) - SEGMENT_CODES.indexOf(b.to));
  const segments = order.map((c) => {
    const s = bySeg.get(c) ?? empty(c);
    return { ...s, revenueShare: total ? s.revenueCents / total : 0 };
  });
  const model = JSON.parse(row.model) as RunModel;
  const clustering = model.reason
    ? { k: model.k, method: 'silhouette' as const, scores: model.scores, reason: model.reason, features: model.features, sampled: model.sampled }
    : null;
  return {
    run: { id: row.id, asOf: row.asOf, date: dayOf(row.asOf - DAY_MS), pinned: !!row.pinned, computedAt: row.computedAt, customers: row.customers, withOrders: row.withOrders, orders: row.orders },
    segments,
    grid,
    moves: moves.slice(0, 20),
    clustering,
    clusters: clusterViews(sqlite, row.id),
  };
}

export interface CustomerSegmentView {
  segment: SegmentCode;
  prevSegment: SegmentCode | null;
  r: number | null;
  f: number | null;
  m: number | null;
  cluster: number | null;
  clusterName: string | null;
  date: string;
}

export function customerSegment(sqlite: Database.Database, customerId: number): CustomerSegmentView | null {
  const row = stmt(
    sqlite,
    `SELECT s.segment, s.prev_segment AS prevSegment, s.r, s.f, s.m, s.cluster, runs.id AS runId, runs.as_of AS asOf
     FROM customer_segments s
     JOIN (SELECT id, as_of FROM segment_runs ORDER BY id DESC LIMIT 1) runs
     WHERE s.customer_id = ?`,
  ).get(customerId) as (Omit<CustomerSegmentView, 'date' | 'clusterName'> & { asOf: number; runId: number }) | undefined;
  if (!row) return null;
  const { asOf, runId, ...rest } = row;
  // The cluster's name as the segments page shows it (clusterViews says rule names in the UI's language).
  const clusterName = rest.cluster === null ? null : (clusterViews(sqlite, runId).find((c) => c.idx === rest.cluster)?.name ?? null);
  return { ...rest, clusterName, date: dayOf(asOf - DAY_MS) };
}
