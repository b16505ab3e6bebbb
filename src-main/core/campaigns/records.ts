// What a campaign message may say about one customer: their name and language, how they can be
// reached, what they bought most and their last paid order. Read per message when it is drafted
// (the prompt, the template's values and the texts its checks allow come from this one read), and
// for every targeted customer when a campaign is made (contact and consent only).
// NOTE for the lead: drafting/ keeps its own read of a customer's records for replies; the two
// can merge into one module once both have landed.
import type Database from 'better-sqlite3';
import type { DraftLanguage } from '../../shared/drafting';
import { PAID } from '../orders/metrics';
import { stmt } from '../segments/stmts';

export interface Contact {
  id: number;
  name: string;
  /** The stored BCP 47 language as a draft language: Chinese of any script or region is 'zh'. */
  language: DraftLanguage;
  email: string | null;
  phone: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  consentWechat: boolean;
  /** They have written to the shop on WhatsApp: an English speaker's phone messages go there. */
  usesWhatsapp: boolean;
}

export interface Purchases {
  /** Products they bought most (by quantity, the latest first on a tie), at most three. */
  favourites: string[];
  /** Their last paid order; null with none. */
  lastOrder: { no: string; at: number; products: string[] } | null;
}

export type CustomerRecords = Contact & Purchases;

export const draftLanguage = (language: string): DraftLanguage => (/^zh\b/i.test(language) ? 'zh' : 'en');

const CONTACT = `SELECT c.id, c.name, c.language, c.email, c.phone, c.consent_email AS consentEmail, c.consent_sms AS consentSms, c.consent_wechat AS consentWechat,
    EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.channel = 'whatsapp') AS usesWhatsapp
  FROM customers c`;

type ContactRow = Omit<Contact, 'language' | 'consentEmail' | 'consentSms' | 'consentWechat' | 'usesWhatsapp'> & {
  language: string;
  consentEmail: number;
  consentSms: number;
  consentWechat: number;
  usesWhatsapp: number;
};

const toContact = (r: ContactRow): Contact => ({
  ...r,
  language: draftLanguage(r.language),
  consentEmail: r.consentEmail === 1,
  consentSms: r.consentSms === 1,
  consentWechat: r.consentWechat === 1,
  usesWhatsapp: r.usesWhatsapp === 1,
});

/** The contacts of `ids`, in their order (ids that no longer exist are left out). */
export function contactsOf(sqlite: Database.Database, ids: number[]): Contact[] {
  const byId = new Map<number, Contact>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = sqlite.prepare(`${CONTACT} WHERE c.id IN (${part.map(() => '?').join(',')})`).all(...part) as ContactRow[];
    for (const r of rows) byId.set(r.id, toContact(r));
  }
  return ids.map((id) => byId.get(id)).filter((c): c is Contact => c !== undefined);
}

/** One customer's records for a message; null when the customer is gone. */
export function customerRecords(sqlite: Database.Database, customerId: number): CustomerRecords | null {
  const row = stmt(sqlite, `${CONTACT} WHERE c.id = ?`).get(customerId) as ContactRow | undefined;
  if (!row) return null;
  const favourites = stmt(
    sqlite,
    `SELECT oi.product_name FROM orders o JOIN order_items oi ON oi.order_id = o.id
      WHERE o.customer_id = ? AND o.${PAID} GROUP BY oi.product_name ORDER BY sum(oi.quantity) DESC, max(o.ordered_at) DESC LIMIT 3`,
  )
    .pluck()
    .all(customerId) as string[];
  const last = stmt(sqlite, `SELECT id, order_no AS no, ordered_at AS at FROM orders WHERE customer_id = ? AND ${PAID} ORDER BY ordered_at DESC, id DESC LIMIT 1`).get(customerId) as
    | { id: number; no: string; at: number }
    | undefined;
  const products = last ? (stmt(sqlite, 'SELECT DISTINCT product_name FROM order_items WHERE order_id = ? ORDER BY id').pluck().all(last.id) as string[]) : [];
  return { ...toContact(row), favourites, lastOrder: last ? { no: last.no, at: last.at, products } : null };
}
