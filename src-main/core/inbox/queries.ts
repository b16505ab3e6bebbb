// The inbox: every open inbound message with what makes it urgent (its shown sentiment, the
// customer's segment, churn risk and CLV, an open complaint (open-complaints.ts), the wait), most urgent first;
// one message in full; and response times. Derived tables that are empty (no sentiment analysed,
// segments or predictions not computed yet) simply leave their part out.
import type Database from 'better-sqlite3';
import { RESPONSE_DAYS, type InboxFilter, type InboxItem, type InboxStats } from '../../shared/inbox';
import type { AspectMention } from '../../shared/sentiment';
import { writtenLanguage } from '../customers/language';
import { notFound } from '../errors';
import { hasOpenComplaint, newestUnansweredComplaints, openSince } from './open-complaints';
import { messageRow, openMessages, type MessageRow } from './open-messages';
import { negativeAspects, urgency } from './urgency';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The list shows the start of each message; the draft panel reads it whole (inboxMessage). */
const LIST_CHARS = 240;

/** The names of the customers of the messages shown. */
function names(sqlite: Database.Database, customerIds: number[]): Map<number, string> {
  const rows = sqlite.prepare('SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...new Set(customerIds)])) as [number, string][];
  return new Map(rows);
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > LIST_CHARS ? `${t.slice(0, LIST_CHARS - 1)}…` : t;
}

/** The CLV at which the top tenth of the shop's customers starts; null without predictions. */
function topDecileClv(sqlite: Database.Database): number | null {
  const n = sqlite.prepare('SELECT count(*) FROM customer_predictions').pluck().get() as number;
  if (!n) return null;
  return sqlite.prepare('SELECT clv_cents FROM customer_predictions ORDER BY clv_cents DESC LIMIT 1 OFFSET ?').pluck().get(Math.ceil(n / 10) - 1) as number;
}

/** A message as ranked, before its customer's name is read. */
type Ranked = Omit<InboxItem, 'customerName'>;

interface Built {
  item: Ranked;
  /** Every aspect the message mentions, whatever its polarity (the aspect filter). */
  mentioned: AspectMention[];
}

/** Each customer's newest unanswered complaint, as far back as any of `rows` can have an open one (read once for the whole list). */
const complaintsFor = (sqlite: Database.Database, rows: MessageRow[], customerId?: number) =>
  newestUnansweredComplaints(sqlite, openSince(rows.reduce((min, r) => Math.min(min, r.at), Infinity)), customerId);

function build(r: MessageRow, body: string, waitedMs: number, topClv: number | null, complaints: Map<number, number>): Built {
  const mentioned = r.aspects ? (JSON.parse(r.aspects) as AspectMention[]) : [];
  const shown = r.label !== null && r.score !== null ? { label: r.label, score: r.score, aspects: mentioned } : null;
  const { score, reasons } = urgency({
    sentiment: shown,
    openComplaint: hasOpenComplaint(complaints.get(r.customerId), r.at),
    segment: r.segment,
    churnRisk: r.churnRisk,
    clvCents: r.clvCents,
    topDecileClvCents: topClv,
    waitedMs,
  });
  return {
    mentioned,
    item: {
      id: r.id,
      customerId: r.customerId,
      channel: r.channel,
      language: writtenLanguage(r.language, r.subject, r.body),
      subject: r.subject,
      body,
      at: r.at,
      sentiment: shown ? { label: shown.label, score: shown.score, aspects: negativeAspects(mentioned) } : null,
      segment: r.segment,
      churnRisk: r.churnRisk,
      clvCents: r.clvCents,
      urgency: score,
      reasons,
    },
  };
}

/** The filter's parts a stored row answers. */
function rowMatches(r: MessageRow, filter: InboxFilter, now: number): boolean {
  // No channel ticked means every channel, as an empty multi-select reads.
  if (filter.channels?.length && !filter.channels.includes(r.channel)) return false;
  if (filter.waitingHours !== undefined && now - r.at < filter.waitingHours * HOUR_MS) return false;
  return true;
}

/** The parts that need the message read: its language and its sentiment. */
function matches(b: Built, filter: InboxFilter): boolean {
  if (filter.language && b.item.language !== filter.language) return false;
  if (filter.sentiment && b.item.sentiment?.label !== filter.sentiment) return false;
  if (filter.aspect && !b.mentioned.some((m) => m.aspect === filter.aspect)) return false;
  return true;
}

/** Open inbound messages matching the filter, most urgent first (then oldest first); `total` counts every match. */
export function inboxList(sqlite: Database.Database, filter: InboxFilter, limit: number, now = Date.now()): { items: InboxItem[]; total: number } {
  const rows = openMessages(sqlite);
  const topClv = rows.length ? topDecileClv(sqlite) : null;
  const complaints = rows.length ? complaintsFor(sqlite, rows) : new Map<number, number>();
  const items: Ranked[] = [];
  for (const r of rows) {
    if (!rowMatches(r, filter, now)) continue;
    const b = build(r, r.body, now - r.at, topClv, complaints);
    if (matches(b, filter)) items.push(b.item);
  }
  items.sort((a, b) => b.urgency - a.urgency || a.at - b.at || a.id - b.id);
  const shown = items.slice(0, limit);
  const nameOf = names(sqlite, shown.map((m) => m.customerId));
  return { items: shown.map((m) => ({ ...m, customerName: nameOf.get(m.customerId) ?? '', body: clip(m.body) })), total: items.length };
}

/** One message (open or not) with its full text, as the draft panel shows it; a handled one waited until it was handled. */
export function inboxMessage(sqlite: Database.Database, id: number, now = Date.now()): InboxItem & { handled: boolean; handledAt: number | null } {
  const r = messageRow(sqlite, id);
  if (!r) throw notFound('Message', id);
  const handled = r.handled === 1;
  const waitedMs = (handled && r.handledAt !== null ? r.handledAt : now) - r.at;
  const { item } = build(r, r.body, waitedMs, topDecileClv(sqlite), complaintsFor(sqlite, [r], r.customerId));
  return { ...item, customerName: names(sqlite, [r.customerId]).get(r.customerId) ?? '', handled, handledAt: r.handledAt };
}

/**
 * Open messages now, and over the last RESPONSE_DAYS days the median time from an inbound message
 * to its answer (a reply logged, or marked handled) and how many were answered. Messages handled
 * before their time was kept (handled_at unknown) are not counted.
 */
export function inboxStats(sqlite: Database.Database, now = Date.now()): InboxStats {
  const open = sqlite.prepare(`SELECT count(*) FROM interactions WHERE direction = 'inbound' AND handled = 0`).pluck().get() as number;
  const waits = sqlite
    .prepare(`SELECT max(0, handled_at - occurred_at) FROM interactions WHERE direction = 'inbound' AND handled_at > ? AND handled_at <= ?`)
    .pluck()
    .all(now - RESPONSE_DAYS * DAY_MS, now) as number[];
  return { open, medianResponseMs: median(waits), answered: waits.length };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = Float64Array.from(values).sort();
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : Math.round((v[mid - 1] + v[mid]) / 2);
}
