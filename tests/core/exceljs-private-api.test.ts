// The XLSX reader (src-main/core/import/read-xlsx.ts) drives exceljs's streaming WorkbookReader
// through its private per-entry parsers (`_parseRels`, `_parseWorkbook`, `_parseSharedStrings`,
// `_parseStyles`, `_parseWorksheet`), in its own order, to avoid exceljs's racy front-to-back pass.
// Private methods can change in any release: this pins each one the way the reader uses it, on a
// real workbook, so an exceljs upgrade that removes or changes one fails here, naming it, rather
// than as a damaged-workbook message on a user's import.
import excel from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What read-xlsx.ts needs of the reader (its EntryParsers). */
interface EntryParsers {
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<{ number: number; values: unknown }> }>;
}

const METHODS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'] as const;

function missingMethods(reader: object): string[] {
  return METHODS.filter((m) => typeof Reflect.get(reader, m) !== 'function');
}

function isEntryParsers(reader: object): reader is EntryParsers {
  return missingMethods(reader).length === 0;
}

function asEntryParsers(reader: object): EntryParsers {
  if (!isEntryParsers(reader)) throw new Error(`exceljs's WorkbookReader no longer has ${missingMethods(reader).join(', ')}, which read-xlsx.ts calls`);
  return reader;
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'patron-exceljs-'));
  file = join(dir, 'book.xlsx');
  const wb = new excel.Workbook();
  const shown = wb.addWorksheet('Customers');
  shown.addRow(['name', 'joined']);
  shown.addRow(['王小明', new Date(Date.UTC(2024, 2, 5))]);
  shown.getCell('B2').numFmt = 'yyyy-mm-dd';
  const hidden = wb.addWorksheet('Notes');
  hidden.state = 'hidden';
  hidden.addRow(['secret']);
  // Shared strings, as Excel writes text cells: the reader must resolve them from the cache.
  await wb.xlsx.writeFile(file, { useSharedStrings: true, useStyles: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openBook() {
  const reader = new excel.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const zip = await unzipper.Open.file(file);
  const entry = (path: string): Readable => {
    const found = zip.files.find((f) => f.path === path);
    if (!found) throw new Error(`the test workbook has no ${path}`);
    return found.stream();
  };
  return { parsers: asEntryParsers(reader), entry };
}

describe("exceljs's private entry parsers, as read-xlsx.ts uses them", () => {
  it('all five exist as functions on WorkbookReader', () => {
    const reader = new excel.stream.xlsx.WorkbookReader(file, {});
    expect(missingMethods(reader), "exceljs's WorkbookReader lost methods that read-xlsx.ts calls").toEqual([]);
  });

  it('_parseRels fills workbookRels with each relationship (Id, Target)', async () => {
    const { parsers, entry } = await openBook();
    await parsers._parseRels(entry('xl/_rels/workbook.xml.rels'));
    expect(parsers.workbookRels, '_parseRels no longer fills workbookRels with { Id, Target }').toEqual(
      expect.arrayContaining([expect.objectContaining({ Id: expect.any(String), Target: expect.stringMatching(/worksheets\/sheet1\.xml$/) })]),
    );
  });

  it('_parseWorkbook fills model.sheets with each sheet (name, state, rId) in tab order', async () => {
    const { parsers, entry } = await openBook();
    await parsers._parseWorkbook(entry('xl/workbook.xml'));
    const sheets = parsers.model?.sheets?.map((s) => ({ name: s.name, state: s.state, rId: typeof s.rId }));
    expect(sheets, '_parseWorkbook no longer fills model.sheets with { name, state, rId }').toEqual([
      { name: 'Customers', state: 'visible', rId: 'string' },
      { name: 'Notes', state: 'hidden', rId: 'string' },
    ]);
  });

  it('_parseSharedStrings, _parseStyles and _parseWorksheet together give rows with text and dates', async () => {
    const { parsers, entry } = await openBook();
    await parsers._parseRels(entry('xl/_rels/workbook.xml.rels'));
    await parsers._parseWorkbook(entry('xl/workbook.xml'));
    const strings = parsers._parseSharedStrings(entry('xl/sharedStrings.xml'));
    expect(typeof strings[Symbol.asyncIterator], '_parseSharedStrings is no longer an async generator').toBe('function');
    for await (const _ of strings) void _;
    const styled = parsers._parseStyles(entry('xl/styles.xml'));
    expect(styled, '_parseStyles no longer returns a promise').toBeInstanceOf(Promise);
    await styled;

    const events = [...parsers._parseWorksheet(entry('xl/worksheets/sheet1.xml'), '1')];
    expect(
      events.map((e) => e.eventType),
      "_parseWorksheet(chunks, sheetNo) no longer yields one { eventType: 'worksheet', value } synchronously",
    ).toEqual(['worksheet']);
    const rows: { number: number; values: unknown }[] = [];
    for await (const row of events[0].value) rows.push({ number: row.number, values: row.values });
    // Text from the shared strings (not their indexes), the date as a Date (the styles were read).
    expect(rows, "_parseWorksheet's rows no longer carry number and values (text resolved, dates as Date)").toEqual([
      { number: 1, values: [undefined, 'name', 'joined'] },
      { number: 2, values: [undefined, '王小明', new Date(Date.UTC(2024, 2, 5))] },
    ]);
  });
});
