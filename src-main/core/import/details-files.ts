// Pages through a run's rejected.csv or merges.csv for the UI (the files can hold millions of
// rows, so they are streamed, never loaded whole).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MERGES_FILE, REJECTS_FILE } from './details';
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
