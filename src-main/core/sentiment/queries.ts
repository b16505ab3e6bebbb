// What the customer page and the dashboard read of stored sentiment. Every figure counts the
// result shown for a record: the model's where it exists, else the analyzer's (SHOWN).
import type Database from 'better-sqlite3';
import { SENTIMENT_LABELS, type Aspect, type SentimentLabel, type SentimentSource, type StoredSentiment } from '../../shared/sentiment';
import { countStale } from './stale';
import { ROW_COLUMNS, SHOWN, toStored, type SentimentRow } from './store';

export type SentimentRecordType = 'interaction' | 'feedback';

export interface AspectCounts {
  aspect: Aspect;
  positive: number;
  negative: number;
  neutral: number;
}

type Ref = { interactionId: number | null; feedbackId: number | null };
const recordOf = (r: Ref): { recordType: SentimentRecordType; recordId: number } =>
  r.interactionId !== null ? { recordType: 'interaction', recordId: r.interactionId } : { recordType: 'feedback', recordId: r.feedbackId ?? 0 };

const emptyCounts = (): Record<SentimentLabel, number> => Object.fromEntries(SENTIMENT_LABELS.map((l) => [l, 0])) as Record<SentimentLabel, number>;

/** Aspect mentions by polarity, most negative first; `where` filters alias s (with `params`). */
function aspectCounts(sqlite: Database.Database, where: string, params: unknown[]): AspectCounts[] {
  return sqlite
    .prepare(
      `SELECT a.aspect, sum(a.polarity = 'positive') AS positive, sum(a.polarity = 'negative') AS negative, sum(a.polarity = 'neutral') AS neutral
       FROM sentiment_aspects a JOIN sentiments s ON s.id = a.sentiment_id
       WHERE ${where} AND ${SHOWN}
       GROUP BY a.aspect ORDER BY negative DESC, positive ASC, a.aspect`,
    )
    .all(...params) as AspectCounts[];
}

/** A customer's results, oldest first (exported for the query-plan test). */
export const CUSTOMER_POINTS = `SELECT s.interaction_id AS interactionId, s.feedback_id AS feedbackId, s.occurred_at AS at, ${ROW_COLUMNS}
  FROM sentiments s WHERE s.customer_id = ? AND ${SHOWN} ORDER BY s.occurred_at, s.id`;

/** One customer's sentiment over time (oldest first), counts by label, aspects and the latest result. */
export function customerSentiment(sqlite: Database.Database, customerId: number) {
  const rows = sqlite.prepare(CUSTOMER_POINTS).all(customerId) as (SentimentRow & Ref & { at: number })[];
  const counts = emptyCounts();
  for (const r of rows) counts[r.label]++;
  const last = rows.at(-1);
  return {
    points: rows.map((r) => ({ ...recordOf(r), at: r.at, score: r.score, label: r.label, source: r.source })),
    counts,
    aspects: aspectCounts(sqlite, 's.customer_id = ?', [customerId]),
    latest: last ? { ...toStored(last), at: last.at } : null,
  };
}

export interface OverviewInput {
  bucket: 'week' | 'month';
  from?: number;
  to?: number;
}

/** The start of a record's week (Monday) or month, as YYYY-MM-DD in local time. */
const PERIOD = {
  week: `date(s.occurred_at / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days')`,
  month: `date(s.occurred_at / 1000, 'unixepoch', 'localtime', 'start of month')`,
};

const DAY = 86_400_000;
/** "Recent" for the most negative messages: the last 30 days of data (not of the clock). */
const RECENT_MS = 30 * DAY;
const SNIPPET = 160;

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > SNIPPET ? `${t.slice(0, SNIPPET - 1)}…` : t;
}

/** The dashboard: sentiment by week or month, by aspect, the most negative messages and totals. */
export function sentimentOverview(sqlite: Database.Database, input: OverviewInput) {
  const conds: string[] = [];
  const params: number[] = [];
  if (input.from !== undefined) {
    conds.push('s.occurred_at >= ?');
    params.push(input.from);
  }
  if (input.to !== undefined) {
    conds.push('s.occurred_at < ?');
    params.push(input.to);
  }
  const range = conds.length ? conds.join(' AND ') : '1';

  const series = sqlite
    .prepare(
      `SELECT period, CAST(strftime('%s', period, 'utc') AS INTEGER) * 1000 AS start, positive, negative, neutral, mixed, avgScore FROM (
         SELECT ${PERIOD[input.bucket]} AS period,
           sum(s.label = 'positive') AS positive, sum(s.label = 'negative') AS negative,
           sum(s.label = 'neutral') AS neutral, sum(s.label = 'mixed') AS mixed, avg(s.score) AS avgScore
         FROM sentiments s WHERE ${range} AND ${SHOWN} GROUP BY period)
       ORDER BY period`,
    )
    .all(...params) as { period: string; start: number; positive: number; negative: number; neutral: number; mixed: number; avgScore: number }[];

  const latest = sqlite.prepare(`SELECT max(s.occurred_at) FROM sentiments s WHERE ${range}`).pluck().get(...params) as number | null;
  const negative = sqlite
    .prepare(
      `SELECT s.interaction_id AS interactionId, s.feedback_id AS feedbackId, s.customer_id AS customerId, c.name AS customerName,
         s.occurred_at AS at, s.score, s.label, s.source, s.aspects, substr(coalesce(i.body, f.body, ''), 1, ${SNIPPET * 2}) AS text
       FROM sentiments s
       JOIN customers c ON c.id = s.customer_id
       LEFT JOIN interactions i ON i.id = s.interaction_id
       LEFT JOIN feedback f ON f.id = s.feedback_id
       WHERE ${range} AND s.score < 0 AND ${SHOWN}
       ORDER BY s.occurred_at >= ? DESC, s.score ASC, s.occurred_at DESC, s.id DESC LIMIT 10`,
    )
    .all(...params, (latest ?? 0) - RECENT_MS) as (Ref & { customerId: number; customerName: string; at: number; score: number; label: SentimentLabel; source: SentimentSource; aspects: string; text: string })[];

  const mostNegative = negative.map((r) => {
    const mentions = JSON.parse(r.aspects) as StoredSentiment['aspects'];
    // The aspects it complains about first.
    const aspects = [...mentions].sort((a, b) => a.score - b.score).map((m) => m.aspect);
    return { ...recordOf(r), customerId: r.customerId, customerName: r.customerName, at: r.at, snippet: snippet(r.text), score: r.score, label: r.label, aspects, source: r.source };
  });

  // Totals are over every record, whatever the range: what is analysed and what is left to do.
  const totals = sqlite
    .prepare(`SELECT count(*) AS analysed, coalesce(sum(s.source = 'model'), 0) AS byModel FROM sentiments s WHERE ${SHOWN}`)
    .get() as { analysed: number; byModel: number };

  return {
    series,
    aspects: aspectCounts(sqlite, range, params),
    mostNegative,
    totals: { ...totals, toAnalyse: countStale(sqlite, 'interaction') + countStale(sqlite, 'feedback') },
  };
}

/** The shown sentiment of many records at once (a timeline page), by record. */
export function shownSentiments(sqlite: Database.Database, interactionIds: number[], feedbackIds: number[]) {
  const byInteraction = new Map<number, StoredSentiment>();
  const byFeedback = new Map<number, StoredSentiment>();
  if (!interactionIds.length && !feedbackIds.length) return { byInteraction, byFeedback };
  const rows = sqlite
    .prepare(
      `SELECT s.interaction_id AS interactionId, s.feedback_id AS feedbackId, ${ROW_COLUMNS} FROM sentiments s
       WHERE s.interaction_id IN (SELECT value FROM json_each(?)) OR s.feedback_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(interactionIds), JSON.stringify(feedbackIds)) as (SentimentRow & Ref)[];
  for (const r of rows) {
    const map = r.interactionId !== null ? byInteraction : byFeedback;
    const id = r.interactionId ?? r.feedbackId ?? 0;
    // The model's answer wins over the analyzer's.
    if (r.source === 'model' || !map.has(id)) map.set(id, toStored(r));
  }
  return { byInteraction, byFeedback };
}
