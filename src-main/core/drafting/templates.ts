// The no-model drafts: per situation, language and tone, a reply written as a person would, with
// the customer's name, last product, last order and the shop's name filled from the records.
// A part in [brackets] is said only when every placeholder in it has a value, and [a|b] says a,
// else b: a missing value is worded around, never left in braces. The templates state no number
// of their own (no "within 24 hours"), so they pass the facts check by construction.
import type { DraftLanguage, TemplatePlaceholder, Tone } from '../../shared/drafting';
import { localDay } from '../ai/prompt-text';
import type { CustomerRecords, RecordOrder } from './customer-records';

/** What a template is for: a reply to a complaint, a question or praise; a win-back; a campaign (with the owner's brief). */
export type TemplateSituation = 'complaint' | 'question' | 'praise' | 'winback' | 'campaign';

type Table = Record<TemplateSituation, Record<Tone, string>>;

const EN: Table = {
  complaint: {
    warm: "Hi[ {name}],\n\nThank you for letting us know, and I'm so sorry for the trouble. That's not how we want things to go for you. I'm looking into it now[, together with your order {last_order_no} from {last_order_date},] and will come back to you as soon as I've checked.\n\nWarm wishes[,\n{shop_name}]",
    formal: 'Dear [{name}|Customer],\n\nThank you for your message. We are sorry that your experience has fallen short of what you should expect from us. We are reviewing the matter[, including your order {last_order_no} of {last_order_date},] and will contact you again as soon as we have checked the details.\n\nYours sincerely[,\n{shop_name}]',
    brief: "Hi[ {name}], sorry about this. We're looking into it and will get back to you shortly.[\n{shop_name}]",
    apologetic: "Dear [{name}|Customer],\n\nI'm truly sorry. We let you down, and I apologise for the trouble this has caused you. I'm finding out what went wrong right now and will come back to you as soon as I've checked, so that we can put it right.\n\nWith apologies[,\n{shop_name}]",
  },
  question: {
    warm: "Hi[ {name}],\n\nThank you for getting in touch! Let me check this for you, and I'll come back to you with an answer as soon as I can.[ I hope you're enjoying your {last_product}.]\n\nWarm wishes[,\n{shop_name}]",
    formal: 'Dear [{name}|Customer],\n\nThank you for your enquiry. We are checking the details and will reply to you as soon as possible.\n\nKind regards[,\n{shop_name}]',
    brief: "Hi[ {name}], thanks for your message. We'll check and get back to you shortly.[\n{shop_name}]",
    apologetic: "Dear [{name}|Customer],\n\nThank you for your message, and I'm sorry to have kept you waiting. I'm checking the details now and will come back to you as soon as I can.\n\nKind regards[,\n{shop_name}]",
  },
  praise: {
    warm: "Hi[ {name}],\n\nThank you so much for your kind words, they made our day! We've shared your message with the whole team.[ We hope you keep enjoying your {last_product}.]\n\nWarm wishes[,\n{shop_name}]",
    formal: 'Dear [{name}|Customer],\n\nThank you for taking the time to share your feedback. We are delighted that you are pleased with us, and we look forward to serving you again.\n\nKind regards[,\n{shop_name}]',
    brief: "Thank you[, {name}]! So glad you're happy with us. See you again soon.[\n{shop_name}]",
    apologetic: "Dear [{name}|Customer],\n\nThank you for your lovely message, and I'm sorry it has taken us a while to reply. It means a lot to the whole team.[ We hope you keep enjoying your {last_product}.]\n\nWith thanks[,\n{shop_name}]",
  },
  winback: {
    warm: "Hi[ {name}],\n\nIt's been a while, and we've missed you![ We hope you enjoyed your {last_product}.] Whenever you're ready for your next order, we'd love to welcome you back.\n\nWarm wishes[,\n{shop_name}]",
    formal: 'Dear [{name}|Customer],\n\nThank you for having shopped with us[, most recently on {last_order_date}]. We have not seen you for some time and would be delighted to welcome you back.\n\nKind regards[,\n{shop_name}]',
    brief: "Hi[ {name}], we've missed you![ How are you getting on with your {last_product}?] We'd love to see you again soon.[\n{shop_name}]",
    apologetic: "Dear [{name}|Customer],\n\nWe haven't heard from you in a while, and if anything about your last experience with us fell short, we're truly sorry. We would be grateful for the chance to do better.[ We hope you enjoyed your {last_product}.]\n\nWith best wishes[,\n{shop_name}]",
  },
  campaign: {
    warm: "Hi[ {name}],\n\n[{brief}|We have something new we'd love to share with you.]\n\n[As you enjoyed our {last_product}, we thought of you first. ]We'd love to see you soon.\n\nWarm wishes[,\n{shop_name}]",
    formal: 'Dear [{name}|Customer],\n\n[{brief}|We have news we would be pleased to share with you.]\n\nWe hope this is of interest and look forward to serving you again.\n\nKind regards[,\n{shop_name}]',
    brief: 'Hi[ {name}]! [{brief}|We have something new for you, come and have a look.][\n{shop_name}]',
    apologetic: "Dear [{name}|Customer],\n\nSorry to interrupt your day. We just wanted to share some news with you.\n\n[{brief}|We have something new we'd love you to see.]\n\nWith best wishes[,\n{shop_name}]",
  },
};

const ZH: Table = {
  complaint: {
    warm: '[{name}]您好，\n\n谢谢您告诉我们，给您添麻烦了，真的很抱歉。我们正在核实情况[（包括您{last_order_date}下的订单{last_order_no}）]，查清楚后第一时间回复您。[\n\n{shop_name}]',
    formal: '尊敬的[{name}|顾客]：\n\n感谢您的反馈。给您带来不好的体验，我们深表歉意。我们正在核实相关情况[，包括您的订单{last_order_no}（{last_order_date}）]，核实后会尽快与您联系。[\n\n{shop_name} 敬上]',
    brief: '[{name}]您好，抱歉给您添麻烦了！我们正在核实，稍后回复您。',
    apologetic: '[{name}]您好，\n\n非常抱歉，这次让您失望了，给您带来的不便我们深感歉意。我们马上查明原因，核实后第一时间回复您，尽快给您妥善处理。[\n\n{shop_name}]',
  },
  question: {
    warm: '[{name}]您好，\n\n谢谢您的消息！我这就帮您确认一下，有结果马上回复您。[希望您喜欢之前买的{last_product}。][\n\n{shop_name}]',
    formal: '尊敬的[{name}|顾客]：\n\n感谢您的咨询。我们正在确认相关信息，确认后会尽快答复您。[\n\n{shop_name} 敬上]',
    brief: '[{name}]您好，收到！我们确认后尽快回复您。',
    apologetic: '[{name}]您好，\n\n抱歉让您久等了！我们正在确认您问的情况，确认后马上回复您。[\n\n{shop_name}]',
  },
  praise: {
    warm: '[{name}]您好，\n\n非常感谢您的肯定，看到您的留言我们特别开心！您的话我们已经转告给团队的每一位同事。[希望您一直喜欢{last_product}，]期待再次为您服务！[\n\n{shop_name}]',
    formal: '尊敬的[{name}|顾客]：\n\n感谢您抽空给我们反馈。很高兴您对我们的商品和服务感到满意，期待继续为您服务。[\n\n{shop_name} 敬上]',
    brief: '谢谢[{name}|您]的好评！很高兴您满意，期待下次再见～',
    apologetic: '[{name}]您好，\n\n谢谢您的好评，也抱歉这么晚才回复您。您的肯定对我们整个团队都是很大的鼓励。[希望您一直喜欢{last_product}。][\n\n{shop_name}]',
  },
  winback: {
    warm: '[{name}]您好，\n\n好久不见，我们很想念您！[上次您买的{last_product}还满意吗？]随时欢迎您回来看看。[\n\n{shop_name}]',
    formal: '尊敬的[{name}|顾客]：\n\n感谢您一直以来的支持。[您上次光顾是在{last_order_date}，]我们诚挚期待再次为您服务。[\n\n{shop_name} 敬上]',
    brief: '[{name}]您好，好久不见！[{last_product}还满意吗？]随时欢迎回来看看～',
    apologetic: '[{name}]您好，\n\n好久没有您的消息了。如果上次购物有哪里让您不满意，我们真诚地向您道歉，也希望有机会做得更好。[希望您喜欢上次买的{last_product}。][\n\n{shop_name}]',
  },
  campaign: {
    warm: '[{name}]您好，\n\n[{brief}|我们有新消息想和您分享。]\n\n[您之前喜欢我们的{last_product}，所以第一时间想到了您。]期待很快见到您！[\n\n{shop_name}]',
    formal: '尊敬的[{name}|顾客]：\n\n[{brief}|我们有新消息想与您分享。]\n\n期待继续为您服务。[\n\n{shop_name} 敬上]',
    brief: '[{name}]您好！[{brief}|我们有新消息想和您分享，欢迎来看看。]',
    apologetic: '[{name}]您好，打扰您了。\n\n[{brief}|我们有新消息想和您分享，欢迎有空来看看。][\n\n{shop_name}]',
  },
};

const TEMPLATES: Record<DraftLanguage, Table> = { en: EN, zh: ZH };

export type TemplateValues = Partial<Record<TemplatePlaceholder, string>> & { brief?: string };

const PLACEHOLDER = /\{(\w+)\}/g;
const PART = /\[([^\]]*)\]/g;

/** The template text with its placeholders filled; a placeholder without a value is worded around, never left in braces. */
export function fillTemplate(situation: TemplateSituation, language: DraftLanguage, tone: Tone, values: TemplateValues): string {
  const value = (k: string) => (values[k as keyof TemplateValues] ?? '').trim();
  const filled = (part: string) => [...part.matchAll(PLACEHOLDER)].every((m) => value(m[1]) !== '');
  // Parts are chosen on the template itself, then values go in once: a value holding "[", "|" or
  // "{" (an owner's brief) is never read as template syntax.
  const chosen = TEMPLATES[language][situation][tone].replace(PART, (_, alternatives: string) => alternatives.split('|').find(filled) ?? '');
  return chosen.replace(PLACEHOLDER, (_, k: string) => value(k)).trim();
}

/** The situation of a reply to an inbound message, from its sentiment. */
export function replySituation(label: string | null): TemplateSituation {
  return label === 'negative' ? 'complaint' : label === 'positive' ? 'praise' : 'question';
}

/**
 * How a reply addresses the customer: a Chinese name in full (李娜您好), an English name by its
 * first word in a warm, brief or apologetic reply ("Hi Anna") and in full in a formal one.
 */
export function addressName(name: string, tone: Tone): string {
  const n = name.trim();
  if (/\p{Script=Han}/u.test(n) || tone === 'formal') return n;
  return n.split(/\s+/)[0] ?? n;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day as a template says it: "3 May 2025", "2025年5月3日" (the local day, as the prompt's records write it). */
export function spokenDate(ms: number, language: DraftLanguage): string {
  const [y, m, d] = localDay(ms).split('-').map(Number);
  return language === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * A product name in the reply's language: names kept in both ("Jasmine Tea 茉莉花茶 250g") lose
 * the other language's words; a name in one language only is kept as it is.
 */
export function productName(name: string, language: DraftLanguage): string {
  const words = name.trim().split(/\s+/);
  const han = (w: string) => /\p{Script=Han}/u.test(w);
  const latin = (w: string) => /\p{Script=Latin}{2,}/u.test(w) && !/\d/.test(w);
  if (!words.some(han) || !words.some(latin)) return name.trim();
  const kept = words.filter((w) => (language === 'zh' ? han(w) || /\d/.test(w) : !han(w)));
  return kept.length ? kept.join(' ') : name.trim();
}

/**
 * The placeholders' values from one customer's records, for a reply and a campaign message alike:
 * `shopName` from the shop facts, `brief` the campaign's.
 */
export function templateValues(
  r: CustomerRecords,
  language: DraftLanguage,
  tone: Tone,
  extra: { shopName?: string; brief?: string; order?: RecordOrder | null } = {},
): TemplateValues {
  // A reply speaks of the order the message is about (order-in-question.ts); otherwise the last paid one.
  const last = extra.order ?? r.lastPaidOrder;
  return {
    name: addressName(r.name, tone),
    last_product: r.lastProduct ? productName(r.lastProduct, language) : undefined,
    last_order_date: last ? spokenDate(last.at, language) : undefined,
    last_order_no: last?.orderNo,
    shop_name: extra.shopName?.trim() || undefined,
    brief: extra.brief?.trim() || undefined,
  };
}
