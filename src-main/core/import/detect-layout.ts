// The shape of a delimited text file, from a decoded sample: its line ending, its delimiter (the
// one that splits the rows into the same number of columns most consistently) and which row holds
// the headers (shop exports often put a title and a blank line above them).
import Papa from 'papaparse';
import type { SourceRow } from './source-row';
import { isKnownHeader } from './suggest-mapping';

export const DELIMITERS = [',', '\t', ';', '|'] as const;

export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  // Outside quotes would be more exact; the first line break is nearly always outside them.
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return text[r + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

function rowsWith(text: string, delimiter: string, newline: string): string[][] {
  const { data } = Papa.parse<string[]>(text, { delimiter, newline: newline as Papa.ParseConfig['newline'], preview: 60, skipEmptyLines: 'greedy' });
  return data;
}

/** The delimiter giving the most rows with the same number (2 or more) of columns. */
export function detectDelimiter(text: string, newline: string, preferTab = false): string {
  let best: { delimiter: string; consistency: number; columns: number } = { delimiter: preferTab ? '\t' : ',', consistency: 0, columns: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = rowsWith(text, delimiter, newline);
    if (!rows.length) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 0;
    let modeRows = 0;
    for (const [columns, n] of counts) if (n > modeRows || (n === modeRows && columns > mode)) [mode, modeRows] = [columns, n];
    if (mode < 2) continue;
    // Rows at least as wide as the mode count too: a ragged row with an extra value is still split right.
    const consistency = rows.filter((r) => r.length >= mode).length / rows.length + modeRows / rows.length;
    const better = consistency > best.consistency + 1e-9 || (Math.abs(consistency - best.consistency) < 1e-9 && mode > best.columns);
    if (better) best = { delimiter, consistency, columns: mode };
  }
  return best.delimiter;
}

const LOOKS_LIKE_DATA = /@|^\+?\d[\d\s\-/.:,]*$|^[¥$€£￥]|\d{4}[-/年]/;

/**
 * Index (into `rows`, the first non-blank rows) of the header row, or -1 when the file starts
 * with data. The header is the first row with two or more header names Patron knows; failing
 * that, the first row as wide as the data whose cells are all text rather than values.
 */
export function findHeaderRow(rows: SourceRow[]): number {
  const first = rows.slice(0, 20);
  if (!first.length) return -1;
  const filled = (r: SourceRow) => r.cells.filter((c) => c.trim() !== '');
  for (let i = 0; i < first.length; i++) {
    if (filled(first[i]).filter(isKnownHeader).length >= 2) return i;
  }
  const widths = first.map((r) => filled(r).length);
  const wide = Math.max(...widths);
  for (let i = 0; i < first.length; i++) {
    const cells = filled(first[i]);
    if (cells.length < Math.max(2, Math.ceil(wide * 0.6))) continue;
    if (cells.some((c) => LOOKS_LIKE_DATA.test(c.trim()))) return -1;
    return i;
  }
  return -1;
}

/** Headers for a file without a header row: "Column 1", "Column 2"... */
export function numberedHeaders(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
}

/** `width` header cells, cleaned: trimmed, line breaks flattened, empty ones named by position. */
export function cleanHeaders(cells: string[], width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < width; i++) {
    const h = (cells[i] ?? '').replace(/\s+/g, ' ').trim();
    out.push(h || `Column ${i + 1}`);
  }
  return out;
}
