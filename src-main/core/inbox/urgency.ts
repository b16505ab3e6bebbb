// How urgent an open message is: additive points from what the customer feels and complains about,
// who they are to the shop, and how long they have waited, with the reasons that gave the points
// (strongest first). Pure. The weights are our own judgement, not a published model: they are set
// so that a clear complaint outranks a plain question of the same age, a valuable customer's
// message outranks the same message from a newcomer, and waiting makes any message rise, ever more
// slowly, until a month has passed and the message fades. Each weight below says why it is what it is.
import type { UrgencyReason } from '../../shared/inbox';
import type { Aspect, AspectMention, SentimentLabel } from '../../shared/sentiment';
import type { SegmentCode } from '../../shared/segments';

export interface UrgencyInput {
  /** The shown sentiment of the message, every aspect it mentions; null when not analysed. */
  sentiment: { label: SentimentLabel; score: number; aspects: AspectMention[] } | null;
  /** The customer has an open complaint (open-complaints.ts: not written back to since, made at most 30 days before the message). */
  openComplaint: boolean;
  segment: SegmentCode | null;
  churnRisk: number | null;
  clvCents: number | null;
  /** The CLV at which the shop's top tenth of customers starts; null without predictions. */
  topDecileClvCents: number | null;
  /** How long the message has waited (ms). */
  waitedMs: number;
}

/**
 * A negative message gets 20 points, plus up to 20 more by how strongly negative it is (score -1
 * gives 40): an unhappy customer is the reason an inbox is sorted at all. Mixed gets 10: there is
 * something to put right, but the customer is also pleased.
 */
const NEGATIVE_BASE = 20;
const NEGATIVE_BY_STRENGTH = 20;
const MIXED = 10;

/**
 * Negative mentions of an aspect, by how much the customer has at stake and how soon it can be put
 * right: a late or lost parcel and a refund are money and time the customer is waiting on now; a
 * faulty or not-as-described item needs a replacement; poor service means we already let them down
 * once; fit means an exchange; price is an opinion, rarely a reason to hurry. Capped, so a message
 * that names everything does not outrank a strongly negative one on word count.
 */
const ASPECT_POINTS: Record<Aspect, number> = {
  delivery: 8,
  returns: 8,
  quality: 7,
  as_described: 7,
  service: 6,
  size_fit: 5,
  cleanliness: 5,
  stock: 4,
  packaging: 4,
  taste: 4,
  price: 3,
};
const ASPECTS_CAP = 16;

/** A complaint still unanswered: the customer is waiting on the shop twice over. */
const OPEN_COMPLAINT = 12;

/**
 * Who the customer is, by RFM segment (shared/segments.ts): "Can't Lose Them" (were among the
 * best, now slipping) first, as Putler's segment table advises winning them back before anyone
 * else; "At Risk" next; champions and loyal customers are worth answering fast to keep them so.
 * Others add nothing.
 */
const SEGMENT_POINTS: Partial<Record<SegmentCode, number>> = { cant_lose: 18, at_risk: 12, champions: 10, loyal: 8 };

/** A customer in the shop's top tenth by predicted lifetime value. */
const HIGH_VALUE = 8;

/** Churn risk counts once leaving is more likely than not: 6 points at 0.5, rising to 16 at 1. */
const CHURN_FROM = 0.5;
const CHURN_BASE = 6;
const CHURN_SPAN = 10;

/**
 * Waiting: 8 · ln(1 + hours / 12), so the first day counts most (about 9 points after a day, 13
 * after two, 21 after a week) and it stops rising after two weeks: by then the harm of the wait is
 * done, and a message forgotten for months should not bury today's complaints.
 */
const WAIT_WEIGHT = 8;
const WAIT_SCALE_HOURS = 12;
const WAIT_CAP_HOURS = 14 * 24;

const HOUR_MS = 3_600_000;

/**
 * A message left for more than a month has lost its moment: the parcel has come or not, the
 * question was answered elsewhere, and what is left to do for that customer is winning them back
 * (a campaign), not a reply. Its points halve for every further month (never below a quarter), so
 * this week's complaints sit above last year's forgotten ones, which are still listed.
 */
const FRESH_HOURS = 30 * 24;
const STALE_HALF_LIFE_HOURS = 30 * 24;
const STALE_FLOOR = 0.25;

/** The aspects a message complains about, most negative first. */
export function negativeAspects(mentions: AspectMention[]): Aspect[] {
  return mentions
    .filter((m) => m.polarity === 'negative')
    .sort((a, b) => a.score - b.score)
    .map((m) => m.aspect);
}

function feelingPoints(s: NonNullable<UrgencyInput['sentiment']>, aspects: Aspect[]): number {
  const feeling = s.label === 'negative' ? NEGATIVE_BASE + NEGATIVE_BY_STRENGTH * Math.min(1, Math.abs(s.score)) : s.label === 'mixed' ? MIXED : 0;
  // A pleased customer's passing remark ("a bit slow, but lovely") is no complaint.
  const about = s.label === 'positive' ? 0 : Math.min(ASPECTS_CAP, aspects.reduce((sum, a) => sum + ASPECT_POINTS[a], 0));
  return feeling + about;
}

export function urgency(input: UrgencyInput): { score: number; reasons: UrgencyReason[] } {
  const scored: [number, UrgencyReason][] = [];
  if (input.sentiment) {
    const aspects = negativeAspects(input.sentiment.aspects);
    const points = feelingPoints(input.sentiment, aspects);
    if (points > 0) scored.push([points, { code: 'feeling', label: input.sentiment.label, aspects }]);
  }
  if (input.openComplaint) scored.push([OPEN_COMPLAINT, { code: 'open_complaint' }]);
  const segmentPoints = input.segment ? (SEGMENT_POINTS[input.segment] ?? 0) : 0;
  if (input.segment && segmentPoints > 0) scored.push([segmentPoints, { code: 'segment', segment: input.segment }]);
  if (input.clvCents !== null && input.topDecileClvCents !== null && input.clvCents > 0 && input.clvCents >= input.topDecileClvCents) {
    scored.push([HIGH_VALUE, { code: 'high_value', clvCents: input.clvCents }]);
  }
  if (input.churnRisk !== null && input.churnRisk >= CHURN_FROM) {
    scored.push([CHURN_BASE + (CHURN_SPAN * (Math.min(1, input.churnRisk) - CHURN_FROM)) / (1 - CHURN_FROM), { code: 'churn_risk', risk: input.churnRisk }]);
  }
  const hours = Math.max(0, input.waitedMs) / HOUR_MS;
  scored.push([WAIT_WEIGHT * Math.log1p(Math.min(hours, WAIT_CAP_HOURS) / WAIT_SCALE_HOURS), { code: 'waiting', hours: Math.floor(hours) }]);

  // Strongest first; a stable sort keeps the order above for ties.
  scored.sort((a, b) => b[0] - a[0]);
  const fade = hours <= FRESH_HOURS ? 1 : Math.max(STALE_FLOOR, 0.5 ** ((hours - FRESH_HOURS) / STALE_HALF_LIFE_HOURS));
  const score = scored.reduce((sum, [p]) => sum + p, 0) * fade;
  return { score: Math.round(score * 10) / 10, reasons: scored.map(([, r]) => r) };
}
