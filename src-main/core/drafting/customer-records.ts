// What a draft may know of one customer, read once and used three ways: quoted in the reply's
// prompt, as the texts the checks accept numbers and dates from, and as the values of the no-model
// templates. Reply drafting and campaign messages both read it from here.
import type Database from 'better-sqlite3';
import type { DraftLanguage } from '../../shared/drafting';
import type { SentimentLabel } from '../../shared/sentiment';
import { notFound } from '../errors';
import { guessCustomerLanguage } from '../customers/language';
import { SHOWN } from '../sentiment/store';
import { toDraftLanguage } from './draft-language';

const DAY = 86_400_000;
/** How many of each a draft sees: enough for the recent story, few enough for a bounded prompt. */
export const RECORD_LIMITS = { orders: 5, tasks: 3, complaints: 3, tone: 5, promises: 3 };
/** A complaint older than this (before the message answered) is history, not an open issue. */
const OPEN_COMPLAINT_DAYS = 90;

export interface RecordOrder {
  id: number;
  orderNo: string;
  at: number;
  status: string;
  totalCents: number;
  currency: string;
  /** "Jasmine tea gift box ×2", most bought first. */
  products: string[];
}

export interface CustomerRecords {
  customerId: number;
  /** The name on record. */
  name: string;
  language: DraftLanguage;
  city: string | null;
  /** Newest first, any status (a refunded order is part of the story). */
  orders: RecordOrder[];
  /** The first product of the newest paid order. */
  lastProduct: string | null;
  lastPaidOrder: RecordOrder | null;
  openTasks: { id: number; title: string; dueAt: number | null }[];
  /** Complaints (feedback) and other unanswered unhappy messages of the last months, newest first. */
  complaints: { id: number; source: 'feedback' | 'message'; text: string; at: number }[];
  /** The shown sentiment of their recent messages and reviews, newest first. */
  tone: { label: SentimentLabel; at: number }[];
  /** What the shop said to them lately (outbound messages), newest first. */
  promises: { id: number; text: string; at: number; channel: string }[];
}

interface Statements {
  customer: Database.Statement;
  orders: Database.Statement;
  items: Database.Statement;
  tasks: Database.Statement;
  complaints: Database.Statement;
  openUnhappy: Database.Statement;
  tone: Database.Statement;
  promises: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      customer: sqlite.prepare('SELECT id, name, language, city FROM customers WHERE id = ?'),
      orders: sqlite.prepare(
        `SELECT id, order_no AS orderNo, ordered_at AS at, status, total_cents AS totalCents, currency FROM orders
         WHERE customer_id = ? ORDER BY ordered_at DESC, id DESC LIMIT ?`,
      ),
      items: sqlite.prepare(
        `SELECT order_id AS orderId, product_name AS name, quantity FROM order_items
         WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, quantity * unit_price_cents DESC, id`,
      ),
      tasks: sqlite.prepare(
        `SELECT id, title, due_at AS dueAt FROM tasks WHERE customer_id = ? AND done_at IS NULL ORDER BY due_at IS NULL, due_at, id LIMIT ?`,
      ),
      complaints: sqlite.prepare(
        `SELECT id, body AS text, occurred_at AS at FROM feedback
         WHERE customer_id = ? AND kind = 'complaint' AND body IS NOT NULL AND occurred_at >= ? ORDER BY occurred_at DESC LIMIT ?`,
      ),
      // Other messages still waiting for an answer that were unhappy: the reply should know of them.
      openUnhappy: sqlite.prepare(
        `SELECT i.id, i.body AS text, i.occurred_at AS at FROM interactions i
         JOIN sentiments s ON s.interaction_id = i.id AND ${SHOWN}
         WHERE i.customer_id = ? AND i.direction = 'inbound' AND i.handled = 0 AND i.id <> ? AND i.occurred_at >= ?
           AND s.label IN ('negative', 'mixed')
         ORDER BY i.occurred_at DESC LIMIT ?`,
      ),
      tone: sqlite.prepare(`SELECT s.label, s.occurred_at AS at FROM sentiments s WHERE s.customer_id = ? AND ${SHOWN} ORDER BY s.occurred_at DESC LIMIT ?`),
      promises: sqlite.prepare(
        `SELECT id, body AS text, occurred_at AS at, channel FROM interactions
         WHERE customer_id = ? AND direction = 'outbound' ORDER BY occurred_at DESC, id DESC LIMIT ?`,
      ),
    };
    cache.set(sqlite, s);
  }
  return s;
}

/**
 * One customer's records for a draft. `message`: the inbound message being answered, left out of
 * their other open complaints; its time is the "now" open complaints are counted back from.
 */
export function customerRecords(sqlite: Database.Database, customerId: number, message?: { id: number; at: number }): CustomerRecords {
  const s = statements(sqlite);
  const c = s.customer.get(customerId) as { id: number; name: string; language: string | null; city: string | null } | undefined;
  if (!c) throw notFound('Customer', customerId);
  const orders = s.orders.all(customerId, RECORD_LIMITS.orders) as Omit<RecordOrder, 'products'>[];
  const items = orders.length ? (s.items.all(JSON.stringify(orders.map((o) => o.id))) as { orderId: number; name: string; quantity: number }[]) : [];
  const withItems: RecordOrder[] = orders.map((o) => ({
    ...o,
    products: items.filter((i) => i.orderId === o.id).map((i) => (i.quantity > 1 ? `${i.name} ×${i.quantity}` : i.name)),
  }));
  const lastPaid = withItems.find((o) => o.status === 'paid') ?? null;
  const lastItem = lastPaid ? items.find((i) => i.orderId === lastPaid.id) : undefined;
  const since = (message?.at ?? Date.now()) - OPEN_COMPLAINT_DAYS * DAY;
  const complaints = [
    ...(s.complaints.all(customerId, since, RECORD_LIMITS.complaints) as { id: number; text: string; at: number }[]).map((r) => ({ ...r, source: 'feedback' as const })),
    ...(s.openUnhappy.all(customerId, message?.id ?? 0, since, RECORD_LIMITS.complaints) as { id: number; text: string; at: number }[]).map((r) => ({ ...r, source: 'message' as const })),
  ]
    // A complaint is often also the message it came in (the sample shop files both): once is enough.
    .filter((r, i, all) => all.findIndex((o) => o.text === r.text) === i)
    .sort((a, b) => b.at - a.at)
    .slice(0, RECORD_LIMITS.complaints);
  return {
    customerId,
    name: c.name,
    language: toDraftLanguage(c.language) ?? guessCustomerLanguage(c.name),
    city: c.city,
    orders: withItems,
    lastProduct: lastItem?.name ?? null,
    lastPaidOrder: lastPaid,
    openTasks: s.tasks.all(customerId, RECORD_LIMITS.tasks) as CustomerRecords['openTasks'],
    complaints,
    tone: s.tone.all(customerId, RECORD_LIMITS.tone) as CustomerRecords['tone'],
    promises: s.promises.all(customerId, RECORD_LIMITS.promises) as CustomerRecords['promises'],
  };
}

/** A day as the prompt and the records' texts write it (UTC, as the rest of the app's records). */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

/** One order as a line of the prompt (and of the sources panel). */
export function orderLine(o: RecordOrder, language: DraftLanguage): string {
  const status = o.status === 'paid' ? '' : language === 'zh' ? `（${o.status === 'refunded' ? '已退款' : '已取消'}）` : ` (${o.status})`;
  const sep = language === 'zh' ? '、' : ', ';
  return `${o.orderNo}: ${isoDay(o.at)}, ${money(o.totalCents, o.currency)}${status}: ${o.products.join(sep)}`;
}

/**
 * The texts a number, date, price or order number in a draft may come from, as far as this
 * customer's records go (the checks add the message and the shop facts).
 */
export function recordTexts(r: CustomerRecords): string[] {
  return [
    r.name,
    ...r.orders.map((o) => orderLine(o, 'en')),
    ...r.openTasks.map((t) => `${t.title}${t.dueAt ? ` ${isoDay(t.dueAt)}` : ''}`),
    ...r.complaints.map((c) => `${isoDay(c.at)} ${c.text}`),
    ...r.promises.map((p) => `${isoDay(p.at)} ${p.text}`),
  ];
}
