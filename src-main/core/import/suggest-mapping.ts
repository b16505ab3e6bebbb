// Suggests which column feeds which field, from the header names (English and Chinese, in the
// spellings shop systems and people use) and, for columns with unfamiliar names, from what the
// values look like (emails, phone numbers, dates). Also guesses what kind of file it is.
import { IMPORT_KINDS, KINDS, type ImportKind } from './fields';

export type Mapping = Record<string, number>;

export interface Suggestion {
  mapping: Mapping;
  /** 0..1 per mapped field: 1 for an exact header name, less for a partial or content match. */
  confidence: Record<string, number>;
}

/** Case, width (全角), spaces, punctuation and a trailing unit in brackets do not matter. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const synonymIndex = new Map<ImportKind, { key: string; norm: string }[]>();
const allHeaderWords = new Set<string>();
for (const kind of IMPORT_KINDS) {
  const list: { key: string; norm: string }[] = [];
  for (const field of KINDS[kind].fields) {
    for (const s of field.synonyms) {
      const norm = normalizeHeader(s);
      if (!norm) continue;
      list.push({ key: field.key, norm });
      allHeaderWords.add(norm);
    }
  }
  synonymIndex.set(kind, list);
}

/** Is this cell a header name Patron knows (any kind)? Used to find the header row. */
export function isKnownHeader(cell: string): boolean {
  return allHeaderWords.has(normalizeHeader(cell));
}

const CJK = /\p{Script=Han}/u;

function headerScore(header: string, norm: string): number {
  if (!header) return 0;
  if (header === norm) return 1;
  const minLen = CJK.test(norm) ? 2 : 4;
  if (norm.length >= minLen && header.includes(norm)) return 0.55 + 0.35 * (norm.length / header.length);
  return 0;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s\-().]{7,20}$/;
const DATE = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})/;

type ContentKind = 'email' | 'phone' | 'date';

/** What most non-empty values of a column look like, if anything. */
function contentKind(values: string[]): ContentKind | null {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length < 2) return null;
  const share = (re: RegExp) => filled.filter((v) => re.test(v)).length / filled.length;
  if (share(EMAIL) >= 0.8) return 'email';
  if (share(DATE) >= 0.8) return 'date';
  // Amounts like 129900.00 are digits too; phone numbers do not end in cents.
  if (share(PHONE) >= 0.8 && filled.every((v) => v.replace(/\D/g, '').length >= 7 && !/\.\d{1,2}$/.test(v))) return 'phone';
  return null;
}

const CONTENT_FIELDS: Record<ContentKind, string[]> = {
  email: ['email', 'customer_email'],
  phone: ['phone', 'customer_phone'],
  date: ['ordered_at', 'occurred_at', 'created_at'],
};

/** The best mapping for one kind: each field at most once, each column at most once. */
export function suggestMapping(kind: ImportKind, headers: string[], sampleRows: string[][] = []): Suggestion {
  const synonyms = synonymIndex.get(kind)!;
  const keys = new Set(KINDS[kind].fields.map((f) => f.key));
  const candidates: { field: string; column: number; score: number }[] = [];
  headers.forEach((raw, column) => {
    const header = normalizeHeader(raw);
    const best = new Map<string, number>();
    for (const s of synonyms) {
      const score = headerScore(header, s.norm);
      if (score > (best.get(s.key) ?? 0)) best.set(s.key, score);
    }
    const byContent = contentKind(sampleRows.map((r) => r[column] ?? ''));
    // A column full of emails is not a name, whatever its header says.
    const fits = (field: string) => !byContent || CONTENT_FIELDS[byContent].includes(field);
    for (const [field, score] of best) candidates.push({ field, column, score: fits(field) ? score : score / 3 });
    if (byContent) {
      for (const field of CONTENT_FIELDS[byContent]) if (keys.has(field)) candidates.push({ field, column, score: 0.5 });
    }
  });
  // Highest score first; on a tie the leftmost column wins (the "main" date or amount).
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Mapping = {};
  const confidence: Record<string, number> = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (c.field in mapping || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    confidence[c.field] = Math.round(c.score * 100) / 100;
    usedColumns.add(c.column);
  }
  return { mapping, confidence };
}

/** Fields that say what a file is about (customer columns appear in every kind). */
const TELLING: Record<ImportKind, string[]> = {
  customers: ['company', 'city', 'country', 'tags', 'note', 'consent_email', 'consent_sms', 'consent_wechat'],
  orders: ['order_no', 'product_sku', 'product_name', 'quantity', 'unit_price', 'line_total', 'order_total', 'status'],
  interactions: ['channel', 'direction', 'subject', 'handled'],
  feedback: ['rating', 'nps', 'kind'],
};

export function suggestAll(headers: string[], sampleRows: string[][] = []): { kind: ImportKind; suggestions: Record<ImportKind, Suggestion> } {
  const suggestions = {} as Record<ImportKind, Suggestion>;
  let kind: ImportKind = 'customers';
  let bestScore = 0;
  for (const k of IMPORT_KINDS) {
    const s = suggestMapping(k, headers, sampleRows);
    suggestions[k] = s;
    let score = 0;
    for (const field of TELLING[k]) score += s.confidence[field] ?? 0;
    // A message or review file has a text column too; a customer list usually does not.
    if (k === 'interactions' && s.mapping.body !== undefined) score += 0.5;
    if (score > bestScore + 0.01) {
      bestScore = score;
      kind = k;
    }
  }
  return { kind, suggestions };
}
