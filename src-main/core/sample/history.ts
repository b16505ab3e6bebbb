// A customer's buying life: an archetype (loyal, seasonal gift buyer, churned...), the days on
// which they order, shaped by the shop's seasonality, and what goes in each basket.
import { DAY_MS, MAX_SEASON_FACTOR, dateOfDay, festivalAhead, festivalDay, seasonFactor, type Festival, type Lang } from './calendar';
import { CATEGORY_KEYS, type CategoryKey, type Product } from './catalog';
import type { Rng } from './random';

export type Archetype = 'loyal' | 'big' | 'seasonal' | 'occasional' | 'fading' | 'churned' | 'oneoff' | 'new';

export const ARCHETYPE_WEIGHTS: Record<Archetype, number> = {
  loyal: 17, big: 5, seasonal: 15, occasional: 19, fading: 7, churned: 12, oneoff: 15, new: 10,
};

export type OrderStatus = 'paid' | 'refunded' | 'cancelled';

export interface GenLine {
  product: number;
  quantity: number;
  unitPriceCents: number;
}

export interface GenOrder {
  orderNo: string;
  at: number;
  status: OrderStatus;
  channel: string;
  lines: GenLine[];
  totalCents: number;
}

const CATEGORY_WEIGHTS: Record<Lang, Record<CategoryKey, number>> = {
  zh: { TEA: 30, WARE: 12, COF: 6, SNK: 14, GIFT: 10, HNY: 8, NUT: 10, CER: 4, FRG: 3, TEX: 3 },
  en: { TEA: 28, WARE: 12, COF: 14, SNK: 6, GIFT: 8, HNY: 8, NUT: 4, CER: 9, FRG: 7, TEX: 6 },
};

const FESTIVALS: Record<Lang, [Festival, number][]> = {
  zh: [['cny', 0.7], ['midAutumn', 0.6], ['double11', 0.6]],
  en: [['christmas', 0.8], ['cny', 0.3], ['midAutumn', 0.25]],
};

export interface ShopContext {
  seed: number;
  anchor: number;
  anchorDay: number;
  catalog: Product[];
  /** Product indexes and popularity weights per category. */
  byCategory: Map<CategoryKey, { ids: number[]; weights: number[] }>;
}

export function indexCatalog(catalog: Product[]): ShopContext['byCategory'] {
  const map: ShopContext['byCategory'] = new Map();
  for (const p of catalog) {
    let entry = map.get(p.categoryKey);
    if (!entry) map.set(p.categoryKey, (entry = { ids: [], weights: [] }));
    entry.ids.push(p.index);
    entry.weights.push(p.popularity);
  }
  return map;
}

export function favouriteCategories(rng: Rng, lang: Lang): CategoryKey[] {
  const first = rng.weightedKey(CATEGORY_WEIGHTS[lang]);
  const second = rng.weightedKey(CATEGORY_WEIGHTS[lang]);
  return first === second ? [first] : [first, second];
}

/** Days with an order: a seasonal Poisson process (thinning) between `from` and `to`. */
function poissonDays(rng: Rng, lang: Lang, from: number, to: number, meanGap: number): number[] {
  const days = [from];
  for (let t = from; ; ) {
    t += rng.exp(meanGap / MAX_SEASON_FACTOR);
    if (t > to) break;
    if (rng.chance(seasonFactor(Math.floor(t), lang) / MAX_SEASON_FACTOR)) days.push(Math.floor(t));
  }
  return days;
}

const span = (rng: Rng, from: number, to: number, skew = 1) => from + Math.floor(rng.next() ** skew * Math.max(1, to - from));

/**
 * The days a customer of an archetype orders on within the three years before `today`, and the
 * day they became a customer. Established customers may date from before the three years, so
 * the first months of the data set already have a shop's worth of regulars.
 */
export function orderDays(rng: Rng, archetype: Archetype, lang: Lang, today: number): { startDay: number; days: number[]; lastActiveDay: number } {
  const first = today - 3 * 365;
  const early = first - 500;
  const plan = ((): { startDay: number; days: number[]; lastActiveDay: number } => {
    switch (archetype) {
      case 'loyal': {
        const start = span(rng, early, today - 60, 0.85);
        return { startDay: start, days: poissonDays(rng, lang, start, today, rng.between(28, 60)), lastActiveDay: today };
      }
      case 'big': {
        const start = span(rng, early, today - 90);
        return { startDay: start, days: poissonDays(rng, lang, start, today, rng.between(35, 75)), lastActiveDay: today };
      }
      case 'occasional': {
        const start = span(rng, early + 200, today - 30, 0.85);
        return { startDay: start, days: poissonDays(rng, lang, start, today, rng.between(90, 200)), lastActiveDay: today };
      }
      case 'fading': {
        const end = today - rng.int(90, 170);
        const start = span(rng, early, first + 300);
        return { startDay: start, days: poissonDays(rng, lang, start, end, rng.between(30, 60)), lastActiveDay: end };
      }
      case 'churned': {
        const end = today - rng.int(180, 540);
        const start = span(rng, early + 200, Math.max(first + 30, end - 120));
        return { startDay: start, days: poissonDays(rng, lang, start, end, rng.between(30, 90)), lastActiveDay: end };
      }
      case 'oneoff': {
        const day = span(rng, first, today - 20, 0.8);
        return { startDay: day, days: [day], lastActiveDay: day };
      }
      case 'new': {
        const start = today - rng.int(2, 90);
        return { startDay: start, days: poissonDays(rng, lang, start, today, 25).slice(0, 3), lastActiveDay: today };
      }
      case 'seasonal': {
        const start = span(rng, early + 200, today - 60);
        const days: number[] = [];
        const y0 = dateOfDay(start).getUTCFullYear();
        const y1 = dateOfDay(today).getUTCFullYear();
        for (let y = y0; y <= y1; y++) {
          for (const [f, p] of FESTIVALS[lang]) {
            if (!rng.chance(p)) continue;
            const day = festivalDay(f, y) - (f === 'double11' ? rng.int(0, 10) : rng.int(3, 20));
            if (day >= start && day <= today) days.push(day);
          }
          if (rng.chance(0.3)) {
            const day = span(rng, Math.max(start, festivalDay('double11', y) - 300), festivalDay('double11', y) - 20);
            if (day >= start && day <= today) days.push(day);
          }
        }
        days.sort((a, b) => a - b);
        return { startDay: start, days, lastActiveDay: today };
      }
    }
  })();
  const days = plan.days.filter((d) => d >= first);
  // Everyone in the data set bought at least once in the three years.
  if (!days.length) days.push(Math.max(first, Math.min(plan.lastActiveDay, first + rng.int(0, 60))));
  return { ...plan, days };
}

function pickProduct(rng: Rng, ctx: ShopContext, cat: CategoryKey): number {
  const entry = ctx.byCategory.get(cat)!;
  return rng.weighted(entry.ids, entry.weights);
}

export interface Buyer {
  index: number;
  lang: Lang;
  archetype: Archetype;
  favourites: CategoryKey[];
  corporate: boolean;
}

export function makeOrder(rng: Rng, ctx: ShopContext, buyer: Buyer, day: number, seq: number): GenOrder {
  const { lang, archetype } = buyer;
  const festival = festivalAhead(day, lang);
  const giftLean = archetype === 'seasonal' || archetype === 'big' ? 0.75 : 0.3;
  const nLines = rng.weighted([1, 2, 3, 4], [50, 28, 14, 8]);
  const firstCat: CategoryKey =
    festival && rng.chance(giftLean) ? 'GIFT' : rng.chance(0.7) ? rng.pick(buyer.favourites) : rng.weightedKey(CATEGORY_WEIGHTS[lang]);
  const picked: number[] = [pickProduct(rng, ctx, firstCat)];
  while (picked.length < nLines) {
    const companion = ctx.catalog[picked[0]].companion;
    const next = rng.chance(0.45) && !picked.includes(companion) ? companion : pickProduct(rng, ctx, rng.chance(0.5) ? rng.pick(buyer.favourites) : rng.pick(CATEGORY_KEYS));
    if (picked.includes(next)) break;
    picked.push(next);
  }
  const date = dateOfDay(day);
  // Singles' Day prices: 10% off in the first eleven days of November for Chinese customers.
  const discount = lang === 'zh' && date.getUTCMonth() === 10 && date.getUTCDate() <= 11 ? 0.9 : 1;
  const lines: GenLine[] = picked.map((id) => {
    const p = ctx.catalog[id];
    let quantity = rng.weighted([1, 2, 3], [70, 20, 10]);
    if (archetype === 'big') quantity = p.categoryKey === 'GIFT' && buyer.corporate ? rng.int(5, 30) : rng.int(1, 6);
    return { product: id, quantity, unitPriceCents: Math.round((p.priceCents * discount) / 100) * 100 };
  });
  const totalCents = lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  // Chinese customers order 9:00 to 23:00 Beijing time; others at any hour.
  const seconds = lang === 'zh' ? rng.int(3600, 15 * 3600) : rng.int(0, 86_399);
  let at = day * DAY_MS + seconds * 1000;
  if (at > ctx.anchor) at = ctx.anchor - rng.int(60, 6 * 3600) * 1000;
  const recent = ctx.anchorDay - day < 4;
  const status: OrderStatus = recent ? 'paid' : rng.weighted(['paid', 'refunded', 'cancelled'] as const, [96, 2.5, 1.5]);
  const channel = lang === 'zh' ? rng.weighted(['online', 'wechat', 'in_store', 'phone'], [60, 22, 12, 6]) : rng.weighted(['online', 'in_store', 'phone'], [82, 10, 8]);
  const orderNo = `S${ctx.seed}-${date.getUTCFullYear()}-${String(buyer.index + 1).padStart(5, '0')}-${String(seq + 1).padStart(2, '0')}`;
  return { orderNo, at, status, channel, lines, totalCents };
}
