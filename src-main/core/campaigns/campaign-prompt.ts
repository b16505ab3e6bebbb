// What the model is asked for one campaign message, bounded: one system prompt per campaign (what
// it is for, the owner's brief, the tone and the rules), shared by every message so each sequence
// evaluates it once, and a short prompt per customer with only their own records. The same records
// fill the no-model template and are what the checks allow a message to mention, with the brief:
// a message may name a product, a date or an order number only if it is in these.
import type { CampaignPurpose, DraftLanguage, Tone } from '../../shared/drafting';
import type { Channel } from '../../shared/records';
import type { DraftExpectations } from '../drafting/checks';
import { addressName, productName, spokenDate, type TemplateValues } from '../drafting/templates';
import type { CustomerRecords } from './records';

/** The brief as the prompt carries it; the router allows longer for the owner's notes. */
export const BRIEF_MAX_CHARS = 800;
/** A product name as the prompt carries it. */
const PRODUCT_MAX_CHARS = 60;
/** Tokens the model may write for one message. */
export const MESSAGE_MAX_TOKENS = 240;

const TONE: Record<Tone, string> = {
  warm: 'warm and friendly, like a shopkeeper who knows them',
  formal: 'polite and formal',
  brief: 'brief: two or three short sentences',
  apologetic: 'humble and apologetic: the shop regrets having lost touch',
};

const PURPOSE: Record<CampaignPurpose, string> = {
  winback:
    'This customer has not bought for a while. Remind them of what they liked (the products named below), say the shop would be glad to see them again, and invite them back.',
  campaign: 'Tell this customer what the owner wants said (below), linking it to what they bought where it fits naturally.',
};

/** Length bounds in characters by channel: a text message is short, an email may say more. */
export function lengthBounds(channel: Channel): { min: number; max: number } {
  return channel === 'email' ? { min: 20, max: 1500 } : { min: 10, max: 600 };
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** A product as a message in `language` names it (a bilingual name loses the other language's words). */
const product = (name: string, language: DraftLanguage) => clip(productName(name, language), PRODUCT_MAX_CHARS);

/** The campaign's shared instruction. */
export function campaignSystem(purpose: CampaignPurpose, tone: Tone, brief: string): string {
  const said = brief.trim() ? clip(brief.trim(), BRIEF_MAX_CHARS) : '(nothing beyond the purpose above)';
  return [
    'You write one short personal message from a small shop to one of its customers.',
    PURPOSE[purpose],
    `What the owner wants said: ${said}`,
    `Tone: ${TONE[tone]}.`,
    'Rules: write only the message itself, with no subject line, no placeholders and no signature block. Address the customer by the name given. ' +
      'Mention only products, dates and order numbers given in the customer\u2019s facts. Never invent a discount, price, date, offer or order number: ' +
      'mention an offer only if the owner\u2019s words above state it, exactly as stated. Write in the language asked for.',
  ].join('\n');
}

const LANGUAGE_LINE: Record<DraftLanguage, string> = {
  en: 'Write the message in English.',
  zh: 'Write the message in Simplified Chinese (简体中文).',
};

const CHANNEL_LINE: Record<Channel, string> = {
  email: 'It goes out by email.',
  sms: 'It goes out as a text message: keep it short.',
  wechat: 'It goes out on WeChat: keep it short.',
  whatsapp: 'It goes out on WhatsApp: keep it short.',
  phone: 'It is read out on the phone.',
  social: 'It goes out as a direct message.',
  in_person: 'It is handed over in person.',
};

/** The customer's facts as lines: the prompt quotes them, the checks allow what they say. */
export function factLines(r: CustomerRecords, language: DraftLanguage): string[] {
  const lines = [`Customer's name: ${r.name}`];
  if (r.favourites.length) lines.push(`Bought most: ${r.favourites.map((p) => product(p, language)).join('; ')}`);
  if (r.lastOrder) {
    const what = r.lastOrder.products.length ? ` (${r.lastOrder.products.slice(0, 3).map((p) => product(p, language)).join('; ')})` : '';
    lines.push(`Last order: ${r.lastOrder.no} on ${spokenDate(r.lastOrder.at, language)}${what}`);
  } else {
    lines.push('Has not ordered yet.');
  }
  return lines;
}

/** The prompt for one customer's message. */
export function customerPrompt(r: CustomerRecords, language: DraftLanguage, channel: Channel): string {
  return [...factLines(r, language), LANGUAGE_LINE[language], CHANNEL_LINE[channel], 'Write the message now.'].join('\n');
}

/** The template's values from the same records, said as reply templates say them (a missing one is worded around). */
export function templateValues(r: CustomerRecords, language: DraftLanguage, tone: Tone, brief: string): TemplateValues {
  const last = r.lastOrder?.products[0] ?? r.favourites[0];
  return {
    name: addressName(r.name, tone),
    ...(last ? { last_product: productName(last, language) } : {}),
    ...(r.lastOrder ? { last_order_date: spokenDate(r.lastOrder.at, language), last_order_no: r.lastOrder.no } : {}),
    ...(brief.trim() ? { brief: brief.trim() } : {}),
  };
}

/** What a message's checks expect: its language, the name on record, and the texts its facts may come from. */
export function expectations(r: CustomerRecords, language: DraftLanguage, channel: Channel, brief: string): DraftExpectations {
  // The facts as both languages word them, and the products' full names (the checks read a date or
  // an amount the same however it is written).
  const allowed = [...factLines(r, 'en'), ...factLines(r, 'zh'), ...r.favourites, ...(r.lastOrder?.products ?? []), brief];
  return { language, customerName: r.name, allowed, ...lengthBounds(channel) };
}
