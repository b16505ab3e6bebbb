// What the model is asked for one campaign message, bounded: one system prompt per campaign (what
// it is for, the owner's brief, the shop facts, the tone and the rules), shared by every message so
// each sequence evaluates it once, and a short prompt per customer with only their own records
// (drafting/customer-records.ts, as replies read them). The same lines are what the checks allow
// a message to mention: a message may name a product, a date, an order number, a price or an
// offer only if the customer's lines, the brief or the shop facts state it.
import { BRIEF_MAX_CHARS, type CampaignPurpose, type DraftLanguage, type FactTopic, type Tone } from '../../shared/drafting';
import type { Channel } from '../../shared/records';
import { clip } from '../ai/prompt-text';
import type { DraftExpectations } from '../drafting/checks';
import type { CustomerRecords } from '../drafting/customer-records';
import { shopName } from '../drafting/facts';
import { productName, spokenDate } from '../drafting/templates';

/** A product name as the prompt carries it. */
const PRODUCT_MAX_CHARS = 60;
/** A shop fact as the prompt carries it (as a reply's prompt does). */
const FACT_MAX_CHARS = 300;
/** Tokens the model may write for one message. */
export const MESSAGE_MAX_TOKENS = 240;

export type WrittenFact = { topic: FactTopic; text: string };

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

const TOPIC: Record<FactTopic, string> = {
  name: "Shop's name",
  returns: 'Returns and exchanges',
  delivery: 'Delivery',
  hours: 'Opening hours',
  contacts: 'Contacts',
  offers: 'Current offers',
  other: 'Other',
};

/** Length bounds in characters by channel: a text message is short, an email may say more. */
export function lengthBounds(channel: Channel): { min: number; max: number } {
  return channel === 'email' ? { min: 20, max: 1500 } : { min: 10, max: 600 };
}

/** A product as a message in `language` names it (a bilingual name loses the other language's words). */
const product = (name: string, language: DraftLanguage) => clip(productName(name, language), PRODUCT_MAX_CHARS);

/** The shop facts as the system prompt lists them. */
const factLines = (facts: WrittenFact[]) => facts.map((f) => `- ${TOPIC[f.topic]}: ${clip(f.text, FACT_MAX_CHARS)}`);

/** The campaign's shared instruction, with the owner's brief and the written shop facts. */
export function campaignSystem(purpose: CampaignPurpose, tone: Tone, brief: string, facts: WrittenFact[]): string {
  const said = brief.trim() ? clip(brief, BRIEF_MAX_CHARS) : '(nothing beyond the purpose above)';
  const name = shopName(facts);
  return [
    `You write one short personal message from a small shop${name ? ` (${name})` : ''} to one of its customers.`,
    PURPOSE[purpose],
    `What the owner wants said: ${said}`,
    ...(facts.length ? ['Shop facts (the only things about the shop you may state):', ...factLines(facts)] : []),
    `Tone: ${TONE[tone]}.`,
    'Rules: write only the message itself, with no subject line and no placeholders. Address the customer by the name given. ' +
      (name ? "Sign off with the shop's name. " : 'Add no signature block. ') +
      'Mention only products, dates and order numbers given in the customer\u2019s facts. Never invent a discount, price, date, offer or order number: ' +
      'mention an offer only if the owner\u2019s words or the shop facts above state it, exactly as stated. Write in the language asked for.',
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
export function customerLines(r: CustomerRecords, language: DraftLanguage): string[] {
  const lines = [`Customer's name: ${r.name}`];
  if (r.favourites.length) lines.push(`Bought most: ${r.favourites.map((p) => product(p, language)).join('; ')}`);
  const last = r.lastPaidOrder;
  if (last) {
    const what = last.products.length ? ` (${last.products.slice(0, 3).map((p) => product(p, language)).join('; ')})` : '';
    lines.push(`Last order: ${last.orderNo} on ${spokenDate(last.at, language)}${what}`);
  } else {
    lines.push('Has not ordered yet.');
  }
  return lines;
}

/** The prompt for one customer's message. */
export function customerPrompt(r: CustomerRecords, language: DraftLanguage, channel: Channel): string {
  return [...customerLines(r, language), LANGUAGE_LINE[language], CHANNEL_LINE[channel], 'Write the message now.'].join('\n');
}

/**
 * What a message's checks expect: its language, the name on record, and the texts its facts may
 * come from: the customer's lines (as both languages word them, and the products' full names),
 * the brief and the shop facts, as the prompts show them.
 */
export function expectations(r: CustomerRecords, language: DraftLanguage, channel: Channel, brief: string, facts: WrittenFact[]): DraftExpectations {
  const allowed = [...customerLines(r, 'en'), ...customerLines(r, 'zh'), ...r.favourites, ...(r.lastPaidOrder?.products ?? []), brief, ...factLines(facts)];
  return { language, customerName: r.name, allowed, ...lengthBounds(channel) };
}
