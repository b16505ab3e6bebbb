// Streams one sheet of an XLSX workbook with exceljs's streaming reader (rows are parsed as the
// zip is read; the workbook is never loaded whole) and hands rows on as text cells with their
// sheet row number. Dates come out as "YYYY-MM-DD HH:mm:ss" wall-clock text, so the same date
// parser serves CSV and XLSX.
import type ExcelJS from 'exceljs';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { AppError } from '../errors';
import type { StreamOptions } from './read-csv';
import { unreadable } from './sniff-file';
import type { SourceRow } from './source-row';

const BATCH = 500;
const pad = (n: number) => String(n).padStart(2, '0');

/** exceljs gives date cells as Dates whose UTC fields are the wall-clock time Excel shows. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('result' in o || 'formula' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

/**
 * A zip ends with its central directory; a workbook cut short (an unfinished download or copy)
 * has none, and reading it row by row would silently stop early.
 */
export function assertCompleteZip(file: string, size: number): void {
  const tail = Math.min(size, 65_557);
  const buf = Buffer.alloc(tail);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, tail, size - tail);
  } finally {
    closeSync(fd);
  }
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) return;
  }
  throw unreadable(file, 'the workbook is incomplete or damaged (it may not have finished downloading or copying). Get a fresh copy and try again.');
}

export interface XlsxResult {
  sheet: string;
  sheets: string[];
  lines: number;
}

interface SheetModel {
  name: string;
  state?: string;
}

/**
 * Reads the sheet named `sheet` (or the first visible one) from the top, calling `onRows`
 * synchronously with batches of non-blank rows. Throws one clear AppError for a file that is not
 * a workbook, a damaged one, or a sheet that is not there.
 */
export async function streamXlsx(
  file: string,
  wanted: string | undefined,
  onRows: (rows: SourceRow[]) => void,
  opts: StreamOptions = {},
): Promise<XlsxResult> {
  // Loaded when a workbook is read: exceljs is large and a CSV import never needs it.
  const { default: excel } = await import('exceljs');
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheetsOf = () => (((reader as unknown as { model?: { sheets?: SheetModel[] } }).model?.sheets ?? []) as SheetModel[]);
  let seen = 0;
  let lastLine = 0;
  let found: string | null = null;
  let rowsError: unknown = null;
  const deliver = (batch: SourceRow[]) => {
    try {
      onRows(batch);
    } catch (err) {
      rowsError = err;
      throw err;
    }
  };
  try {
    for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string; state?: string }>) {
      opts.signal?.throwIfAborted();
      const isWanted = wanted !== undefined ? ws.name === wanted : ws.state !== 'hidden' && ws.state !== 'veryHidden';
      if (!isWanted) continue;
      found = ws.name;
      let batch: SourceRow[] = [];
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        let blank = true;
        for (let c = 1; c < values.length; c++) {
          const t = cellText(values[c]);
          cells.push(t);
          if (blank && t.trim() !== '') blank = false;
        }
        lastLine = row.number;
        if (blank) continue;
        batch.push({ line: row.number, cells });
        if (opts.maxRows !== undefined && ++seen >= opts.maxRows) break;
        if (batch.length >= BATCH) {
          opts.signal?.throwIfAborted();
          deliver(batch);
          batch = [];
          opts.onBytes?.(input.bytesRead);
        }
      }
      if (batch.length) deliver(batch);
      opts.onBytes?.(input.bytesRead);
      break;
    }
  } catch (err) {
    // Errors from our own onRows (database, validation) and cancels are not the file's fault.
    if (err === rowsError || err instanceof AppError || opts.signal?.aborted) throw err;
    throw unreadable(file, `the workbook is damaged or is not an Excel workbook (${(err as Error).message}).`);
  } finally {
    input.destroy();
  }
  const sheets = sheetsOf().map((s) => s.name);
  if (!found) {
    if (!sheets.length) throw unreadable(file, 'it is a zip archive but not an Excel workbook. Save the table as .xlsx or CSV and import that.');
    if (wanted !== undefined) {
      throw new AppError('file_unreadable', `The workbook has no sheet called "${wanted}". Its sheets are: ${sheets.join(', ')}.`, 'sheet');
    }
    throw unreadable(file, 'the workbook has no visible sheet.');
  }
  return { sheet: found, sheets, lines: lastLine };
}
