// Pages through a run's rejected.csv or merges.csv for the UI (the files can hold millions of
// rows, so they are streamed, never loaded whole).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isProblem, type Problem } from '../../shared/problems';
import { MERGES_FILE, REJECT_COLUMNS, REJECTS_FILE } from './details';
import { runDir } from './import-job';
import { streamCsv } from './read-csv';

export interface DetailsPage {
  headers: string[];
  rows: string[][];
  /** Data rows in the file. */
  total: number;
  /** Absolute path of the file (null when the run wrote none: no rejects or merges). */
  file: string | null;
}

export function detailsFile(dataDir: string, jobId: number, which: 'rejects' | 'merges'): string {
  return join(runDir(dataDir, jobId), which === 'rejects' ? REJECTS_FILE : MERGES_FILE);
}

export async function readDetails(dataDir: string, jobId: number, which: 'rejects' | 'merges', offset: number, limit: number): Promise<DetailsPage> {
  const file = detailsFile(dataDir, jobId, which);
  if (!existsSync(file)) return { headers: [], rows: [], total: 0, file: null };
  let headers: string[] = [];
  const rows: string[][] = [];
  let total = 0;
  await streamCsv(file, { encoding: 'utf-8', delimiter: ',', newline: '\r\n' }, (batch) => {
    for (const r of batch) {
      if (r.line === 1) {
        headers = r.cells;
        continue;
      }
      if (total >= offset && rows.length < limit) rows.push(r.cells);
      total++;
    }
  });
  return { headers, rows, total, file };
}

/** A rejected row as the UI shows it: the file's own cells, where, and why (code and parameters). */
export interface RejectRow {
  line: number;
  /** The header of the column to blame; null when the whole row is. */
  column: string | null;
  /** Null only for a file written before problems were codes: then `text` holds its English words. */
  problem: Problem | null;
  text: string;
  cells: string[];
}

export interface RejectsPage {
  /** The file's own headers (the columns of `cells`). */
  headers: string[];
  rows: RejectRow[];
  total: number;
  file: string | null;
}

/** The problem of a row of rejected.csv, from its code and JSON parameters (null if unreadable). */
export function problemFrom(code: string, params: string): Problem | null {
  try {
    const p: unknown = { code, params: JSON.parse(params) };
    return isProblem(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * Splits a row of rejected.csv into the file's cells and the reject columns. Files written before
 * problems were codes end in Line, Problem column, Problem (English words): read those too.
 */
export function rejectLayout(headers: string[]): { width: number; coded: boolean } {
  const tail = headers.slice(-REJECT_COLUMNS.length);
  const coded = REJECT_COLUMNS.every((c, i) => tail[i] === c);
  return { width: headers.length - (coded ? REJECT_COLUMNS.length : 3), coded };
}

export function rejectRow(cells: string[], layout: { width: number; coded: boolean }): RejectRow {
  const at = layout.width;
  const own = cells.slice(0, at);
  // Cells of a ragged row beyond the header come after the reject columns.
  const extra = cells.slice(at + (layout.coded ? REJECT_COLUMNS.length : 3));
  const problem = layout.coded ? problemFrom(cells[at + 2] ?? '', cells[at + 3] ?? '') : null;
  return { line: Number(cells[at]), column: cells[at + 1] || null, problem, text: layout.coded ? '' : (cells[at + 2] ?? ''), cells: [...own, ...extra] };
}

export async function readRejects(dataDir: string, jobId: number, offset: number, limit: number): Promise<RejectsPage> {
  const page = await readDetails(dataDir, jobId, 'rejects', offset, limit);
  if (!page.headers.length) return { headers: [], rows: [], total: page.total, file: page.file };
  const layout = rejectLayout(page.headers);
  return { headers: page.headers.slice(0, layout.width), rows: page.rows.map((r) => rejectRow(r, layout)), total: page.total, file: page.file };
}
