// The language a customer or a message is in, decided here only: the code stored on it when that
// is Chinese or English, else guessed from their name or what they wrote. Every path that creates
// a customer without a chosen language, the inbox, the drafts, the campaigns and the model
// recommendation's counts (as SQL) read it through this one mapping.
const HAN = /\p{Script=Han}/u;

export type WrittenLanguage = 'en' | 'zh';

/** 'zh' for text with Chinese characters, else 'en'. */
export const guessLanguage = (text: string | null | undefined) => (text && HAN.test(text) ? 'zh' : 'en');

/** The guess for a customer: a Chinese name, or Chinese in the first thing they wrote, means 'zh'. */
export function guessCustomerLanguage(name: string | null | undefined, wrote?: string | null): WrittenLanguage {
  return guessLanguage(name) === 'zh' || guessLanguage(wrote) === 'zh' ? 'zh' : 'en';
}

/**
 * A stored BCP 47 code by its primary language: 'zh' for any Chinese tag (zh, zh-CN, zh_CN,
 * zh-Hant), 'en' for any English one (en-GB), null for every other language or none.
 */
export function languageOfCode(code: string | null | undefined): WrittenLanguage | null {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' || primary === 'en' ? primary : null;
}

/** languageOfCode as an SQL expression over `column` (NULL for the rest), for counts. */
export const languageOfCodeSql = (column: string): string => {
  const c = `lower(trim(${column}))`;
  return `CASE WHEN ${c} = 'zh' OR ${c} GLOB 'zh[-_]*' THEN 'zh' WHEN ${c} = 'en' OR ${c} GLOB 'en[-_]*' THEN 'en' END`;
};

/**
 * What something is written in: its stored code when that is Chinese or English, else guessed
 * from `texts` (a message's subject and body, a customer's name); English when there is nothing.
 */
export function writtenLanguage(stored: string | null | undefined, ...texts: (string | null | undefined)[]): WrittenLanguage {
  return languageOfCode(stored) ?? guessLanguage(texts.filter(Boolean).join(' '));
}
