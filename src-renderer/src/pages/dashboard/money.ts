// Money on chart axes and in takeaways: short ("¥1.2M", "¥120万"), in the shop currency, in the
// UI's language. Full amounts (tooltips, tables) use lib/format.ts's formatMoney.
import type { Language } from '../../i18n';

const compact = new Map<string, Intl.NumberFormat>();

export function formatCompactMoney(cents: number, lang: Language, currency: string): string {
  const key = `${lang}:${currency}`;
  let f = compact.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 });
    compact.set(key, f);
  }
  return f.format(cents / 100);
}

export function formatPercent(ratio: number, lang: Language, digits = 0): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}
