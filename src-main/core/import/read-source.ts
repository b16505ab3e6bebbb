// One way in for every file: work out how to read it (format, encoding, delimiter, sheet, header
// row: detected, or as the person set them) and stream its data rows. Anything unreadable is one
// AppError with its code and one plain sentence; a file with no data rows (empty, blank, or a
// header alone) is refused here, at the first step, as file_empty.
import iconv from 'iconv-lite';
import { basename, extname } from 'node:path';
import { AppError } from '../errors';
import { cleanHeaders, detectDelimiter, detectNewline, findHeaderRow, numberedHeaders } from './detect-layout';
import { streamCsv, type StreamOptions } from './read-csv';
import { assertCompleteZip, streamXlsx } from './read-xlsx';
import type { SourceInput } from './schemas';
import { nothingToImport, sniffFile } from './sniff-file';
import type { SourceRow } from './source-row';

export interface SourceLayout {
  path: string;
  fileName: string;
  size: number;
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding: string | null;
  delimiter: string | null;
  newline: string | null;
  /** XLSX only. */
  sheet: string | null;
  sheets: string[];
  /** Line of the header row (1-based); 0 when the file starts with data. */
  headerLine: number;
  headers: string[];
}

export interface SourceInfo extends SourceLayout {
  /** The first data rows after the header, as text cells. */
  sampleRows: SourceRow[];
  /** About how many data rows the file has (from the sample's bytes per row), when it can be told. */
  estimatedRows: number | null;
}

/** Rows read beyond the sample, to find a header row below a title. */
const SAMPLE_ROWS = 40;

function decodeSample(sample: Buffer, encoding: string, complete: boolean): string {
  let text = iconv.decode(sample, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!complete) {
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (cut > 0) text = text.slice(0, cut);
  }
  return text;
}

/**
 * Finds the header row among the first `rows` of `file` (all of them when `whole`). A file whose
 * rows are all at or above its header has nothing to import: refused as file_empty.
 */
function withHeader(
  file: string,
  rows: SourceRow[],
  headerLine: number | undefined,
  where: { sheet?: string; whole: boolean },
): { headerLine: number; headers: string[]; data: SourceRow[] } {
  const inSheet = where.sheet === undefined ? '' : ` in the sheet "${where.sheet}"`;
  if (!rows.length) throw nothingToImport(file, `there are no rows${inSheet}.`, { reason: 'no_rows', sheet: where.sheet });
  const width = Math.max(...rows.map((r) => r.cells.length));
  /** Columns: the header's, or more when most data rows are wider (a header missing its last names). */
  const columnsUnder = (header: string[], data: SourceRow[]) => {
    const counts = new Map<number, number>();
    for (const r of data) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let mode = 0;
    for (const [w, n] of counts) if (n > (counts.get(mode) ?? 0)) mode = w;
    let last = header.length;
    while (last > 0 && !header[last - 1].trim()) last--;
    return Math.max(last, mode);
  };
  let index: number;
  if (headerLine === undefined) index = findHeaderRow(rows);
  else if (headerLine === 0) index = -1;
  else {
    index = rows.findIndex((r) => r.line === headerLine);
    if (index < 0) throw new AppError('invalid_input', `Line ${headerLine} is blank or beyond the first ${rows.length} rows, so it cannot be the header row.`, 'headerLine');
  }
  if (index < 0) return { headerLine: 0, headers: numberedHeaders(width), data: rows };
  const data = rows.slice(index + 1);
  if (!data.length && where.whole) {
    const line = rows[index].line;
    throw nothingToImport(file, `it has a header row (line ${line}${inSheet}) but no rows of data below it, so there is nothing to import.`, {
      reason: 'header_only',
      line,
      sheet: where.sheet,
    });
  }
  return { headerLine: rows[index].line, headers: cleanHeaders(rows[index].cells, columnsUnder(rows[index].cells, data)), data };
}

/** Detects how to read a file and returns the layout with its first data rows. */
export async function inspectSource(input: SourceInput, sampleSize = 20): Promise<SourceInfo> {
  const file = input.path;
  const sniffed = sniffFile(file);
  const fileName = basename(file);
  if (sniffed.format === 'xlsx') {
    assertCompleteZip(file, sniffed.size);
    const rows: SourceRow[] = [];
    const { sheet, sheets } = await streamXlsx(file, input.sheet, (batch) => rows.push(...batch), { maxRows: SAMPLE_ROWS + sampleSize });
    const h = withHeader(file, rows, input.headerLine, { sheet, whole: rows.length < SAMPLE_ROWS + sampleSize });
    return {
      path: file, fileName, size: sniffed.size, format: 'xlsx', encoding: null, delimiter: null, newline: null, sheet, sheets,
      headerLine: h.headerLine, headers: h.headers, sampleRows: h.data.slice(0, sampleSize), estimatedRows: null,
    };
  }
  if (input.sheet !== undefined) throw new AppError('invalid_input', `"${fileName}" is a text file; it has no sheets.`, 'sheet');
  const encoding = input.encoding ?? sniffed.encoding.encoding;
  const text = decodeSample(sniffed.sample, encoding, sniffed.complete);
  if (!text.trim()) throw nothingToImport(file, 'the file has no rows (it is blank).', { reason: 'blank' });
  const newline = detectNewline(text);
  // Excel's own hint on the first line: "sep=;".
  const hinted = /^sep=([,;\t|])\s*$/m.exec(text.slice(0, 10))?.[1];
  const delimiter = input.delimiter ?? hinted ?? detectDelimiter(text, newline, ['.tsv', '.tab'].includes(extname(file).toLowerCase()));
  const rows: SourceRow[] = [];
  const lines = await streamCsv(file, { encoding, delimiter, newline }, (batch) => rows.push(...batch), { maxRows: SAMPLE_ROWS + sampleSize });
  const h = withHeader(file, rows, input.headerLine, { whole: rows.length < SAMPLE_ROWS + sampleSize });
  let estimatedRows: number | null = null;
  if (sniffed.complete && rows.length < SAMPLE_ROWS + sampleSize) estimatedRows = h.data.length;
  else if (lines > 0) estimatedRows = Math.round((sniffed.size / Math.max(1, sniffed.sample.length)) * Math.max(1, text.split(newline).length) - h.headerLine);
  return {
    path: file, fileName, size: sniffed.size, format: 'csv', encoding, delimiter, newline, sheet: null, sheets: [],
    headerLine: h.headerLine, headers: h.headers, sampleRows: h.data.slice(0, sampleSize), estimatedRows,
  };
}

/**
 * Streams the data rows (after the header row) of a file read the way `layout` says, calling
 * `onRows` synchronously with each batch. `onBytes` reports how far into the file the reader is.
 */
export async function streamSource(layout: SourceLayout, onRows: (rows: SourceRow[]) => void, opts: StreamOptions = {}): Promise<void> {
  const skip = layout.headerLine;
  const deliver = (batch: SourceRow[]) => {
    if (skip > 0 && batch.length && batch[0].line <= skip) batch = batch.filter((r) => r.line > skip);
    if (batch.length) onRows(batch);
  };
  if (layout.format === 'xlsx') {
    await streamXlsx(layout.path, layout.sheet ?? undefined, deliver, opts);
    return;
  }
  await streamCsv(layout.path, { encoding: layout.encoding!, delimiter: layout.delimiter!, newline: layout.newline! }, deliver, opts);
}
