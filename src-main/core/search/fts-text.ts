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
 * Every suffix (3+ digits) of a phone number's digits. A digit query then matches as a prefix
 * of some suffix, which is exactly "appears anywhere in the number", served by the index.
 */
export function phoneSuffixes(phoneDigits: string | null | undefined): string {
  if (!phoneDigits) return '';
  const digits = phoneDigits.replace(/\D/g, '');
  const out: string[] = [];
  for (let i = 0; i + 3 <= digits.length; i++) out.push(digits.slice(i));
  return out.join(' ');
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Turns what a person typed into an FTS5 MATCH expression, or null when nothing searchable is
 * left. Every term must match (AND). The last Latin token of a term is a prefix, so typing
 * "zha" or "john.sm" finds as you type; CJK terms match as exact runs of characters.
 */
export function buildMatchQuery(input: string, opts: { phoneColumn?: string } = {}): string | null {
  const parts: string[] = [];
  for (const term of input.trim().split(/\s+/)) {
    if (!term) continue;
    const digits = term.replace(/[-+().]/g, '');
    if (opts.phoneColumn && /^\d{3,}$/.test(digits)) {
      parts.push(`(${opts.phoneColumn} : ${quote(digits)}* OR ${quote(digits)}*)`);
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
