// The channel a campaign message goes out on: one the customer agreed to and the shop has the
// contact for, in the order people of their language expect to hear from a shop (the sample shop
// writes to its customers the same way, sample/conversations.ts): Chinese speakers on WeChat,
// then SMS; English speakers by email, then by phone message (WhatsApp if they use it with the
// shop, else SMS). Either falls back to the other's channels before being left out.
import type { Channel } from '../../shared/records';
import type { Contact } from './records';

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
