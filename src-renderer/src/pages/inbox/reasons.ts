// Why a message sits where it does, in words ("Negative, about delivery · Can’t lose them ·
// waiting 2 days" / "负面，关于物流 · 重点挽回 · 已等待2天"), worded from the core's reason codes
// (UrgencyReason, src-main/shared/inbox.ts) with the sentiment, aspect and segment names the rest of
// the app uses; and waits in words, long for sentences and short for the list's time column, and
// how long an answered message waited (the reply panel, the customer's timeline).
import type { TFunction } from 'i18next';
import type { InboxItem, UrgencyReason } from '../../../../src-main/shared/inbox';
import type { Language } from '../../i18n';
import { formatDuration, formatMoney } from '../../lib/format';

const HOUR_MS = 3_600_000;

/** Hours the message has waited: the core's figure where it gave one, else from its time. */
export function waitedHours(item: Pick<InboxItem, 'at' | 'reasons'>, now = Date.now()): number {
  const r = item.reasons.find((x) => x.code === 'waiting');
  if (r && r.code === 'waiting') return r.hours;
  return Math.max(0, (now - item.at) / HOUR_MS);
}

type Unit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

/**
 * A wait in the largest unit that reads naturally: minutes, hours, days (a week is "1 week"),
 * weeks from two, months from nine weeks, years from two (months of 30.44 days, the mean).
 */
function waitUnit(hours: number): [Unit, number] {
  if (hours < 1) return ['minutes', Math.max(1, Math.round(hours * 60))];
  if (hours < 24) return ['hours', Math.floor(hours)];
  const days = Math.floor(hours / 24);
  if (days === 7) return ['weeks', 1];
  if (days < 14) return ['days', days];
  if (days < 63) return ['weeks', Math.floor(days / 7)];
  const months = Math.floor(days / 30.44);
  return months < 24 ? ['months', months] : ['years', Math.floor(months / 12)];
}

/** "45 minutes", "5 hours", "2 days", "1 week", "3 months". */
export function waitText(hours: number, t: TFunction): string {
  const [unit, count] = waitUnit(hours);
  return t(`inbox.duration.${unit}`, { count });
}

/** "45 min", "5 h", "2 d", "3 wk", "4 mo". */
export function waitShort(hours: number, t: TFunction): string {
  const [unit, n] = waitUnit(hours);
  return t(`inbox.duration.short.${unit}`, { n });
}

/** How long a message waited for its answer (reply or marked handled): "Answered in 3 hours" / "3小时后回复". */
export function answeredText(at: number, handledAt: number, t: TFunction): string {
  return t('inbox.answeredIn', { time: waitText(Math.max(0, handledAt - at) / HOUR_MS, t) });
}

/** The median response time: "2 h 5 min" under a day (formatDuration), "3 d 4 h" beyond. */
export function responseTimeText(ms: number, t: TFunction): string {
  const hours = ms / HOUR_MS;
  if (hours < 24) return formatDuration(ms / 1000, t);
  return t('inbox.duration.daysHours', { d: Math.floor(hours / 24), h: Math.round(hours % 24) });
}

const locale = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en-US');

const listFormats = new Map<Language, Intl.ListFormat>();
function joinWords(words: string[], lang: Language): string {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(locale(lang), { type: 'conjunction' });
    listFormats.set(lang, f);
  }
  return f.format(words);
}

/** "72%" / "72%", as the locale writes a percent. */
const percentFormats = new Map<Language, Intl.NumberFormat>();
function percent(share: number, lang: Language): string {
  let f = percentFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(lang, f);
  }
  return f.format(share);
}

function reasonText(r: UrgencyReason, t: TFunction, lang: Language, currency: string): string {
  switch (r.code) {
    case 'feeling': {
      const label = t(`sentiment.labels.${r.label}`);
      if (r.aspects.length === 0) return label;
      // Aspect names are capitalised as chips ("Delivery"); mid-sentence English reads them lower-case.
      const names = r.aspects.map((a) => (lang === 'en' ? t(`sentiment.aspects.${a}`).toLowerCase() : t(`sentiment.aspects.${a}`)));
      return t('inbox.reasons.feeling', { label, aspects: joinWords(names, lang) });
    }
    case 'open_complaint':
      return t('inbox.reasons.openComplaint');
    case 'segment':
      return t(`segments.names.${r.segment}`);
    case 'churn_risk':
      return t('inbox.reasons.churnRisk', { pct: percent(r.risk, lang) });
    case 'high_value':
      return t('inbox.reasons.highValue', { clv: formatMoney(r.clvCents, lang, currency).replace(/\.00$/, '') });
    case 'waiting':
      return t('inbox.reasons.waiting', { time: waitText(r.hours, t) });
  }
}

/** The reasons in the order the core gave them (strongest first), each in words. */
export function reasonsText(reasons: readonly UrgencyReason[], t: TFunction, lang: Language, currency: string): string {
  return reasons.map((r) => reasonText(r, t, lang, currency)).join(t('inbox.reasons.separator'));
}
