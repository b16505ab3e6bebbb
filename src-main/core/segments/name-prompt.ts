// What the local model is told to name a cluster: the cluster's PROFILE only (its size, revenue
// share, each behavioural feature against the whole base, its top categories), never a customer's
// name, contact or anything else personal. The answer, under a JSON-schema grammar, is a short
// name and one sentence; the limits a grammar cannot state (four words, eight 汉字, one sentence)
// are applied to what it wrote (fitName, firstSentence).
import { z } from 'zod';
import type { ClusterProfile } from './profile';

export type NameLanguage = 'en' | 'zh';

export type { ClusterProfile } from './profile';

export interface ClusterFacts {
  idx: number;
  size: number;
  /** Of the customers in the run's clusters. */
  sizeShare: number;
  revenueShare: number;
  profile: ClusterProfile;
}

/** The answer's shape: the grammar the model writes under, and the check of what it wrote. */
export const nameAnswer = z.object({
  name: z.string().min(1).max(48),
  description: z.string().min(1).max(240),
});
export type NameAnswer = z.infer<typeof nameAnswer>;

export const MAX_NAME_WORDS = 4;
export const MAX_NAME_HAN = 8;

const SYSTEM: Record<NameLanguage, string> = {
  en: [
    'You name a group of a small shop’s customers that clustering found, from the group’s profile only. Answer with JSON only: {"name": ..., "description": ...}.',
    'name: at most 4 words, plain words a shop owner would use, e.g. "Big occasional spenders", "Recent first-timers", "Loyal tea lovers".',
    'description: one short sentence on what sets the group apart from the other customers.',
    'Write in English.',
  ].join('\n'),
  zh: [
    '你为一家小店通过聚类得到的一组客户命名，只依据这组客户的画像。只用 JSON 回答：{"name": ..., "description": ...}。',
    'name：不超过 8 个汉字，用店主平常会说的话，例如“高消费偶购客”“新近首单客”“忠实茶客”。',
    'description：一句话，说明这组客户和其他客户相比有什么不同。',
    '用中文写。',
  ].join('\n'),
};

export const nameSystemPrompt = (language: NameLanguage): string => SYSTEM[language];

/** How the features read in the prompt, with their units: money in shop currency (stored in cents), days in days. */
const FEATURE: Record<string, { label: string; money?: boolean; unit?: string }> = {
  log_spend: { label: 'total spend', money: true },
  orders: { label: 'orders' },
  recency_days: { label: 'days since the last order', unit: 'days' },
  aov: { label: 'average order value', money: true },
  tenure_days: { label: 'days since the first order', unit: 'days' },
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));

/** In words, how far a z-score is from the base (standard deviations of the standardised feature). */
function zWords(z: number): string {
  const a = Math.abs(z);
  const dir = z > 0 ? 'higher' : 'lower';
  if (a < 0.25) return 'about the same';
  if (a < 0.75) return `somewhat ${dir}`;
  if (a < 1.5) return dir;
  return `much ${dir}`;
}

/** The user turn for one cluster: numbers and category names, nothing about any one person. */
export function namePrompt(c: ClusterFacts, currency: string): string {
  const money = (cents: number) => `${round(cents / 100)} ${currency}`;
  const lines = [`Customers in the group: ${c.size.toLocaleString('en-US')} (${pct(c.sizeShare)} of customers with orders), bringing ${pct(c.revenueShare)} of revenue.`, 'Against all customers with orders (average here vs overall, z in standard deviations):'];
  for (const f of c.profile.features) {
    const def = FEATURE[f.key];
    if (!def) continue;
    const fmt = (v: number) => (def.money ? money(v) : `${round(v)}${def.unit ? ` ${def.unit}` : ''}`);
    lines.push(`- ${def.label}: ${fmt(f.mean)} vs ${fmt(f.baseMean)} (z ${f.z >= 0 ? '+' : ''}${f.z.toFixed(1)}, ${zWords(f.z)})`);
  }
  const cats = c.profile.topCategories.slice(0, 5);
  if (cats.length) lines.push(`Top product categories (share of the group's spend vs all customers'): ${cats.map((t) => `${t.category} ${pct(t.share)} vs ${pct(t.baseShare)}`).join('; ')}`);
  return lines.join('\n');
}

const TRIM = /^[\s"'“”‘’「」『』《》.,;:!?。，；：！？、-]+|[\s"'“”‘’「」『』《》.,;:!?。，；：！？、-]+$/gu;
const HAN = /\p{Script=Han}/u;

/**
 * The name within its limit: at most MAX_NAME_WORDS words in English; at most MAX_NAME_HAN
 * characters in Chinese (spaces dropped between 汉字). Empty when nothing is left.
 */
export function fitName(name: string, language: NameLanguage): string {
  const t = name.replace(/\s+/g, ' ').replace(TRIM, '');
  if (language === 'en') return t.split(' ').filter(Boolean).slice(0, MAX_NAME_WORDS).join(' ').replace(TRIM, '');
  const chars = Array.from(HAN.test(t) ? t.replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, '') : t);
  return chars.slice(0, MAX_NAME_HAN).join('').replace(TRIM, '');
}

/** Whether a stored name keeps the limits (the tests' check). */
export function nameFits(name: string, language: NameLanguage): boolean {
  if (!name.trim()) return false;
  return language === 'en' ? name.trim().split(/\s+/).length <= MAX_NAME_WORDS : Array.from(name).length <= MAX_NAME_HAN;
}

/** The first sentence, trimmed. */
export function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  // A Latin stop ends a sentence before a space or the end (not in "3.5"); a Chinese one always.
  const m = /^.*?(?:[.!?](?=\s|$)|[。！？])/u.exec(t);
  return (m ? m[0] : t).trim();
}
