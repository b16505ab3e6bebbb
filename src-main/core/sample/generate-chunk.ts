// One sample customer with everything about them, from (seed, customer index) alone: the same
// inputs give the same customer whichever chunk, run or process generates it.
import { DAY_MS, type Lang } from './calendar';
import { converse, type GenFeedback, type GenInteraction, type GenTask } from './conversations';
import { ARCHETYPE_WEIGHTS, favouriteCategories, makeOrder, orderDays, type Archetype, type GenOrder, type ShopContext } from './history';
import { TEXTS, fill } from './messages';
import { makePerson, type Person } from './names';
import { Rng } from './random';

export interface GenCustomer extends Person {
  index: number;
  language: Lang;
  archetype: Archetype;
  consentEmail: boolean;
  consentSms: boolean;
  consentWechat: boolean;
  createdAt: number;
  tags: string[];
  orders: GenOrder[];
  interactions: GenInteraction[];
  feedback: GenFeedback[];
  notes: { body: string; at: number }[];
  tasks: GenTask[];
}

export const SAMPLE_TAGS: Record<string, string> = {
  VIP: 'grape',
  '老客户': 'green',
  'Gift buyer': 'red',
  '批发 Wholesale': 'orange',
  '企业 Corporate': 'teal',
  '茶友 Tea lover': 'blue',
  '新客 New': 'yellow',
  '投诉过 Complained': 'gray',
};

export function generateCustomer(ctx: ShopContext, index: number, total: number): GenCustomer {
  const rng = new Rng(ctx.seed, index, 0xc057);
  const lang: Lang = rng.chance(0.6) ? 'zh' : 'en';
  const archetype = rng.weightedKey(ARCHETYPE_WEIGHTS);
  const corporate = rng.chance(archetype === 'big' ? 0.6 : archetype === 'seasonal' ? 0.15 : 0.06);
  const person = makePerson(rng, index, ctx.seed, lang, total, corporate);
  const favourites = favouriteCategories(rng, lang);
  const buyer = { index, lang, archetype, favourites, corporate };
  const { startDay, days, lastActiveDay } = orderDays(rng, archetype, lang, ctx.anchorDay);
  const orders = days.map((day, seq) => makeOrder(rng, ctx, buyer, day, seq)).sort((a, b) => a.at - b.at);

  const consent =
    lang === 'zh'
      ? { email: rng.chance(0.25), sms: rng.chance(0.4), wechat: rng.chance(0.75) }
      : { email: rng.chance(0.7), sms: rng.chance(0.3), wechat: rng.chance(person.city === 'Hong Kong' || person.city === 'Singapore' ? 0.3 : 0.03) };
  const talk = converse(rng, new Rng(ctx.seed, index, 0x7e1a), ctx.catalog, ctx.anchor, {
    lang,
    archetype,
    greeting: person.greeting,
    city: person.city,
    company: person.company?.name ?? null,
    consent,
    lastActiveDay,
  }, orders);

  const firstSeen = Math.min(orders[0]?.at ?? ctx.anchor, talk.interactions[0]?.at ?? ctx.anchor);
  const createdAt = Math.min(startDay * DAY_MS + rng.int(1, 14) * 3_600_000, firstSeen - rng.int(5, 600) * 60_000);
  const t = TEXTS[lang];
  const productName = (id: number) => (lang === 'zh' ? ctx.catalog[id].nameZh : ctx.catalog[id].nameEn);
  const lastOrder = orders[orders.length - 1];
  const values = {
    name: person.greeting,
    city: person.city,
    company: person.company?.name ?? '',
    product: lastOrder ? productName(lastOrder.lines[0].product) : '',
    order: lastOrder?.orderNo ?? '',
  };
  // Due dates fall on a working hour of a day around today.
  const dueDay = (offset: number) => (ctx.anchorDay + offset) * DAY_MS + rng.int(1, 10) * 3_600_000;
  const someTime = () => createdAt + rng.next() * (ctx.anchor - createdAt);

  const notes: GenCustomer['notes'] = [];
  if (rng.chance(0.3)) {
    const kind =
      person.company && rng.chance(0.6) ? 'company'
      : talk.complained ? 'unhappy'
      : archetype === 'loyal' || archetype === 'big' ? 'loyal'
      : archetype === 'seasonal' ? 'gift'
      : 'general';
    notes.push({ body: fill(rng.pick(t.notes[kind]), values), at: someTime() });
    if (rng.chance(0.25)) notes.push({ body: fill(rng.pick(t.notes.general), values), at: someTime() });
  }

  const tasks = talk.tasks;
  const active = lastActiveDay >= ctx.anchorDay - 1;
  if (active && rng.chance(0.05)) {
    tasks.push({ title: fill(rng.pick(t.tasks.followUp), values), dueAt: dueDay(rng.int(-10, 12)), doneAt: null, at: ctx.anchor - rng.int(3, 20) * DAY_MS });
  }
  if (person.company && active && rng.chance(0.3)) {
    tasks.push({ title: fill(rng.pick(t.tasks.company), values), dueAt: dueDay(rng.int(-3, 20)), doneAt: null, at: ctx.anchor - rng.int(1, 15) * DAY_MS });
  }
  if (lastOrder && rng.chance(0.12)) {
    const at = someTime();
    tasks.push({ title: fill(rng.pick(t.tasks.done), values), dueAt: at + 2 * DAY_MS, doneAt: Math.min(ctx.anchor, at + rng.between(0.1, 4) * DAY_MS), at });
  }

  const paid = orders.filter((o) => o.status === 'paid').length;
  const tags: string[] = [];
  if ((archetype === 'big' && rng.chance(0.9)) || (archetype === 'loyal' && paid >= 15 && rng.chance(0.5))) tags.push('VIP');
  if (lang === 'zh' && (archetype === 'loyal' || archetype === 'big') && rng.chance(0.6)) tags.push('老客户');
  if (archetype === 'seasonal' && rng.chance(0.7)) tags.push('Gift buyer');
  if (person.company && rng.chance(0.6)) tags.push('企业 Corporate');
  if (person.company && archetype === 'big' && rng.chance(0.5)) tags.push('批发 Wholesale');
  if (favourites[0] === 'TEA' && rng.chance(0.3)) tags.push('茶友 Tea lover');
  if (archetype === 'new' && rng.chance(0.5)) tags.push('新客 New');
  if (talk.complained && rng.chance(0.4)) tags.push('投诉过 Complained');

  return {
    ...person,
    index,
    language: lang,
    archetype,
    consentEmail: consent.email,
    consentSms: consent.sms,
    consentWechat: consent.wechat,
    createdAt,
    tags,
    orders,
    interactions: talk.interactions,
    feedback: talk.feedback,
    notes,
    tasks,
  };
}

export function generateChunk(ctx: ShopContext, from: number, to: number, total: number): GenCustomer[] {
  const out: GenCustomer[] = [];
  for (let i = from; i < to; i++) out.push(generateCustomer(ctx, i, total));
  return out;
}
