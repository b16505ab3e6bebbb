// An import run's rejected rows (rejected.csv: the original columns, then Line, Problem column,
// Problem) as a list to export, streamed with back-pressure through papaparse's stream mode.
import { createReadStream, existsSync } from 'node:fs';
import Papa from 'papaparse';
import { notFound } from '../errors';
import { detailsFile } from '../import/details-files';
import type { Column, Row } from './columns';
import { PAGE, type ListSource } from './list-source';

async function* csvRows(file: string): AsyncGenerator<string[]> {
  const rows = createReadStream(file, { encoding: 'utf8' }).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' }));
  for await (const row of rows as AsyncIterable<string[]>) yield row;
}

export async function rejectsSource(dataDir: string, jobId: number): Promise<ListSource> {
  const file = detailsFile(dataDir, jobId, 'rejects');
  if (!existsSync(file)) throw notFound('Rejected rows of import job', jobId);
  let headers: string[] = [];
  let total = 0;
  for await (const row of csvRows(file)) {
    if (!headers.length) headers = row.map((h) => h.replace(/^\ufeff/, ''));
    else total++;
  }
  const columns: Column[] = headers.map((header, i) => ({ header, key: String(i), type: 'text', width: 16 }));
  return {
    name: 'rejected rows',
    columns,
    total,
    async *pages() {
      let page: Row[] = [];
      let first = true;
      for await (const row of csvRows(file)) {
        if (first) {
          first = false;
          continue;
        }
        const r: Row = {};
        row.forEach((v, i) => (r[String(i)] = v));
        page.push(r);
        if (page.length >= PAGE) {
          yield page;
          page = [];
        }
      }
      if (page.length) yield page;
    },
  };
}
