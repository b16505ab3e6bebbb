// How much of a draft is Chinese, for the language check: Han characters weighed against Latin
// letters. Which language a message or a customer is in is customers/language.ts's one mapping.
import type { DraftLanguage } from '../../shared/drafting';

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
