// Splits a message into the tokens the rules walk over: English words the way VADER splits them
// (on white space, edge punctuation stripped unless that leaves an emoticon), Chinese runs cut by
// jieba, emoji and [stickers] as tokens of their own; each token knows its clause and sentence,
// so negation does not reach across a comma in Chinese and contrast stays inside its sentence.
import type { Jieba } from '@node-rs/jieba';
import { CONTRAST_EN } from './rules-en';
import { CONTRAST_ZH } from './rules-zh';

export const enum Lang {
  En = 0,
  Zh = 1,
  Emoji = 2,
}

export interface Tokens {
  /** Lower-cased form, for lookups. */
  lower: string[];
  /** As written (English capitals, the words shown to the person). */
  text: string[];
  lang: Lang[];
  clause: number[];
  sentence: number[];
  /** Whether some letters are capitals and some are not (VADER's is_cap_diff). */
  capDiff: boolean;
  /** The sentences that end in a question mark. */
  questions: Set<number>;
}

const PIECE = /(\p{Script=Han}+)|(\[[\p{Script=Han}]{1,4}\])|(\p{Extended_Pictographic}\uFE0F?)|([^\s\p{Script=Han}\p{Extended_Pictographic}\uFE0F[\]]+|[[\]])/gu;
const EDGE_PUNCT = /^[!-/:-@[-`{-~]+|[!-/:-@[-`{-~]+$/g;
const SENTENCE_END = /[.!?。！？…\n]/;
const CLAUSE_END = /[,;:，；：、~～]/;
const FULL_WIDTH = /[\uFF01-\uFF5E]/;
const LETTERS = /[A-Za-z]/;
const HTML_ESCAPES: Record<string, string> = { amp: '&', gt: '>', lt: '<', quot: '"', '#39': "'" };

export function tokenize(input: string, jieba: Jieba): Tokens {
  // Full-width Latin letters and punctuation (ＧＯＯＤ！) read as their ASCII forms.
  let text = FULL_WIDTH.test(input) ? input.normalize('NFKC') : input;
  // Text copied from the web keeps its HTML escapes ("&amp;", "&gt;:[").
  if (text.includes('&')) text = text.replace(/&(amp|gt|lt|quot|#39);/g, (_, e: string) => HTML_ESCAPES[e] ?? _);
  const t: Tokens = { lower: [], text: [], lang: [], clause: [], sentence: [], capDiff: false, questions: new Set() };
  let clause = 0;
  let sentence = 0;
  const push = (word: string, lang: Lang) => {
    const lower = lang === Lang.En ? word.toLowerCase() : word;
    // "but"/"但是" opens a clause of its own, so an aspect before it does not take what follows.
    if (t.lower.length > 0 && (lang === Lang.En ? CONTRAST_EN.has(lower) : CONTRAST_ZH.has(lower))) clause++;
    t.text.push(word);
    t.lower.push(lower);
    t.lang.push(lang);
    t.clause.push(clause);
    t.sentence.push(sentence);
  };
  const boundary = (punct: string) => {
    if (SENTENCE_END.test(punct)) {
      if (/[?？]/.test(punct)) t.questions.add(sentence);
      sentence++;
      clause++;
    } else if (CLAUSE_END.test(punct)) clause++;
  };
  for (const chunk of text.split(/(\s+)/)) {
    if (!chunk) continue;
    if (/^\s+$/.test(chunk)) {
      if (chunk.includes('\n')) boundary('\n');
      continue;
    }
    for (const m of chunk.matchAll(PIECE)) {
      if (m[1]) {
        for (const w of jieba.cut(m[1], false)) push(w, Lang.Zh);
      } else if (m[2] || m[3]) {
        push(m[2] ?? m[3], Lang.Emoji);
      } else {
        const piece = m[4];
        // @mentions and links name, they do not feel; they are not words here (only boundaries).
        if (piece.startsWith('@') || /^(https?:|www\.)/i.test(piece)) {
          boundary(piece.slice(-1));
          continue;
        }
        // VADER keeps punctuation on a short token, which is what keeps ":)" and ":D" whole;
        // a short word ("no.", "ok!") still loses its punctuation.
        const stripped = piece.replace(EDGE_PUNCT, '');
        const word = stripped.length > 2 || (stripped.length === 2 && /^[a-z]+$/i.test(stripped)) ? stripped : piece;
        if (word.length > 1 || LETTERS.test(word)) push(word, Lang.En);
        const tail = word === piece ? piece : piece.slice(piece.lastIndexOf(stripped) + stripped.length);
        if (tail) boundary(tail);
      }
    }
  }
  let caps = 0;
  for (let i = 0; i < t.text.length; i++) if (t.lang[i] === Lang.En && isAllCaps(t.text[i])) caps++;
  t.capDiff = caps > 0 && caps < t.text.length;
  return t;
}

export function isAllCaps(word: string): boolean {
  return /[A-Z]/.test(word) && word === word.toUpperCase();
}
