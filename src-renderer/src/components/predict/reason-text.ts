// A churn reason (codes and numbers from the core) in the UI's language, e.g. "usually orders
// every 3 weeks; nothing for 11 weeks" / "通常每3周下单一次；已11周没有下单".
import type { TFunction } from 'i18next';
import type { ChurnReason } from '../../../../src-main/shared/predictions';

/** Days as the coarsest unit that still reads exactly enough: days under 2 weeks, weeks under 10, then months. */
export function spanText(days: number, t: TFunction): string {
  if (days < 14) return t('predict.span.days', { count: Math.max(0, Math.round(days)) });
  if (days < 70) return t('predict.span.weeks', { count: Math.round(days / 7) });
  return t('predict.span.months', { count: Math.round(days / 30.44) });
}

export function reasonText(r: ChurnReason, t: TFunction): string {
  switch (r.code) {
    case 'gap':
      return t('predict.reasons.gap', { every: spanText(r.everyDays, t), since: spanText(r.sinceDays, t) });
    case 'one_order':
      return t('predict.reasons.one_order', { since: spanText(r.sinceDays, t) });
    case 'spend_falling':
      return t('predict.reasons.spend_falling', { pct: r.pct });
    case 'complaints':
      return t('predict.reasons.complaints', { count: r.count });
    case 'negative_feeling':
      return t('predict.reasons.negative_feeling');
    case 'quiet':
      return t('predict.reasons.quiet', { since: spanText(r.sinceDays, t) });
    case 'likely_gone':
      return t('predict.reasons.likely_gone', { pct: Math.round(r.pAlive * 100) });
  }
}

/** All of a customer's reasons as one line. */
export const reasonsLine = (reasons: readonly ChurnReason[], t: TFunction): string => reasons.map((r) => reasonText(r, t)).join(t('predict.reasonsJoin'));
