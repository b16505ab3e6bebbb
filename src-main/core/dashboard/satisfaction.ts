// Satisfaction over time: Net Promoter Score from survey answers (feedback.nps, 0–10) and the
// average review rating (feedback.rating, 1–5), by week or month.
// NPS = % promoters (9–10) − % detractors (0–6); passives (7–8) count only in the base.
// Reichheld, F. F. (2003). "The One Number You Need to Grow". Harvard Business Review 81(12).
import type Database from 'better-sqlite3';
import { intervals, type Bucket } from './buckets';

export interface SatisfactionInput {
  bucket: Bucket;
  from: number;
  to: number;
}

export interface SatisfactionCounts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..100, null with no response. */
  nps: number | null;
  reviews: number;
  /** 1..5, null with no review. */
  avgRating: number | null;
}

/** NPS from the three counts, rounded to a whole point as it is usually quoted; null with none. */
export function npsOf(promoters: number, passives: number, detractors: number): number | null {
  const n = promoters + passives + detractors;
  return n === 0 ? null : Math.round(((promoters - detractors) / n) * 100);
}

const SUMS = `WITH iv(k, lo, hi) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))
  SELECT iv.k AS k, count(f.nps) AS responses, count(*) FILTER (WHERE f.nps >= 9) AS promoters,
    count(*) FILTER (WHERE f.nps BETWEEN 7 AND 8) AS passives, count(*) FILTER (WHERE f.nps <= 6) AS detractors,
    count(f.rating) AS reviews, avg(f.rating) AS avgRating
  FROM iv JOIN feedback f ON f.occurred_at >= iv.lo AND f.occurred_at < iv.hi
  WHERE f.nps IS NOT NULL OR f.rating IS NOT NULL GROUP BY iv.k`;

type Row = Omit<SatisfactionCounts, 'nps'> & { k: string };

export function satisfactionOverview(sqlite: Database.Database, input: SatisfactionInput) {
  const list = intervals(input.bucket, input.from, input.to);
  const iv: [string, number, number][] = [...list.map((b, i) => [`c${i}`, b.from, b.to] as [string, number, number]), ['all', input.from, input.to]];
  const rows = new Map((sqlite.prepare(SUMS).all(JSON.stringify(iv)) as Row[]).map((r) => [r.k, r]));
  const counts = (k: string): SatisfactionCounts => {
    const r = rows.get(k);
    if (!r) return { responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null, reviews: 0, avgRating: null };
    return {
      responses: r.responses,
      promoters: r.promoters,
      passives: r.passives,
      detractors: r.detractors,
      nps: npsOf(r.promoters, r.passives, r.detractors),
      reviews: r.reviews,
      avgRating: r.reviews ? r.avgRating : null,
    };
  };
  return {
    bucket: input.bucket,
    points: list.map((b, i) => ({ start: b.start, period: b.period, ...counts(`c${i}`) })),
    totals: counts('all'),
  };
}
