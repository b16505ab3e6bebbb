// A segment's name, colour and rule in words, all from the one definition of the grid
// (src-main/shared/segments.ts): the rule is put together from its R and FM ranges, so a change to
// SEGMENT_RULES changes what the page says without anyone rewording it.
import type { TFunction } from 'i18next';
import { NO_ORDERS, SEGMENT_RULES, segmentOfCell, type SegmentCode } from '../../../../src-main/shared/segments';

/** Mantine palette colour of each segment: greens for the best, warm for slipping, greys for gone. */
export const SEGMENT_COLORS: Record<SegmentCode, string> = {
  champions: 'teal',
  loyal: 'green',
  potential_loyalists: 'lime',
  new: 'cyan',
  promising: 'blue',
  need_attention: 'yellow',
  about_to_sleep: 'orange',
  at_risk: 'red',
  cant_lose: 'pink',
  hibernating: 'indigo',
  lost: 'gray',
  no_orders: 'gray',
};

const range = (lo: number, hi: number) => (lo === hi ? String(lo) : `${lo}–${hi}`);

type RangeKey = '5-5' | '4-5' | '4-4' | '3-3' | '2-2' | '1-2' | '1-1' | '3-5' | '3-4' | '2-3';

function phrase(t: TFunction, axis: 'recency' | 'fm', lo: number, hi: number): string {
  const key = `${lo}-${hi}` as RangeKey;
  const words = t(`segments.rule.${axis}.${key}` as 'segments.rule.recency.5-5', { defaultValue: '' });
  return words || t(`segments.rule.${axis}.other`, { lo, hi });
}

/** "Bought recently (R 4–5) and buy often, spend a lot (FM 4–5)". */
export function ruleInWords(code: SegmentCode, t: TFunction): string {
  if (code === NO_ORDERS) return t('segments.rule.noOrders');
  const rule = SEGMENT_RULES[code];
  // Long gone but once valuable reads as a contrast: "not bought for a long time but bought often".
  const contrast = rule.r[1] <= 2 && rule.fm[0] >= 3;
  return t('segments.rule.sentence', {
    recency: phrase(t, 'recency', rule.r[0], rule.r[1]),
    rRange: range(rule.r[0], rule.r[1]),
    joiner: t(contrast ? 'segments.rule.but' : 'segments.rule.and'),
    fm: phrase(t, 'fm', rule.fm[0], rule.fm[1]),
    fmRange: range(rule.fm[0], rule.fm[1]),
  });
}

/** The name the owner gave the segment, or its standard one. */
export function segmentName(code: SegmentCode, t: TFunction, customName?: string | null): string {
  return customName?.trim() || t(`segments.names.${code}`);
}

/** The segment whose rectangle holds grid cell (r, fm): the core's own lookup. */
export const segmentAt = (r: number, fm: number): SegmentCode => segmentOfCell(r, fm);

/** Revenue to whole units, "¥2,971,095": a segment's total needs no cents. */
export function formatWholeMoney(cents: number, lang: 'en' | 'zh', currency: string): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    Math.round(cents / 100),
  );
}

/** "12%", or "3.8%" under a tenth: shares are 0..1. */
export function formatShare(share: number, lang: 'en' | 'zh'): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}
