// What the sample shop's customers and owner write: the shape of a language's texts and the
// filling of {placeholders}. The texts themselves are in texts-en.ts and texts-zh.ts.
import type { Lang } from './calendar';
import type { CategoryKey, Product } from './catalog';
import type { Rng } from './random';
import { EN_TEXTS } from './texts-en';
import { ZH_TEXTS } from './texts-zh';

export type Tone = 'positive' | 'negative' | 'mixed' | 'neutral';
export type Topic = 'delivery' | 'damage' | 'wrong' | 'refund' | 'invoice' | 'price' | 'quality' | 'service' | 'stock' | 'gift' | 'general';

/** What a text assumes about {product}: "tastes wonderful" is no thing to say about a mug. */
export type Need = 'taste' | 'scent' | 'drink' | 'tea' | 'brew' | 'fragile' | 'liquid';

const NEED_CATEGORIES: Record<Need, CategoryKey[]> = {
  taste: ['TEA', 'COF', 'SNK', 'GIFT', 'HNY', 'NUT'],
  scent: ['TEA', 'COF', 'GIFT', 'HNY', 'FRG'],
  drink: ['TEA', 'COF', 'HNY'],
  tea: ['TEA', 'GIFT'],
  brew: ['TEA', 'COF'],
  fragile: ['WARE', 'CER'],
  liquid: ['HNY'],
};

export interface Line {
  text: string;
  needs?: Need;
}

export interface Template extends Line {
  topic: Topic;
  /** The shop's answer to this message; otherwise one for its topic (or a thank-you). */
  reply?: string;
  /** Email subject; a generic one is used when absent. */
  subject?: string;
}

export interface Texts {
  inbound: Record<Tone, Template[]>;
  /** The shop's answers: thanks for praise, otherwise by what the message is about. */
  replies: { positive: string[]; byTopic: Record<Topic, string[]> };
  campaigns: { cny: string[]; midAutumn: string[]; double11: string[]; christmas: string[]; winback: string[]; news: string[] };
  shipping: string[];
  /** Outbound phone calls, logged as notes of the call. */
  calls: string[];
  /** How a phone call or a visit in person is logged around what the customer said. */
  spoken: { phone: string; in_person: string };
  subjects: { order: string; reply: string; question: string };
  campaignSubject: string;
  reviews: Record<1 | 2 | 3 | 4 | 5, Line[]>;
  nps: { promoter: string[]; passive: string[]; detractor: string[] };
  notes: { loyal: string[]; gift: string[]; company: string[]; unhappy: string[]; general: string[] };
  tasks: { followUp: string[]; byTopic: Partial<Record<Topic, string>>; reply: string; done: string[]; company: string[] };
}

export const TEXTS: Record<Lang, Texts> = { en: EN_TEXTS, zh: ZH_TEXTS };

export type Fill = Partial<Record<'name' | 'product' | 'order' | 'date' | 'days' | 'city' | 'company' | 'text', string>>;

/** Placeholders only an order can fill. */
const ORDER_ONLY = /\{(order|date|days)\}/;

/** Whether every placeholder in `template` has a value. */
export function canFill(template: string, values: Fill): boolean {
  for (const m of template.matchAll(/\{(\w+)\}/g)) if (!values[m[1] as keyof Fill]) return false;
  return true;
}

export function fill(template: string, values: Fill): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key as keyof Fill] ?? whole);
}

const fits = (line: Line, p: Product) => !line.needs || NEED_CATEGORIES[line.needs].includes(p.categoryKey);

/**
 * A line that suits one of `products` (the order's, or the customer's favourite), and the
 * product it will speak of.
 */
export function pickLine<L extends Line>(rng: Rng, lines: L[], products: Product[]): { line: L; product: Product } {
  const suitable = lines.filter((l) => products.some((p) => fits(l, p)));
  const line = rng.pick(suitable.length ? suitable : lines.filter((l) => !l.needs));
  const matching = products.filter((p) => fits(line, p));
  return { line, product: rng.pick(matching.length ? matching : products) };
}

/** A template of a tone; `order` false keeps to those that do not mention an order. */
export function pickInbound(rng: Rng, lang: Lang, tone: Tone, opts: { order: boolean; topics?: Topic[]; products: Product[] }): { line: Template; product: Product } {
  let list = TEXTS[lang].inbound[tone].filter((t) => opts.products.some((p) => fits(t, p)));
  if (!opts.order) list = list.filter((t) => !ORDER_ONLY.test(t.text) && !ORDER_ONLY.test(t.subject ?? '') && !ORDER_ONLY.test(t.reply ?? ''));
  if (opts.topics) {
    const narrowed = list.filter((t) => opts.topics!.includes(t.topic));
    if (narrowed.length) list = narrowed;
  }
  return pickLine(rng, list, opts.products);
}
