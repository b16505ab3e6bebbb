// What a draft may know of one customer, read once and used three ways: quoted in the prompt, as
// the texts the checks accept numbers and dates from, and as the values of the no-model templates.
// Reply drafts and campaign messages both read it from here (a campaign's contacts and consent are
// campaigns/reach.ts's). Paid means what it means for spend (orders/metrics.ts PAID).
import type Database from 'better-sqlite3';
import type { DraftLanguage } from '../../shared/drafting';
import type { SentimentLabel } from '../../shared/sentiment';
import { writtenLanguage } from '../customers/language';
import { notFound } from '../errors';
import { openComplaints } from '../inbox/open-complaints';
import { PAID } from '../orders/metrics';
import { stmt } from '../segments/stmts';
import { SHOWN } from '../sentiment/store';

/** How many of each a draft sees: enough for the recent story, few enough for a bounded prompt. */
export const RECORD_LIMITS = { orders: 5, favourites: 3, tasks: 3, complaints: 3, tone: 5, promises: 3 };

export interface RecordOrder {
  id: number;
  orderNo: string;
  at: number;
  status: string;
  totalCents: number;
  currency: string;
  /** "Jasmine tea gift box ×2", the most spent on first. */
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
  /** Their newest paid order of all (it may be older than `orders` reaches); null with none. */
  lastPaidOrder: RecordOrder | null;
  /** What they bought last: the product of the newest paid order the most was spent on, else their favourite. */
  lastProduct: string | null;
  /** What they bought most in paid orders (by quantity, the latest bought first on a tie). */
  favourites: string[];
  openTasks: { id: number; title: string; dueAt: number | null }[];
  /** Their open complaints (inbox/open-complaints.ts), newest first. */
  complaints: { id: number; text: string; at: number }[];
  /** The shown sentiment of their recent messages and reviews, newest first. */
  tone: { label: SentimentLabel; at: number }[];
  /** What the shop said to them lately (outbound messages), newest first. */
  promises: { id: number; text: string; at: number; channel: string }[];
}

const ORDER = 'SELECT id, order_no AS orderNo, ordered_at AS at, status, total_cents AS totalCents, currency FROM orders';

/**
 * One customer's records for a draft, or null when the customer is gone. `message`: the inbound
 * message being answered; its time is what open complaints are counted back from (now without one).
 */
export function readCustomerRecords(sqlite: Database.Database, customerId: number, message?: { at: number }): CustomerRecords | null {
  const c = stmt(sqlite, 'SELECT id, name, language, city FROM customers WHERE id = ?').get(customerId) as { id: number; name: string; language: string | null; city: string | null } | undefined;
  if (!c) return null;
  const orders = stmt(sqlite, `${ORDER} WHERE customer_id = ? ORDER BY ordered_at DESC, id DESC LIMIT ?`).all(customerId, RECORD_LIMITS.orders) as Omit<RecordOrder, 'products'>[];
  const paid = stmt(sqlite, `${ORDER} WHERE customer_id = ? AND ${PAID} ORDER BY ordered_at DESC, id DESC LIMIT 1`).get(customerId) as Omit<RecordOrder, 'products'> | undefined;
  const ids = [...new Set([...orders.map((o) => o.id), ...(paid ? [paid.id] : [])])];
  const items = ids.length
    ? (stmt(
        sqlite,
        `SELECT order_id AS orderId, product_name AS name, quantity FROM order_items
         WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, quantity * unit_price_cents DESC, id`,
      ).all(JSON.stringify(ids)) as { orderId: number; name: string; quantity: number }[])
    : [];
  const withItems = (o: Omit<RecordOrder, 'products'>): RecordOrder => ({
    ...o,
    products: items.filter((i) => i.orderId === o.id).map((i) => (i.quantity > 1 ? `${i.name} ×${i.quantity}` : i.name)),
  });
  const favourites = stmt(
    sqlite,
    `SELECT oi.product_name FROM orders o JOIN order_items oi ON oi.order_id = o.id
     WHERE o.customer_id = ? AND o.${PAID} GROUP BY oi.product_name ORDER BY sum(oi.quantity) DESC, max(o.ordered_at) DESC LIMIT ?`,
  )
    .pluck()
    .all(customerId, RECORD_LIMITS.favourites) as string[];
  const lastItem = paid ? items.find((i) => i.orderId === paid.id) : undefined;
  return {
    customerId,
    name: c.name,
    language: writtenLanguage(c.language, c.name),
    city: c.city,
    orders: orders.map(withItems),
    lastPaidOrder: paid ? withItems(paid) : null,
    lastProduct: lastItem?.name ?? favourites[0] ?? null,
    favourites,
    openTasks: stmt(sqlite, 'SELECT id, title, due_at AS dueAt FROM tasks WHERE customer_id = ? AND done_at IS NULL ORDER BY due_at IS NULL, due_at, id LIMIT ?').all(
      customerId,
      RECORD_LIMITS.tasks,
    ) as CustomerRecords['openTasks'],
    complaints: openComplaints(sqlite, customerId, message?.at ?? Date.now(), RECORD_LIMITS.complaints),
    tone: stmt(sqlite, `SELECT s.label, s.occurred_at AS at FROM sentiments s WHERE s.customer_id = ? AND ${SHOWN} ORDER BY s.occurred_at DESC LIMIT ?`).all(
      customerId,
      RECORD_LIMITS.tone,
    ) as CustomerRecords['tone'],
    promises: stmt(
      sqlite,
      `SELECT id, body AS text, occurred_at AS at, channel FROM interactions WHERE customer_id = ? AND direction = 'outbound' ORDER BY occurred_at DESC, id DESC LIMIT ?`,
    ).all(customerId, RECORD_LIMITS.promises) as CustomerRecords['promises'],
  };
}

/** As readCustomerRecords, for a customer who must exist (not_found otherwise). */
export function customerRecords(sqlite: Database.Database, customerId: number, message?: { at: number }): CustomerRecords {
  const r = readCustomerRecords(sqlite, customerId, message);
  if (!r) throw notFound('Customer', customerId);
  return r;
}
