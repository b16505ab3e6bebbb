// The inbox: open inbound messages ordered by urgency, each with the reasons for its place, and
// response times. Pure: the renderer words the reasons from these codes.
import type { Channel } from './records';
import type { Aspect, SentimentLabel } from './sentiment';
import type { SegmentCode } from './segments';
import type { DraftLanguage } from './drafting';

/** Why a message sits where it does, strongest first ("negative, about delivery; Can't Lose Them; waiting 2 days"). */
export type UrgencyReason =
  | { code: 'feeling'; label: SentimentLabel; aspects: Aspect[] }
  | { code: 'open_complaint' }
  | { code: 'segment'; segment: SegmentCode }
  | { code: 'churn_risk'; risk: number }
  | { code: 'high_value'; clvCents: number }
  | { code: 'waiting'; hours: number };

export interface InboxItem {
  id: number;
  customerId: number;
  customerName: string;
  channel: Channel;
  language: DraftLanguage;
  subject: string | null;
  /** The message, clipped for the list. */
  body: string;
  at: number;
  sentiment: { label: SentimentLabel; score: number; aspects: Aspect[] } | null;
  segment: SegmentCode | null;
  churnRisk: number | null;
  clvCents: number | null;
  /** Higher is more urgent (core/inbox/urgency.ts says how it is made). */
  urgency: number;
  reasons: UrgencyReason[];
}

export interface InboxFilter {
  channels?: Channel[];
  language?: DraftLanguage;
  sentiment?: SentimentLabel;
  aspect?: Aspect;
  /** Waiting at least this many hours. */
  waitingHours?: number;
}
/** The "waiting longer than" choices, in hours. */
export const WAITING_CHOICES = [4, 24, 48, 24 * 7] as const;

export interface InboxStats {
  open: number;
  /** Median time from message to reply (or to marked handled) over the last RESPONSE_DAYS days; null with none. */
  medianResponseMs: number | null;
  answered: number;
}
export const RESPONSE_DAYS = 30;
