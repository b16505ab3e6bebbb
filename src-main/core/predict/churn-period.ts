// The churn period of a shop: twice the median of its repeat customers' usual gap between
// purchase days, in whole weeks, kept within CHURN_PERIOD_RANGE. Twice, because a customer a
// little late by their own rhythm has not left; the median, so a few yearly buyers do not set it.
import { CHURN_PERIOD_DAYS, CHURN_PERIOD_RANGE } from '../../shared/predictions';
import { usualGap } from './churn';
import type { CustomerAtCut } from './history';

export function churnPeriodDays(rows: readonly CustomerAtCut[]): number {
  const gaps = rows.filter((r) => r.x > 0).map((r) => usualGap(r.lastDay - r.firstDay, r.x)!);
  if (!gaps.length) return CHURN_PERIOD_DAYS;
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  const weeks = Math.ceil((2 * median) / 7);
  return Math.min(CHURN_PERIOD_RANGE.max, Math.max(CHURN_PERIOD_RANGE.min, weeks * 7));
}
