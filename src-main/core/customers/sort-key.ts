// The key a customer's name sorts by, stored in customers.sort_key and indexed, so the list sorted
// by name stays an index walk. Chinese characters become pinyin, so 黄静 (huang jing), 黄雪 (huang
// xue), 黄颖 (huang ying) follow each other as a Chinese reader expects, and fall among the Latin
// names as in a phone's contacts: 黄颖 next to "Huang, Wei", before "Hughes". Surnames are read as
// surnames (单 shàn, 曾 zēng, 解 xiè, 仇 qiú, 区 ōu), which a character-by-character table gets wrong.
//
// pinyin-pro (MIT, maintained, the most used on npm): pure JavaScript, so no second native build
// for Electron as @napi-rs/pinyin would need; a surname mode and word-level polyphone data, which
// `pinyin` gets only through a native segmenter; about 6-8 µs a name (0.8 s for 100,000).
import { pinyin } from 'pinyin-pro';

/** Characters that pinyin-pro reads: the CJK blocks (a name without them skips the library). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** A syllable as pinyin-pro writes it with toneType 'num': letters then the tone, 0 for neutral. */
const SYLLABLE = /^([a-zü]+)([0-5])$/;
/** Separates the key's levels; below every character a name can hold, so a shorter name sorts first. */
const LEVEL = '\u0001';

/**
 * The sort key of a customer name: three levels, compared in order as plain (binary) text.
 * 1. letters: pinyin syllables and Latin letters with accents folded, lower-case, words spaced
 *    ("黄颖" and "Huang Ying" both "huang ying"; ü as v, so lü sorts after lu as in dictionaries);
 * 2. tones, so 黄静 (jìng) and 黄敬 (jìng) tie here but 汤 (tāng) comes before 唐 (táng);
 * 3. the name itself, so different names never tie and the order is the same on every machine.
 */
export function customerSortKey(name: string): string {
  const trimmed = name.trim();
  let letters = '';
  let tones = '';
  if (HAN.test(trimmed)) {
    for (const part of pinyin(trimmed, { type: 'array', toneType: 'num', surname: 'head' })) {
      const syllable = SYLLABLE.exec(part);
      if (syllable) {
        letters += ` ${syllable[1].replace(/ü/g, 'v')} `;
        tones += syllable[2];
      } else letters += part;
    }
  } else letters = trimmed;
  return `${fold(letters) || trimmed.toLowerCase()}${LEVEL}${tones}${LEVEL}${trimmed}`;
}

/** Lower-case, accents off, punctuation out, single spaces: "  O’Brien-Émile " → "obrien emile". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, (ch) => (ch === '-' || ch === '_' || ch === '·' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
}
