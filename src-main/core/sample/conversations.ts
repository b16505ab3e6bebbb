// What a customer and the shop said to each other around their orders: inbound messages with a
// tone that fits the customer's story, the shop's replies, campaigns, reviews, complaints,
// NPS surveys, and the follow-up tasks that open issues leave behind.
import { DAY_MS, festivalDay, formatDate, dateOfDay, type Festival, type Lang } from './calendar';
import type { Product } from './catalog';
import type { Archetype, GenOrder } from './history';
import { TEXTS, canFill, fill, pickInbound, pickLine, type Fill, type Tone, type Topic } from './messages';
import type { Rng } from './random';

export type Channel = 'email' | 'phone' | 'sms' | 'wechat' | 'whatsapp' | 'social' | 'in_person';

export interface GenInteraction {
  channel: Channel;
  direction: 'inbound' | 'outbound';
  language: Lang;
  subject: string | null;
  body: string;
  at: number;
  handled: boolean;
  /** When an inbound message was answered: the reply's time, or soon after when handled without one. */
  handledAt: number | null;
  /** A reply: the inbound message it answers. */
  replyTo: GenInteraction | null;
  tone: Tone | null;
}

export interface GenFeedback {
  kind: 'review' | 'complaint' | 'survey';
  product: number | null;
  rating: number | null;
  nps: number | null;
  body: string | null;
  language: Lang;
  at: number;
}

export interface GenTask {
  title: string;
  dueAt: number | null;
  doneAt: number | null;
  at: number;
}

export interface Talker {
  lang: Lang;
  archetype: Archetype;
  greeting: string;
  city: string;
  company: string | null;
  consent: { email: boolean; sms: boolean; wechat: boolean };
  lastActiveDay: number;
}

const INBOUND_CHANNELS: Record<Lang, Record<Channel, number>> = {
  zh: { wechat: 55, phone: 18, sms: 8, social: 6, in_person: 5, email: 6, whatsapp: 2 },
  en: { email: 52, whatsapp: 22, phone: 10, social: 8, sms: 5, in_person: 3, wechat: 0 },
};

const TONES: Record<Archetype, Record<Tone, number>> = {
  loyal: { positive: 62, mixed: 14, negative: 8, neutral: 16 },
  big: { positive: 55, mixed: 15, negative: 12, neutral: 18 },
  seasonal: { positive: 50, mixed: 18, negative: 12, neutral: 20 },
  occasional: { positive: 45, mixed: 20, negative: 15, neutral: 20 },
  fading: { positive: 40, mixed: 22, negative: 18, neutral: 20 },
  churned: { positive: 35, mixed: 22, negative: 23, neutral: 20 },
  oneoff: { positive: 30, mixed: 20, negative: 30, neutral: 20 },
  new: { positive: 55, mixed: 10, negative: 10, neutral: 25 },
};
/** Reviews left without a message lean positive, as they do in real shops. */
const REVIEW_MOOD: Record<Tone, number> = { positive: 62, neutral: 18, mixed: 12, negative: 8 };
/** Why people leave: the last orders of churned and fading customers went badly. */
const SOURING: Record<Tone, number> = { positive: 10, mixed: 30, negative: 48, neutral: 12 };

const RATING: Record<Tone, [number[], number[]]> = {
  positive: [[5, 4], [70, 30]],
  mixed: [[3, 4, 2], [50, 30, 20]],
  negative: [[1, 2], [55, 45]],
  neutral: [[4, 5, 3], [50, 30, 20]],
};

export interface Conversation {
  interactions: GenInteraction[];
  feedback: GenFeedback[];
  tasks: GenTask[];
  complained: boolean;
}

/**
 * `timing` draws only the times of handling that no reply gives: a stream of its own, so the rest
 * of a customer's story is what it was before handling times were kept.
 */
export function converse(rng: Rng, timing: Rng, catalog: Product[], anchor: number, who: Talker, orders: GenOrder[]): Conversation {
  const t = TEXTS[who.lang];
  const lang = who.lang;
  const out: Conversation = { interactions: [], feedback: [], tasks: [], complained: false };
  const productName = (id: number) => (lang === 'zh' ? catalog[id].nameZh : catalog[id].nameEn);
  const base: Fill = { name: who.greeting, city: who.city, company: who.company ?? '' };
  /** Keeps what was said by the anchor; returns it, or null when it lies after. */
  const say = (i: Omit<GenInteraction, 'language' | 'handledAt' | 'replyTo'> & Partial<Pick<GenInteraction, 'handledAt' | 'replyTo'>>): GenInteraction | null => {
    if (i.at > anchor) return null;
    const said: GenInteraction = { handledAt: null, replyTo: null, ...i, language: lang };
    out.interactions.push(said);
    return said;
  };
  const outboundChannel = (): Channel | null =>
    lang === 'zh'
      ? who.consent.wechat ? 'wechat' : who.consent.sms ? 'sms' : null
      : who.consent.email ? 'email' : who.consent.sms ? 'whatsapp' : null;

  const inbound = (at: number, tone: Tone, orderValues: Fill, products: Product[], hasOrder: boolean, topics?: Topic[]): void => {
    if (at > anchor) return;
    const { line: tpl, product } = pickInbound(rng, lang, tone, { order: hasOrder, topics, products });
    const values = { ...orderValues, product: productName(product.index) };
    const channel = rng.weightedKey(INBOUND_CHANNELS[lang]);
    const said = fill(tpl.text, values);
    const body = channel === 'phone' || channel === 'in_person' ? fill(t.spoken[channel], { text: said }) : said;
    const subject = channel === 'email' ? fill(tpl.subject ?? (hasOrder ? t.subjects.order : t.subjects.question), values) : null;
    const age = (anchor - at) / DAY_MS;
    const handled = rng.chance(age < 2 ? 0.3 : age < 7 ? 0.7 : age < 30 ? 0.93 : 0.99);
    const message = say({ channel, direction: 'inbound', subject, body, at, handled, tone });
    if (tone === 'negative' && rng.chance(0.35)) {
      out.feedback.push({ kind: 'complaint', product: null, rating: null, nps: null, body: said, language: lang, at });
      out.complained = true;
    }
    const topicTask = t.tasks.byTopic[tpl.topic];
    const taskTitle = fill(topicTask && canFill(topicTask, values) ? topicTask : t.tasks.reply, values);
    if (!handled) {
      // Open issues of the last month are on the owner's list; older forgotten ones are not.
      if (tone !== 'positive' && age < 30) out.tasks.push({ title: taskTitle, dueAt: at + rng.int(1, 3) * DAY_MS, doneAt: null, at });
      return;
    }
    if (!rng.chance(0.92)) {
      // Handled without a written reply (a call back, a word in the shop): some time within the same span.
      if (message) message.handledAt = Math.round(at + timing.next() * (Math.min(anchor, at + 1.5 * DAY_MS) - at));
      return;
    }
    const replyAt = at + rng.between(0.05, 1.5) * DAY_MS;
    // A reply still to come after the anchor: the message is open today, and on the owner's list
    // like any other open issue (drawn from `timing`, so what follows is drawn as before).
    const answered = replyAt <= anchor;
    if (message && answered) message.handledAt = Math.round(replyAt);
    if (message && !answered) {
      message.handled = false;
      if (tone !== 'positive') out.tasks.push({ title: taskTitle, dueAt: at + timing.int(1, 3) * DAY_MS, doneAt: null, at });
    }
    const replyChannel: Channel = channel === 'phone' || channel === 'in_person' ? (lang === 'zh' ? 'wechat' : 'email') : channel;
    const answers = (tone === 'positive' ? t.replies.positive : t.replies.byTopic[tpl.topic]).filter((r) => canFill(r, values));
    const reply = fill(tpl.reply ?? (answers.length ? rng.pick(answers) : rng.pick(t.replies.byTopic.general)), values);
    say({ channel: replyChannel, direction: 'outbound', subject: replyChannel === 'email' && subject ? fill(t.subjects.reply, { text: subject }) : null, body: reply, at: replyAt, handled: true, replyTo: message, tone: null });
    if (tone === 'negative' && rng.chance(0.25)) {
      const doneAt = Math.min(anchor, replyAt + rng.between(0.2, 3) * DAY_MS);
      if (answered) out.tasks.push({ title: taskTitle, dueAt: at + 2 * DAY_MS, doneAt, at });
    }
  };

  const messageChance = Math.min(0.7, 0.12 + 0.5 / Math.max(1, orders.length));
  const souringFrom = who.archetype === 'churned' || who.archetype === 'fading' ? orders.length - 2 : Infinity;
  orders.forEach((o, i) => {
    const products = o.lines.map((l) => catalog[l.product]);
    const values: Fill = {
      ...base,
      order: o.orderNo,
      date: formatDate(o.at + 5 * DAY_MS, lang),
      days: String(rng.int(7, 16)),
    };
    let tone: Tone | null = null;
    if (o.status === 'refunded' && rng.chance(0.8)) {
      tone = 'negative';
      inbound(o.at + rng.between(2, 9) * DAY_MS, tone, values, products, true, ['refund', 'damage', 'wrong', 'quality']);
    } else if (o.status === 'cancelled' && rng.chance(0.5)) {
      tone = rng.chance(0.5) ? 'negative' : 'neutral';
      inbound(o.at + rng.between(0.1, 2) * DAY_MS, tone, values, products, true, ['refund', 'delivery']);
    } else if (rng.chance(i >= souringFrom ? 0.75 : messageChance)) {
      tone = rng.weightedKey(i >= souringFrom ? SOURING : TONES[who.archetype]);
      inbound(o.at + rng.between(1.5, 12) * DAY_MS, tone, values, products, true);
    }
    const ch = outboundChannel();
    if (ch && rng.chance(0.06)) {
      say({ channel: ch, direction: 'outbound', subject: ch === 'email' ? fill(t.subjects.order, values) : null, body: fill(rng.pick(t.shipping), values), at: o.at + rng.between(0.3, 1.2) * DAY_MS, handled: true, tone: null });
    }
    if (o.status === 'paid' && rng.chance(0.09)) {
      const rated = tone ?? rng.weightedKey(REVIEW_MOOD);
      const [stars, weights] = RATING[rated];
      const rating = rng.weighted(stars, weights) as 1 | 2 | 3 | 4 | 5;
      const at = o.at + rng.between(4, 20) * DAY_MS;
      const { line, product } = pickLine(rng, t.reviews[rating], [rng.pick(products)]);
      if (at <= anchor) {
        out.feedback.push({ kind: 'review', product: product.index, rating, nps: null, body: fill(line.text, { ...values, product: productName(product.index) }), language: lang, at });
      }
    }
    if (rng.chance(0.03)) {
      say({ channel: 'phone', direction: 'outbound', subject: null, body: fill(rng.pick(t.calls), { ...values, product: productName(o.lines[0].product) }), at: o.at + rng.between(3, 10) * DAY_MS, handled: true, tone: null });
    }
  });

  const firstAt = orders[0]?.at ?? anchor;
  const lastOrder = orders[orders.length - 1];
  const favouriteProduct = catalog[lastOrder ? lastOrder.lines[0].product : 0];
  const favourite = productName(favouriteProduct.index);
  // A question before the first order, and for a few active customers one in the last days.
  if (rng.chance(0.25)) inbound(firstAt - rng.between(0.5, 5) * DAY_MS, 'neutral', base, [favouriteProduct], false);
  if (who.lastActiveDay >= Math.floor(anchor / DAY_MS) - 1 && rng.chance(0.05)) {
    inbound(anchor - rng.between(0.05, 6) * DAY_MS, rng.chance(0.7) ? 'neutral' : 'negative', base, [favouriteProduct], false);
  }

  // Campaigns around the festivals this customer was around for.
  const ch = outboundChannel();
  if (ch) {
    const festivals: Festival[] = lang === 'zh' ? ['cny', 'midAutumn', 'double11'] : ['christmas', 'cny', 'midAutumn'];
    const startYear = new Date(firstAt).getUTCFullYear();
    const endYear = dateOfDay(Math.min(who.lastActiveDay + 90, Math.floor(anchor / DAY_MS))).getUTCFullYear();
    for (let y = startYear; y <= endYear; y++) {
      for (const f of festivals) {
        if (!rng.chance(0.2)) continue;
        const day = festivalDay(f, y);
        const at = (day - rng.int(14, 28)) * DAY_MS + rng.int(2, 10) * 3_600_000;
        if (at < firstAt) continue;
        const body = fill(rng.pick(t.campaigns[f]), { ...base, date: formatDate((day - 5) * DAY_MS, lang) });
        say({ channel: ch, direction: 'outbound', subject: ch === 'email' ? t.campaignSubject : null, body, at, handled: true, tone: null });
      }
    }
    if ((who.archetype === 'churned' || who.archetype === 'fading') && rng.chance(0.6)) {
      const at = (who.lastActiveDay + rng.int(60, 150)) * DAY_MS + rng.int(2, 10) * 3_600_000;
      say({ channel: ch, direction: 'outbound', subject: ch === 'email' ? t.campaignSubject : null, body: fill(rng.pick(t.campaigns.winback), { ...base, product: favourite }), at, handled: true, tone: null });
    }
  }

  // NPS: promoters are the loyal ones, detractors those who left.
  if (orders.length && rng.chance(who.archetype === 'loyal' || who.archetype === 'big' ? 0.35 : 0.2)) {
    const tone = rng.weightedKey(who.archetype === 'churned' || who.archetype === 'fading' ? SOURING : TONES[who.archetype]);
    const nps =
      tone === 'positive' ? rng.weighted([10, 9, 8], [55, 35, 10]) : tone === 'neutral' ? rng.int(7, 9) : tone === 'mixed' ? rng.int(5, 8) : rng.int(0, 6);
    const band = nps >= 9 ? t.nps.promoter : nps >= 7 ? t.nps.passive : t.nps.detractor;
    const at = firstAt + rng.next() * (Math.min(anchor, (who.lastActiveDay + 60) * DAY_MS) - firstAt);
    out.feedback.push({ kind: 'survey', product: null, rating: null, nps, body: rng.chance(0.6) ? rng.pick(band) : null, language: lang, at });
  }

  out.interactions.sort((a, b) => a.at - b.at);
  return out;
}
