// Streams one sheet of an XLSX workbook with exceljs's streaming parsers (rows are parsed as the
// sheet is unzipped; the workbook is never loaded whole) and hands rows on as text cells with their
// sheet row number. Dates come out as "YYYY-MM-DD HH:mm:ss" wall-clock text, so the same date
// parser serves CSV and XLSX.
import type ExcelJS from 'exceljs';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
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
  throw unreadable(file, 'the workbook is incomplete or damaged (it may not have finished downloading or copying). Get a fresh copy and try again.', 'damaged_workbook');
}

export interface XlsxResult {
  sheet: string;
  sheets: string[];
  lines: number;
}

interface SheetModel {
  name: string;
  state?: string;
  rId: string;
}

type Sheet = AsyncIterable<ExcelJS.Row> & { name: string; state?: string };

/** The parts of exceljs's streaming WorkbookReader (4.4.0, pinned) that read one zip entry each. */
interface EntryParsers {
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: Sheet }>;
}

interface ZipEntry {
  path: string;
  offsetToLocalFileHeader: number;
  compressedSize: number;
  uncompressedSize: number;
  stream(): Readable;
}

/**
 * A sheet's inflated data as it is parsed, reporting how far into the file that is (its share of
 * the entry's compressed bytes). Counted as the parser pulls each chunk: a 'data' listener would
 * set the stream flowing and inflate the whole sheet into memory ahead of the parser.
 */
async function* withProgress(stream: Readable, entry: ZipEntry, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let inflated = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    inflated += chunk.length;
    if (onBytes && entry.uncompressedSize > 0) onBytes(entry.offsetToLocalFileHeader + Math.round((entry.compressedSize * inflated) / entry.uncompressedSize));
    yield chunk;
  }
}

/**
 * The workbook's sheets that `isWanted` picks, in tab order, each read row by row as it is
 * iterated (the others are never opened). exceljs's own
 * streaming pass reads the zip front to back, and where workbook.xml comes after the sheets (as
 * exceljs and some other tools write it) it races: sheets are parked in temp files and sometimes
 * parsed before the sheet names are known ("Cannot read properties of undefined (reading
 * 'sheets')", exceljs issue #3064). Reading through the zip's central directory instead, the
 * names, shared strings and styles are read first, then only the sheets asked for.
 */
async function* sheetsOf(
  zip: ZipEntry[],
  parsers: EntryParsers,
  opened: Set<Readable>,
  isWanted: (sheet: SheetModel) => boolean,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Sheet> {
  const entries = new Map(zip.map((e) => [e.path, e]));
  const open = (entry: ZipEntry) => {
    const stream = entry.stream();
    opened.add(stream);
    return stream;
  };
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  const book = entries.get('xl/workbook.xml');
  if (!rels || !book) return;
  await parsers._parseRels(open(rels));
  await parsers._parseWorkbook(open(book));
  const strings = entries.get('xl/sharedStrings.xml');
  if (strings) for await (const _ of parsers._parseSharedStrings(open(strings))) void _;
  const styles = entries.get('xl/styles.xml');
  if (styles) await parsers._parseStyles(open(styles));
  const sheets = parsers.model?.sheets ?? [];
  for (let i = 0; i < sheets.length; i++) {
    if (!isWanted(sheets[i])) continue;
    // A relationship target is relative to xl/, or absolute from the zip's root.
    const target = parsers.workbookRels?.find((r) => r.Id === sheets[i].rId)?.Target ?? '';
    const entry = entries.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (!entry) continue;
    for (const { eventType, value } of parsers._parseWorksheet(withProgress(open(entry), entry, onBytes), String(i + 1))) {
      if (eventType !== 'worksheet') continue;
      value.name = sheets[i].name;
      value.state = sheets[i].state;
      yield value;
    }
  }
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
  // Loaded when a workbook is read: exceljs and unzipper take half a second to load, and a CSV
  // import never needs them.
  const [{ default: excel }, { default: unzipper }] = await Promise.all([import('exceljs'), import('unzipper')]);
  const parsers = new excel.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as EntryParsers;
  const opened = new Set<Readable>();
  let lastBytes = 0;
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
    const zip = (await unzipper.Open.file(file)).files as unknown as ZipEntry[];
    const isWanted = (sheet: SheetModel) => (wanted !== undefined ? sheet.name === wanted : sheet.state !== 'hidden' && sheet.state !== 'veryHidden');
    for await (const ws of sheetsOf(zip, parsers, opened, isWanted, (b) => (lastBytes = b))) {
      opts.signal?.throwIfAborted();
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
          opts.onBytes?.(lastBytes);
        }
      }
      if (batch.length) deliver(batch);
      opts.onBytes?.(lastBytes);
      break;
    }
  } catch (err) {
    // Errors from our own onRows (database, validation) and cancels are not the file's fault.
    if (err === rowsError || err instanceof AppError || opts.signal?.aborted) throw err;
    throw unreadable(file, `the workbook is damaged or is not an Excel workbook (${(err as Error).message}).`, 'damaged_workbook');
  } finally {
    // An entry left part-read (a preview, a cancel) still hears its source end early: that is
    // not an error anyone needs to see.
    for (const stream of opened) stream.on('error', () => {}).destroy();
  }
  const sheets = (parsers.model?.sheets ?? []).map((s) => s.name);
  if (!found) {
    if (!sheets.length) throw unreadable(file, 'it is a zip archive but not an Excel workbook. Save the table as .xlsx or CSV and import that.', 'not_a_workbook');
    if (wanted !== undefined) {
      throw new AppError('file_unreadable', `The workbook has no sheet called "${wanted}". Its sheets are: ${sheets.join(', ')}.`, 'sheet', {
        file: basename(file),
        reason: 'sheet_missing',
        sheet: wanted,
        sheets,
      });
    }
    throw unreadable(file, 'the workbook has no visible sheet.', 'no_visible_sheet');
  }
  return { sheet: found, sheets, lines: lastLine };
}
