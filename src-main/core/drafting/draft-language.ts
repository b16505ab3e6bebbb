// Which of the two draft languages a record or a text is in: the language stored on a message or a
// customer when there is one, else customers/language.ts's guess; and, for the checks, how much of a
// draft is Chinese, weighing Han characters against Latin letters.
import type { DraftLanguage } from '../../shared/drafting';
import { guessLanguage } from '../customers/language';

/** 'zh' for any Chinese code (zh, zh-CN, zh-Hant...), 'en' for English ones, null for the rest. */
export function toDraftLanguage(code: string | null | undefined): DraftLanguage | null {
  const c = (code ?? '').trim().toLowerCase();
  if (c === 'zh' || c.startsWith('zh-') || c.startsWith('zh_')) return 'zh';
  if (c === 'en' || c.startsWith('en-') || c.startsWith('en_')) return 'en';
  return null;
}

/** A message's language: as stored, else guessed from what it says. */
export const messageLanguage = (stored: string | null | undefined, text: string): DraftLanguage => toDraftLanguage(stored) ?? guessLanguage(text);

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
/**
 * One Han character carries about as much as three Latin letters: an English word averages about
 * 4.7 letters, a Chinese word about 1.5 characters. Weighing them so keeps a Chinese reply that
 * names "Jasmine Tea Gift Box" Chinese, and an English one greeting "李娜" English.
 */
const LETTERS_PER_HAN = 3;
/** A reply at least this Chinese (by the weighing above) reads as Chinese; at most EN_MAX as English. */
export const ZH_MIN_SHARE = 0.5;
export const EN_MAX_SHARE = 0.2;

/** The weighted share of Chinese in a text, or null when it has no letters of either script. */
export function chineseShare(text: string): number | null {
  const han = text.match(HAN)?.length ?? 0;
  const latin = (text.match(LATIN)?.length ?? 0) / LETTERS_PER_HAN;
  return han + latin === 0 ? null : han / (han + latin);
}

/** What a draft reads as: 'zh', 'en', 'mixed' (neither clearly) or 'none' (no letters at all). */
export function detectLanguage(text: string): DraftLanguage | 'mixed' | 'none' {
  const share = chineseShare(text);
  if (share === null) return 'none';
  if (share >= ZH_MIN_SHARE) return 'zh';
  if (share <= EN_MAX_SHARE) return 'en';
  return 'mixed';
}
