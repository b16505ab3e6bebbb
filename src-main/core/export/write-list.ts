// Streams a list to a file: CSV (UTF-8 with a BOM, so Excel opens Chinese text correctly) or
// XLSX (exceljs's streaming writer: rows are committed as they come, the workbook is never held
// whole). Writes to NAME.part and renames at the end, so a cancelled or failed export never
// leaves a half file under the name the person chose.
import { createWriteStream, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { csvValue, NUM_FMT, xlsxValue, type ExportLanguage } from './columns';
import type { ListSource } from './list-source';
import { maskExportValue } from '../privacy/privacy-mode';

export interface WriteControl {
  signal?: AbortSignal;
  progress?: (done: number, total: number) => void;
  /** Privacy mode was on when the export started: names, emails, phones and texts go masked. */
  mask?: boolean;
}

export interface WriteResult {
  path: string;
  rows: number;
  bytes: number;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function writeCsv(list: ListSource, file: string, lang: ExportLanguage, ctl: WriteControl): Promise<number> {
  const out = createWriteStream(file);
  const closed = once(out, 'close');
  let rows = 0;
  try {
    await write(out, '\ufeff' + Papa.unparse([list.columns.map((c) => c.header[lang])], { newline: '\r\n' }) + '\r\n');
    for await (const page of list.pages()) {
      ctl.signal?.throwIfAborted();
      const text = Papa.unparse(
        page.map((r) => list.columns.map((c) => csvValue(c, ctl.mask ? maskExportValue(c.key, r[c.key], lang) : r[c.key]))),
        // A value starting with = or @ would run as a formula when Excel opens the file.
        { newline: '\r\n', escapeFormulae: /^[=@\t\r]/ },
      );
      await write(out, text + '\r\n');
      rows += page.length;
      ctl.progress?.(rows, list.total);
    }
  } finally {
    out.end();
    await closed;
  }
  return rows;
}

async function writeXlsx(list: ListSource, file: string, lang: ExportLanguage, ctl: WriteControl): Promise<number> {
  const { default: excel } = await import('exceljs');
  const book = new excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(list.name.slice(0, 31));
  sheet.columns = list.columns.map((c) => ({ header: c.header[lang], key: c.key, width: c.width ?? 14, style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {} }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  try {
    for await (const page of list.pages()) {
      ctl.signal?.throwIfAborted();
      for (const r of page) {
        const values: Record<string, unknown> = {};
        for (const c of list.columns) values[c.key] = xlsxValue(c, ctl.mask ? maskExportValue(c.key, r[c.key], lang) : r[c.key]);
        sheet.addRow(values).commit();
      }
      rows += page.length;
      ctl.progress?.(rows, list.total);
      // Let the zip stream drain to disk between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    sheet.commit();
    await book.commit();
  }
  return rows;
}

/** Writes `list` to `target`, its headers in `lang` (the language of the UI that asked for it). */
export async function writeList(list: ListSource, format: 'csv' | 'xlsx', target: string, ctl: WriteControl = {}, lang: ExportLanguage = 'en'): Promise<WriteResult> {
  const part = `${target}.part`;
  try {
    const rows = format === 'csv' ? await writeCsv(list, part, lang, ctl) : await writeXlsx(list, part, lang, ctl);
    ctl.signal?.throwIfAborted();
    renameSync(part, target);
    ctl.progress?.(rows, rows);
    return { path: target, rows, bytes: statSync(target).size };
  } catch (err) {
    rmSync(part, { force: true });
    throw err;
  }
}
