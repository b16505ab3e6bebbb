// FTS5's unicode61 tokenizer treats a whole run of Chinese characters as one token, so "退货"
// inside "我要退货" is never found; the trigram tokenizer cannot serve 1–2 character queries.
// Our answer: index every CJK character as its own token, and turn a CJK query into a phrase
// of single characters. FTS5 phrase matching (adjacent positions) then finds any substring of
// a CJK run through the index, for queries of any length, with English words untouched.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const CJK_ONE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_OR_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;

/** Text as it goes into an FTS column: CJK characters separated so each is one token. */
export function ftsText(value: string | null | undefined): string {
  if (!value) return '';
  return value.replace(CJK, ' $& ');
}

/**
 * A phone number as its runs of three digits, in order ("13800" → "138 380 800"). A digit query
 * is then the phrase of its own runs (see buildMatchQuery), which is exactly "appears anywhere in
 * the number", served by the index. Every suffix of the number as a token would do the same, but
 * each customer would bring ten terms of their own into the index; runs of three digits are at
 * most a thousand terms in all, so indexing them costs a third as much.
 */
export function phoneTrigrams(phoneDigits: string | null | undefined): string {
  if (!phoneDigits) return '';
  return trigrams(phoneDigits.replace(/\D/g, '')).join(' ');
}

function trigrams(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= digits.length; i++) out.push(digits.slice(i, i + 3));
  return out;
}

function suffixes(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= digits.length; i++) out.push(digits.slice(i));
  return out;
}

/** Suffixes of the long numbers (order, tracking, invoice numbers: 6+ digits) in a text. */
export function digitSuffixes(text: string | null | undefined): string {
  if (!text) return '';
  return (text.match(/\d{6,}/g) ?? []).flatMap(suffixes).join(' ');
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Turns what a person typed into an FTS5 MATCH expression, or null when nothing searchable is
 * left. Every term must match (AND). The last Latin token of a term is a prefix, so typing
 * "zha" or "john.sm" finds as you type; CJK terms match as exact runs of characters.
 */
export function buildMatchQuery(input: string, opts: { phoneColumn?: string } = {}): string | null {
  // A digit query is any token that starts with the digits, in any column: that covers columns
  // of number suffixes (digitSuffixes) and phone rows indexed as suffixes by earlier versions;
  // in `phoneColumn`, indexed by phoneTrigrams, it is the phrase of the query's own runs.
  const digitsTerm = (digits: string) =>
    opts.phoneColumn ? `(${opts.phoneColumn} : ${quote(trigrams(digits).join(' '))} OR ${quote(digits)}*)` : `${quote(digits)}*`;
  // "+86 138 0013" is one number typed with spaces, not three words: each piece alone would
  // match tens of thousands of suffixes.
  const wholeNumber = input.replace(/[\s\-+().]/g, '');
  if (/^\d{3,}$/.test(wholeNumber)) return digitsTerm(wholeNumber);
  const parts: string[] = [];
  for (const term of input.trim().split(/\s+/)) {
    if (!term) continue;
    const digits = term.replace(/[-+().]/g, '');
    if (/^\d{3,}$/.test(digits)) {
      parts.push(digitsTerm(digits));
      continue;
    }
    const tokens = term.match(WORD_OR_CJK);
    if (!tokens) continue;
    const last = tokens[tokens.length - 1];
    const prefix = CJK_ONE.test(last) ? '' : '*';
    parts.push(quote(tokens.join(' ')) + prefix);
  }
  return parts.length ? parts.join(' AND ') : null;
}
