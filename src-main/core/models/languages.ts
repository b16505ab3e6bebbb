// The languages a shop's customers write in, which decide the model recommended to it: the share
// of their recent messages in Chinese, English and anything else. A message counts in the language
// recorded on it, else in its customer's (every customer has one: chosen, or guessed from the
// name and first message, customers/language.ts). With no messages yet the customers' languages
// count; with no customers either, the language the interface is shown in.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { languageOfCodeSql } from '../customers/language';
import { languagesNeeded, type LanguageMix, type MixLanguage } from './catalog';

// BCP 47 tags by their primary language, as everywhere (customers/language.ts): 'zh-Hant' and
// 'zh_CN' are Chinese, 'en-GB' English, anything else 'other'.
const BUCKET = `coalesce(${languageOfCodeSql('lang')}, 'other')`;

// The latest messages say who writes to the shop now, and keep the count quick on a big shop: the
// unary + keeps SQLite off the direction indexes (which would sort every inbound message) and on
// interactions_time_idx, newest first, stopping at the limit.
const RECENT_MESSAGES = 5000;
const MESSAGES = `SELECT ${BUCKET} AS l, count(*) AS n
  FROM (SELECT coalesce(i.language, c.language) AS lang FROM interactions i JOIN customers c ON c.id = i.customer_id
        WHERE +i.direction = 'inbound' ORDER BY i.occurred_at DESC LIMIT ${RECENT_MESSAGES})
  GROUP BY l`;
const CUSTOMERS = `SELECT ${BUCKET} AS l, count(*) AS n FROM (SELECT language AS lang FROM customers) GROUP BY l`;

function mixOf(rows: { l: MixLanguage; n: number }[], basis: LanguageMix['basis']): LanguageMix | null {
  const count = rows.reduce((sum, r) => sum + r.n, 0);
  if (count === 0) return null;
  const share = (l: MixLanguage) => (rows.find((r) => r.l === l)?.n ?? 0) / count;
  return { zh: share('zh'), en: share('en'), other: share('other'), count, basis };
}

export interface CustomerLanguages extends LanguageMix {
  /** The languages with a real share, which the recommended model must write well. */
  needed: MixLanguage[];
}

export function customerLanguages(db: Db, interfaceLanguage: 'en' | 'zh'): CustomerLanguages {
  const counts = (query: string) => db.all<{ l: MixLanguage; n: number }>(sql.raw(query));
  const mix =
    mixOf(counts(MESSAGES), 'messages') ??
    mixOf(counts(CUSTOMERS), 'customers') ??
    ({ zh: interfaceLanguage === 'zh' ? 1 : 0, en: interfaceLanguage === 'en' ? 1 : 0, other: 0, count: 0, basis: 'interface' } as const);
  return { ...mix, needed: languagesNeeded(mix) };
}
