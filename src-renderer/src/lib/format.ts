// Money, numbers and dates as a person reading in English or Chinese expects them.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Language } from '../i18n';

const locale = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en-US');
const dayjsLocale = (lang: Language) => (lang === 'zh' ? 'zh-cn' : 'en');

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(lang: Language, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${lang}:${currency}:${whole}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * Integer cents of `currency` to "¥1,234.50" / "€3,030.30". The currency is always named by the
 * caller: a total is in the shop currency (useMoney), an order in its own.
 */
export function formatMoney(cents: number, lang: Language, currency: string): string {
  return moneyFormat(lang, currency, false).format(cents / 100);
}

/** A converted amount, approximate by nature, to whole units: "≈ ¥23,636". */
export function formatApproxMoney(cents: number, lang: Language, currency: string): string {
  return `≈ ${moneyFormat(lang, currency, true).format(cents / 100)}`;
}

/** "Euro" / "欧元", for pickers and messages. */
export function currencyName(code: string, lang: Language): string {
  return new Intl.DisplayNames([locale(lang)], { type: 'currency' }).of(code) ?? code;
}

export function formatNumber(n: number, lang: Language, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** "Mar 5, 2024" / "2024年3月5日". */
export function formatDate(ms: number, lang: Language): string {
  return dayjs(ms).locale(dayjsLocale(lang)).format('ll');
}

/** "Mar 2024" / "2024年3月". */
export function formatMonth(ms: number, lang: Language): string {
  return dayjs(ms).locale(dayjsLocale(lang)).format(lang === 'zh' ? 'YYYY年M月' : 'MMM YYYY');
}

/** "Mar 5, 2024 2:30 PM" / "2024年3月5日 14:30". */
export function formatDateTime(ms: number, lang: Language): string {
  const d = dayjs(ms).locale(dayjsLocale(lang));
  // A date read without a time (an order file's "2024-03-01") is stored at midnight: showing
  // "12:00 AM" would invent a time nobody recorded.
  if (d.valueOf() === d.startOf('day').valueOf()) return d.format('ll');
  return d.format(lang === 'zh' ? 'll HH:mm' : 'lll');
}

/** "3 months ago" / "3 个月前". */
export function formatRelative(ms: number, lang: Language): string {
  return dayjs(ms).locale(dayjsLocale(lang)).fromNow();
}

/** "3 s", "2 min", "1 h 5 min" for a time left. */
export function formatDuration(seconds: number, t: TFunction): string {
  // A quick import took 0.4 s: "0 s" reads as if nothing happened.
  if (seconds < 1) return t('progress.underASecond');
  const s = Math.round(seconds);
  if (s < 60) return t('progress.seconds', { n: s });
  if (s < 3600) return t('progress.minutes', { n: Math.round(s / 60) });
  return t('progress.hoursMinutes', { h: Math.floor(s / 3600), m: Math.round((s % 3600) / 60) });
}

export function isOverdue(dueAt: number | null, now = Date.now()): boolean {
  return dueAt != null && dueAt < now;
}

/** A date input's "YYYY-MM-DD" to the end of that day, so "due today" is not yet overdue. */
export function dateInputToDueAt(value: string): number | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d.endOf('day').valueOf() : null;
}

/** "980 KB", "1.2 MB", "4.7 GB" (decimal units, as file managers and download pages show them). */
export function formatBytes(bytes: number, lang: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${formatNumber(Number(v.toFixed(digits)), lang, digits)} ${units[i]}`;
}
