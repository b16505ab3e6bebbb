// Who a campaign can reach and on which channel: a customer's contacts and consent, read for every
// targeted customer when a campaign is made, and the channel a message goes out on: one the
// customer agreed to and the shop has the contact for, in the order people of their language
// expect to hear from a shop (the sample shop writes to its customers the same way,
// sample/conversations.ts): Chinese speakers on WeChat, then SMS; English speakers by email, then
// by phone message (WhatsApp if they use it with the shop, else SMS). Either falls back to the
// other's channels before being left out. What a message may say of the customer is
// drafting/customer-records.ts's.
import type Database from 'better-sqlite3';
import type { DraftLanguage } from '../../shared/drafting';
import type { Channel } from '../../shared/records';
import { writtenLanguage } from '../customers/language';

export interface Contact {
  id: number;
  name: string;
  /** The language they are written to in (customers/language.ts). */
  language: DraftLanguage;
  email: string | null;
  phone: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  consentWechat: boolean;
  /** They have written to the shop on WhatsApp: an English speaker's phone messages go there. */
  usesWhatsapp: boolean;
}

const CONTACT = `SELECT c.id, c.name, c.language, c.email, c.phone, c.consent_email AS consentEmail, c.consent_sms AS consentSms, c.consent_wechat AS consentWechat,
    EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.channel = 'whatsapp') AS usesWhatsapp
  FROM customers c`;

type ContactRow = Omit<Contact, 'language' | 'consentEmail' | 'consentSms' | 'consentWechat' | 'usesWhatsapp'> & {
  language: string | null;
  consentEmail: number;
  consentSms: number;
  consentWechat: number;
  usesWhatsapp: number;
};

const toContact = (r: ContactRow): Contact => ({
  ...r,
  language: writtenLanguage(r.language, r.name),
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

function phoneChannel(c: Contact): Channel | null {
  if (!c.consentSms || !c.phone) return null;
  return c.language === 'en' && c.usesWhatsapp ? 'whatsapp' : 'sms';
}

const email = (c: Contact): Channel | null => (c.consentEmail && c.email ? 'email' : null);
// The owner finds a WeChat contact in their own app (by name or phone): consent is what it needs.
const wechat = (c: Contact): Channel | null => (c.consentWechat ? 'wechat' : null);

/** The channel to write on, or null when the customer cannot be written to (no consent or no contact). */
export function channelFor(c: Contact): Channel | null {
  const order = c.language === 'zh' ? [wechat, phoneChannel, email] : [email, phoneChannel, wechat];
  for (const pick of order) {
    const channel = pick(c);
    if (channel) return channel;
  }
  return null;
}
