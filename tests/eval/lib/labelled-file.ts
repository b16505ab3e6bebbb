// Reads any labelled text file: CSV/TSV with a header (columns by name or 1-based number) or
// without one (VADER's id<TAB>rating<TAB>text). Labels may be 1/0, pos/neg, or a numeric human
// score; a score is positive above the middle of its scale (0 when the scale has negatives,
// else the middle of the observed range: 3 for 1-5 stars), and a text at the middle is neutral.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface LabelledRow {
  text: string;
  /** null: neutral (at the middle of a numeric scale), left out of binary measures. */
  positive: boolean | null;
  /** The human score where the file has one. */
  human: number | null;
}

export interface LabelledFile {
  rows: LabelledRow[];
  /** Whether labels are numeric scores (correlation is meaningful). */
  numeric: boolean;
  skipped: number;
}

const POS = new Set(['1', 'pos', 'positive', 'p', 'true', 'yes', '正面', '积极', '好评']);
const NEG = new Set(['0', 'neg', 'negative', 'n', 'false', 'no', '-1', '负面', '消极', '差评']);
const TEXT_NAMES = ['text', 'review', 'sentence', 'content', 'body', 'comment', 'message'];
const LABEL_NAMES = ['label', 'sentiment', 'score', 'rating', 'polarity', 'stars'];

export function readLabelledFile(file: string, textCol?: string, labelCol?: string): LabelledFile {
  const raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const first = raw.slice(0, raw.indexOf('\n') >>> 0 || raw.length);
  const tabbed = first.split('\t').length >= 3;
  let table: string[][];
  if (tabbed && !/[a-z]/i.test(first.split('\t')[1])) {
    // VADER's ground truth: no header; split on the first two tabs only (texts may hold tabs).
    table = [['id', 'score', 'text'], ...raw.split(/\r?\n/).filter(Boolean).map((l) => {
      const a = l.indexOf('\t');
      const b = l.indexOf('\t', a + 1);
      return [l.slice(0, a), l.slice(a + 1, b), l.slice(b + 1)];
    })];
  } else {
    table = Papa.parse<string[]>(raw, { skipEmptyLines: true, delimiter: tabbed ? '\t' : '' }).data;
  }
  const header = table[0].map((h) => h.trim().toLowerCase());
  const pick = (given: string | undefined, names: string[], fallback: number) => {
    if (given) {
      const n = Number(given);
      if (Number.isInteger(n) && n >= 1 && n <= header.length) return n - 1;
      const i = header.indexOf(given.trim().toLowerCase());
      if (i < 0) throw new Error(`No column "${given}" in ${file}; columns: ${header.join(', ')}`);
      return i;
    }
    const i = header.findIndex((h) => names.includes(h));
    return i >= 0 ? i : fallback;
  };
  const ti = pick(textCol, TEXT_NAMES, header.length - 1);
  const li = pick(labelCol, LABEL_NAMES, 0);
  const body = table.slice(1);
  const labels = body.map((r) => (r[li] ?? '').trim().toLowerCase());
  const numbers = labels.map(Number);
  const allBinary = labels.every((l) => POS.has(l) || NEG.has(l) || l === '');
  const numeric = !allBinary && numbers.filter(Number.isFinite).length >= labels.filter(Boolean).length * 0.95;
  const finite = numbers.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const middle = lo < 0 ? 0 : (lo + hi) / 2;
  const rows: LabelledRow[] = [];
  let skipped = 0;
  body.forEach((r, k) => {
    const text = (r[ti] ?? '').trim();
    const l = labels[k];
    if (!text || !l) return void skipped++;
    if (numeric) {
      const h = numbers[k];
      if (!Number.isFinite(h)) return void skipped++;
      rows.push({ text, human: h, positive: h === middle ? null : h > middle });
    } else if (POS.has(l) || NEG.has(l)) rows.push({ text, human: null, positive: POS.has(l) });
    else skipped++;
  });
  return { rows, numeric, skipped };
}
