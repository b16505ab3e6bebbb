// Small value parsers for import cells: emails, phones (normalised through libphonenumber-js,
// cached because it is the slowest step of a big import), yes/no, the app's enums from the words
// people use in English and Chinese, whole numbers, star ratings and tag lists.
import type { CountryCode } from 'libphonenumber-js';
import { halfWidth, phoneKey } from '../customers/contact';
import { own } from './source-row';

// What a valid email or phone is, and the language guess, are the customers' own definitions
// (customers/contact.ts, customers/language.ts), shared with the customer form and the sample shop.
export { cnMobile, halfWidth, parseEmail } from '../customers/contact';
export { guessLanguage } from '../customers/language';

/** Phone normalisation per import run: the same customer's number repeats on every order line. */
export class PhoneNormalizer {
  private cache = new Map<string, string | null>();

  constructor(private readonly country: CountryCode) {}

  /** Digits with country code, or null when the text holds too few digits to be a phone number. */
  normalize(raw: string): string | null {
    let hit = this.cache.get(raw);
    if (hit !== undefined) return hit;
    hit = phoneKey(raw, this.country);
    if (this.cache.size >= 50_000) this.cache.clear();
    this.cache.set(own(raw), hit);
    return hit;
  }
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'x', '✓', '✔', '√', 'on', 'opt in', 'opted in', 'subscribed', '是', '对', '有', '同意', '已同意', '订阅', '已订阅', '已处理', '已回复', '处理', '回复']);
const NO = new Set(['no', 'n', 'false', 'f', '0', '-', '×', '✗', 'off', 'opt out', 'opted out', 'unsubscribed', '否', '不', '无', '没有', '不同意', '未同意', '未订阅', '退订', '未处理', '未回复']);

/** true / false, or undefined when the text is not a yes/no. */
export function parseBool(raw: string): boolean | undefined {
  const v = halfWidth(raw.trim().toLowerCase());
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** Looks a value up in a table of words (lower-cased, full-width folded) → the app's value. */
export function choice<T extends string>(table: Record<string, T>, raw: string): T | undefined {
  const v = halfWidth(raw.trim().toLowerCase()).replace(/[\s_-]+/g, ' ');
  return table[v] ?? table[v.replace(/ /g, '')];
}

export const ORDER_STATUS: Record<string, 'paid' | 'refunded' | 'cancelled'> = {
  paid: 'paid', complete: 'paid', completed: 'paid', done: 'paid', closed: 'paid', shipped: 'paid', delivered: 'paid', fulfilled: 'paid', success: 'paid', successful: 'paid', settled: 'paid',
  已付款: 'paid', 已支付: 'paid', 已完成: 'paid', 交易成功: 'paid', 已发货: 'paid', 已签收: 'paid', 完成: 'paid', 成功: 'paid', 待发货: 'paid', 已收货: 'paid',
  refunded: 'refunded', refund: 'refunded', returned: 'refunded', 'partially refunded': 'refunded', 已退款: 'refunded', 退款: 'refunded', 退货: 'refunded', 已退货: 'refunded', 退款成功: 'refunded',
  cancelled: 'cancelled', canceled: 'cancelled', cancel: 'cancelled', void: 'cancelled', voided: 'cancelled', failed: 'cancelled', 已取消: 'cancelled', 取消: 'cancelled', 交易关闭: 'cancelled', 已关闭: 'cancelled', 交易失败: 'cancelled',
};

export const CHANNEL: Record<string, 'email' | 'phone' | 'sms' | 'wechat' | 'whatsapp' | 'social' | 'in_person'> = {
  email: 'email', 'e mail': 'email', mail: 'email', 邮件: 'email', 电子邮件: 'email', 邮箱: 'email',
  phone: 'phone', call: 'phone', 'phone call': 'phone', telephone: 'phone', tel: 'phone', 电话: 'phone', 通话: 'phone', 来电: 'phone',
  sms: 'sms', text: 'sms', 'text message': 'sms', 短信: 'sms', 短消息: 'sms',
  wechat: 'wechat', weixin: 'wechat', 微信: 'wechat', 企业微信: 'wechat', 公众号: 'wechat', 小程序: 'wechat',
  whatsapp: 'whatsapp', wa: 'whatsapp',
  social: 'social', facebook: 'social', instagram: 'social', twitter: 'social', x: 'social', weibo: 'social', 微博: 'social', 小红书: 'social', 抖音: 'social', douyin: 'social', tiktok: 'social', 社交媒体: 'social',
  'in person': 'in_person', inperson: 'in_person', visit: 'in_person', store: 'in_person', shop: 'in_person', meeting: 'in_person', 'face to face': 'in_person', 面谈: 'in_person', 到店: 'in_person', 门店: 'in_person', 见面: 'in_person', 线下: 'in_person',
};

export const DIRECTION: Record<string, 'inbound' | 'outbound'> = {
  inbound: 'inbound', in: 'inbound', incoming: 'inbound', received: 'inbound', customer: 'inbound', from: 'inbound', them: 'inbound', client: 'inbound',
  收: 'inbound', 收到: 'inbound', 接收: 'inbound', 客户: 'inbound', 来信: 'inbound', 来电: 'inbound', 呼入: 'inbound', 客户发送: 'inbound',
  outbound: 'outbound', out: 'outbound', outgoing: 'outbound', sent: 'outbound', us: 'outbound', me: 'outbound', to: 'outbound', agent: 'outbound', staff: 'outbound', reply: 'outbound',
  发: 'outbound', 发送: 'outbound', 发出: 'outbound', 回复: 'outbound', 我: 'outbound', 我们: 'outbound', 客服: 'outbound', 呼出: 'outbound', 商家: 'outbound',
};

export const FEEDBACK_KIND: Record<string, 'review' | 'complaint' | 'survey'> = {
  review: 'review', rating: 'review', 评价: 'review', 评论: 'review', 好评: 'review', 中评: 'review', 差评: 'review', 晒单: 'review',
  complaint: 'complaint', issue: 'complaint', problem: 'complaint', 投诉: 'complaint', 售后: 'complaint', 问题: 'complaint', 纠纷: 'complaint',
  survey: 'survey', nps: 'survey', questionnaire: 'survey', poll: 'survey', 问卷: 'survey', 调查: 'survey', 调研: 'survey', 满意度: 'survey',
};

export const LANGUAGE: Record<string, string> = {
  en: 'en', english: 'en', eng: 'en', 英文: 'en', 英语: 'en', 'en us': 'en', 'en gb': 'en',
  zh: 'zh', chinese: 'zh', cn: 'zh', 中文: 'zh', 汉语: 'zh', 普通话: 'zh', 'zh cn': 'zh', 'zh hans': 'zh', 简体中文: 'zh', 'zh tw': 'zh', 繁体中文: 'zh',
};

/** A whole number; `null` for empty, NaN for text that is not one. */
export function parseInteger(raw: string): number | null {
  const v = halfWidth(raw.trim()).replace(/[,\s]/g, '').replace(/(件|个|pcs|x)$/i, '');
  if (!v) return null;
  if (!/^[-+]?\d+(\.0+)?$/.test(v)) return Number.NaN;
  return Math.trunc(Number(v));
}

/** 1–5 stars from "4", "4.0", "4/5", "★★★★☆", "4星", "4 stars"; NaN when unreadable. */
export function parseRating(raw: string): number | null {
  const v = halfWidth(raw.trim());
  if (!v) return null;
  const stars = [...v].filter((c) => c === '★' || c === '⭐').length;
  if (stars) return stars;
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+)|星|颗星|分|stars?)?$/i.exec(v);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const scale = m[2] ? Number(m[2]) : 5;
  return scale === 5 ? Math.round(n) : Math.round((n / scale) * 5);
}

/** Tags from "VIP, 回头客; wholesale" (comma, Chinese comma, semicolon, pipe or slash). */
export function parseTags(raw: string): string[] {
  const out: string[] = [];
  for (const t of raw.split(/[,，;；|、/]+/)) {
    const tag = t.trim().slice(0, 60);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
