// Why the recommended model, in words: the languages the shop's customers write in (counted from
// their messages by the core, src-main/core/models/languages.ts) and what that asks of the model.
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import type { CatalogModel, ModelCatalog } from '../../lib/api-types';

const ORDER = ['zh', 'en', 'other'] as const;

export function recommendationReason(languages: ModelCatalog['languages'], recommended: Pick<CatalogModel, 'languages'> | undefined, t: TFunction, lang: Language): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const name = (l: (typeof ORDER)[number]) => t(`models.catalog.lang.${l}`);
  const needed = list.format(languages.needed.map(name));
  const present = ORDER.filter((l) => languages[l] > 0);
  // The shares only say something when the customers write in more than one language.
  const parts = present.map((l) => t('models.catalog.reason.share', { pct: percent.format(languages[l]), language: name(l) }));
  const shares = present.length > 1 ? t('models.catalog.reason.shares', { list: lang === 'zh' ? parts.join('，') : list.format(parts) }) : '';
  const why =
    languages.basis === 'interface'
      ? t('models.catalog.reason.interface', { languages: needed })
      : t(`models.catalog.reason.${languages.basis}`, { count: languages.count, languages: needed, shares });
  if (!recommended) return why;
  const goodInAll = languages.needed.every((l) => recommended.languages[l] === 'good');
  return `${why}${lang === 'zh' ? '' : ' '}${goodInAll ? t('models.catalog.reason.pick', { languages: needed }) : t('models.catalog.reason.closest')}`;
}
