// An import run's rejected rows as a list to export: the file's own columns (so the rows can be
// fixed and imported again with the same mapping), then Line, Problem column, Problem code and
// Problem, worded in the language of the UI that asked for the download. Streamed from the run's
// rejected.csv with back-pressure through papaparse's stream mode.
import { createReadStream, existsSync } from 'node:fs';
import Papa from 'papaparse';
import { problemText } from '../../shared/problems';
import { notFound } from '../errors';
import { detailsFile, rejectLayout, rejectRow } from '../import/details-files';
import type { Column, ExportLanguage, Row } from './columns';
import { PAGE, type ListSource } from './list-source';

async function* csvRows(file: string): AsyncGenerator<string[]> {
  const rows = createReadStream(file, { encoding: 'utf8' }).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' }));
  for await (const row of rows as AsyncIterable<string[]>) yield row;
}

const REJECT_HEADERS: Column[] = [
  { header: { en: 'Line', zh: '行号' }, key: 'line', type: 'int', width: 6 },
  { header: { en: 'Problem column', zh: '问题列' }, key: 'column', type: 'text', width: 16 },
  { header: { en: 'Problem code', zh: '问题代码' }, key: 'code', type: 'text', width: 18 },
  { header: { en: 'Problem', zh: '问题' }, key: 'problem', type: 'text', width: 60 },
];

export async function rejectsSource(dataDir: string, jobId: number, lang: ExportLanguage): Promise<ListSource> {
  const file = detailsFile(dataDir, jobId, 'rejects');
  if (!existsSync(file)) throw notFound('Rejected rows of import job', jobId);
  let headers: string[] = [];
  let total = 0;
  let extra = 0;
  for await (const row of csvRows(file)) {
    if (!headers.length) headers = row.map((h) => h.replace(/^\ufeff/, ''));
    else {
      total++;
      extra = Math.max(extra, row.length - headers.length);
    }
  }
  const layout = rejectLayout(headers);
  const own = headers.slice(0, layout.width);
  // The file's headers are its own words, the same in any language.
  const columns: Column[] = [
    ...own.map((h, i): Column => ({ header: { en: h, zh: h }, key: `c${i}`, type: 'text', width: 16 })),
    ...REJECT_HEADERS,
    // A ragged row's cells beyond the header, under no header, as the file had them.
    ...Array.from({ length: extra }, (_, i): Column => ({ header: { en: '', zh: '' }, key: `x${i}`, type: 'text', width: 12 })),
  ];
  return {
    name: 'rejected rows',
    columns,
    total,
    async *pages() {
      let page: Row[] = [];
      let first = true;
      for await (const cells of csvRows(file)) {
        if (first) {
          first = false;
          continue;
        }
        const r = rejectRow(cells, layout);
        const out: Row = { line: r.line, column: r.column, code: r.problem?.code ?? '', problem: r.problem ? problemText(lang, r.problem, r.text) : r.text };
        r.cells.forEach((v, i) => (out[i < layout.width ? `c${i}` : `x${i - layout.width}`] = v));
        page.push(out);
        if (page.length >= PAGE) {
          yield page;
          page = [];
        }
      }
      if (page.length) yield page;
    },
  };
}
