// Days, festivals and the shop's seasonality. Dates are whole UTC days counted from the epoch,
// all relative to the job's anchor, so a resumed job lays out exactly the same calendar.

export const DAY_MS = 86_400_000;

export type Lang = 'zh' | 'en';

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function dateOfDay(day: number): Date {
  return new Date(day * DAY_MS);
}

function dayOfDate(year: number, month: number, date: number): number {
  return dayOf(Date.UTC(year, month - 1, date));
}

// Lunar festivals fall on different days each year; outside the table an average date is used.
const CHINESE_NEW_YEAR: Record<number, [number, number]> = {
  2018: [2, 16], 2019: [2, 5], 2020: [1, 25], 2021: [2, 12], 2022: [2, 1], 2023: [1, 22], 2024: [2, 10],
  2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26], 2029: [2, 13], 2030: [2, 3], 2031: [1, 23],
  2032: [2, 11], 2033: [1, 31], 2034: [2, 19], 2035: [2, 8],
};
const MID_AUTUMN: Record<number, [number, number]> = {
  2018: [9, 24], 2019: [9, 13], 2020: [10, 1], 2021: [9, 21], 2022: [9, 10], 2023: [9, 29], 2024: [9, 17],
  2025: [10, 6], 2026: [9, 25], 2027: [9, 15], 2028: [10, 3], 2029: [9, 22], 2030: [9, 12], 2031: [10, 1],
  2032: [9, 19], 2033: [9, 8], 2034: [9, 27], 2035: [9, 16],
};

export function chineseNewYear(year: number): number {
  const [m, d] = CHINESE_NEW_YEAR[year] ?? [2, 4];
  return dayOfDate(year, m, d);
}

export function midAutumn(year: number): number {
  const [m, d] = MID_AUTUMN[year] ?? [9, 20];
  return dayOfDate(year, m, d);
}

export type Festival = 'cny' | 'midAutumn' | 'double11' | 'christmas';

/** The festival's main day in a year (gift orders fall in the weeks before it). */
export function festivalDay(f: Festival, year: number): number {
  switch (f) {
    case 'cny':
      return chineseNewYear(year);
    case 'midAutumn':
      return midAutumn(year);
    case 'double11':
      return dayOfDate(year, 11, 11);
    case 'christmas':
      return dayOfDate(year, 12, 25);
  }
}

/** How busy the shop is on a day relative to an ordinary day, for a customer in `lang`. */
export function seasonFactor(day: number, lang: Lang): number {
  const date = dateOfDay(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const dom = date.getUTCDate();
  const toCny = chineseNewYear(year) - day;
  const toCnyNext = chineseNewYear(year + 1) - day;
  const toMoon = midAutumn(year) - day;
  let f = 1;
  if (lang === 'zh') {
    if (month === 11 && dom <= 11) f = 4;
    else if (month === 11 && dom <= 20) f = 1.3;
    else if (month === 6 && dom >= 10 && dom <= 18) f = 1.6;
    else if (month === 7 || month === 8) f = 0.85;
    if ((toCny >= 4 && toCny <= 24) || (toCnyNext >= 4 && toCnyNext <= 24)) f = 2.6;
    else if (toCny >= -6 && toCny <= 3) f = 0.4; // couriers stop over the holiday
    if (toMoon >= 2 && toMoon <= 16) f = 1.9;
  } else {
    if (month === 11 && dom >= 22) f = 1.8;
    else if (month === 11 && dom <= 11) f = 1.3;
    else if (month === 12 && dom <= 20) f = 2.6;
    else if (month === 12) f = 0.9;
    else if (month === 1) f = 0.75;
    else if (month === 7 || month === 8) f = 0.8;
    if ((toCny >= 3 && toCny <= 21) || (toCnyNext >= 3 && toCnyNext <= 21)) f = Math.max(f, 1.6);
    if (toMoon >= 2 && toMoon <= 14) f = Math.max(f, 1.4);
  }
  return f;
}

export const MAX_SEASON_FACTOR = 4;

/** The festival a day is the run-up to, if any (gift-box orders, campaign messages). */
export function festivalAhead(day: number, lang: Lang): Festival | null {
  const year = dateOfDay(day).getUTCFullYear();
  for (const f of (lang === 'zh' ? ['cny', 'midAutumn', 'double11'] : ['christmas', 'cny', 'midAutumn']) as Festival[]) {
    for (const y of [year, year + 1]) {
      const gap = festivalDay(f, y) - day;
      if (gap >= 0 && gap <= 25) return f;
    }
  }
  return null;
}

export function formatDate(ms: number, lang: Lang): string {
  const d = new Date(ms);
  if (lang === 'zh') return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
}
