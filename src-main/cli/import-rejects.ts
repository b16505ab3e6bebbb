// Every rejected row of an import run, read back from the run's rejected.csv (the job's result
// keeps only the first hundred): the original cells, then Line, Problem column, Problem code and
// Problem params (details.ts). Streamed, so a file with a million rejects is read in flat memory.
import { existsSync } from 'node:fs';
import { isProblem, problemText, type Problem } from '../shared/problems';
import { REJECT_COLUMNS } from '../core/import/details';
import { detailsFile } from '../core/import/details-files';
import { streamCsv } from '../core/import/read-csv';

export type RejectedRow = Problem & {
  /** The physical line the row starts on in the file (header = 1; a quoted line break counts), or its row in a sheet. */
  line: number;
  /** The header of the column to blame, or null when the whole row is. */
  column: string | null;
};

/** The problem columns of rejected.csv, found by name at the end of its header row. */
function problemColumns(header: string[]): { line: number; column: number; code: number; params: number } {
  const first = header.length - REJECT_COLUMNS.length;
  const at = (name: string) => {
    const i = REJECT_COLUMNS.indexOf(name);
    if (i < 0 || header[first + i] !== name) throw new Error(`rejected.csv has no "${name}" column where it belongs.`);
    return first + i;
  };
  return { line: at('Line'), column: at('Problem column'), code: at('Problem code'), params: at('Problem params') };
}

function parseParams(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export async function readRejects(dataDir: string, jobId: number): Promise<RejectedRow[]> {
  const file = detailsFile(dataDir, jobId, 'rejects');
  if (!existsSync(file)) return [];
  const rows: RejectedRow[] = [];
  let cols: ReturnType<typeof problemColumns> | null = null;
  await streamCsv(file, { encoding: 'utf-8', delimiter: ',', newline: '\r\n' }, (batch) => {
    for (const r of batch) {
      if (!cols) {
        cols = problemColumns(r.cells);
        continue;
      }
      const problem = { code: r.cells[cols.code], params: parseParams(r.cells[cols.params]) };
      // The file was written by this build's import a moment ago: anything else is a bug, said plainly.
      if (!isProblem(problem)) throw new Error(`rejected.csv line ${r.line} has no problem code this version knows ("${problem.code}").`);
      rows.push({ ...problem, line: Number(r.cells[cols.line]), column: r.cells[cols.column] || null });
    }
  });
  // In the order of the file, as the import page lists them (an order's earlier lines are
  // rejected only once a later line of it fails, so the file has them out of order).
  return rows.sort((a, b) => a.line - b.line);
}

/** A rejected row's problem in English, as the import page words it. */
export const rejectText = (r: RejectedRow): string => problemText('en', r);
