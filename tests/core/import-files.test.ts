// Real files through the real import: every encoding and delimiter, title rows, quoted line
// breaks, blank and ragged rows, every date and amount form, XLSX sheets, and files that cannot
// be read at all (one clear message each).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { inspectFile } from '../../src-main/core/import/inspect';
import { previewImport } from '../../src-main/core/import/preview';
import { importRequest } from '../../src-main/core/import/schemas';
import { IMPORT_JOB_KIND } from '../../src-main/core/import/import-job';
import { importJob } from '../fixtures/import-files-run';
import {
  AMOUNT_FORMS,
  DATE_FORMS,
  PEOPLE,
  writeCustomerVariants,
  writeDatesAndAmounts,
  writeMessyCustomers,
  writeHeaderOnlyWorkbook,
  writeUnreadable,
  writeWorkbook,
  reorderWorkbook,
  type NastyFile,
} from '../fixtures/import-files';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
let files: string;
beforeAll(() => {
  env = tempCore({ noResume: true });
  files = join(env.dir, 'nasty');
  mkdirSync(files);
});
afterAll(() => env.cleanup());

const customersOf = () =>
  env.core.sqlite.prepare('SELECT name, email, phone_norm AS phoneNorm, city, source FROM customers ORDER BY id').all() as {
    name: string; email: string; phoneNorm: string; city: string; source: string;
  }[];

async function expectUnreadable(run: () => Promise<unknown>, code: string, message: RegExp) {
  const err = await run().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(message);
}

describe('encodings, delimiters and layouts', () => {
  let variants: NastyFile[];
  beforeAll(() => {
    variants = writeCustomerVariants(files);
  });

  it('detects how each file is written and maps its headers', async () => {
    for (const v of variants) {
      const info = await inspectFile(env.core.db, { path: v.file });
      expect({ name: v.name, encoding: info.encoding, delimiter: info.delimiter, headerLine: info.headerLine }).toEqual({
        name: v.name, encoding: v.encoding, delimiter: v.delimiter, headerLine: v.headerLine,
      });
      expect(info.suggestedKind).toBe('customers');
      expect(info.suggestions.customers.mapping).toEqual({ name: 0, phone: 1, email: 2, city: 3 });
      expect(info.sampleRows.map((r) => r.cells[0])).toEqual(PEOPLE.map((p) => p.name));
    }
  });

  it('imports the same five customers from every file, and re-importing any of them creates nothing new', async () => {
    for (const [i, v] of variants.entries()) {
      const { summary } = await importJob(env.core, { source: { path: v.file }, kind: 'customers', mapping: { name: 0, phone: 1, email: 2, city: 3 } });
      expect({ file: v.name, ...summary.customers, rejected: summary.rejected }).toEqual({
        file: v.name, created: i === 0 ? 5 : 0, updated: 0, unchanged: i === 0 ? 0 : 5, merged: 0, rejected: 0,
      });
    }
    expect(customersOf()).toEqual(PEOPLE.map((p) => ({ name: p.name, email: p.email, phoneNorm: p.phoneNorm, city: p.city, source: 'import' })));
  });
});

describe('quoted line breaks, blank, ragged and duplicate rows', () => {
  it('reports each row at the line it starts on, and imports the good ones', async () => {
    const { file, expected } = writeMessyCustomers(files);
    const info = await inspectFile(env.core.db, { path: file });
    const req = importRequest.parse({ source: { path: file }, kind: 'customers', mapping: info.suggestions.customers.mapping });
    expect(req.mapping).toEqual({ name: 0, email: 1, phone: 2, city: 3, note: 4 });
    const preview = await previewImport(env.core.sqlite, req);
    expect(preview.rows.map((r) => ({ line: r.line, status: r.status, ...(r.values ? { name: (r.values as { name: string }).name } : {}) }))).toEqual(expected);
    expect(preview.rejects).toEqual([
      expect.objectContaining({ line: 7, column: null, code: 'row_too_wide', params: { values: 6, columns: 5 } }),
    ]);
    expect(preview.counts.customers).toEqual({ created: 3, updated: 0, unchanged: 0, merged: 1 });

    const { summary } = await importJob(env.core, req);
    expect(summary.customers).toEqual({ created: 3, updated: 0, unchanged: 0, merged: 1 });
    const ann = env.core.sqlite.prepare(`SELECT c.name, n.body FROM customers c JOIN notes n ON n.customer_id = c.id WHERE c.email = 'ann@example.com'`).get();
    expect(ann).toEqual({ name: 'Ann Lee', body: 'Likes tea\r\nand cake' });
    expect(env.core.sqlite.prepare(`SELECT city FROM customers WHERE email = 'dan@example.com'`).pluck().get()).toBe('Shenzhen, Nanshan');
  });
});

describe('dates and amounts in the forms people use', () => {
  it('stores every date form as the same day and every amount form as 1299.00', async () => {
    const file = writeDatesAndAmounts(files);
    const info = await inspectFile(env.core.db, { path: file });
    expect(info.suggestedKind).toBe('orders');
    const { summary } = await importJob(env.core, { source: { path: file }, kind: 'orders', mapping: info.suggestions.orders.mapping, options: { dateOrder: 'DMY' } });
    expect(summary.rejected).toBe(0);
    expect(summary.orders.created).toBe(DATE_FORMS.length);
    expect(summary.orderItems.created).toBe(DATE_FORMS.length * AMOUNT_FORMS.length);
    const orders = env.core.sqlite.prepare(`SELECT order_no AS no, ordered_at AS at, total_cents AS total, currency FROM orders WHERE order_no LIKE 'D%' ORDER BY id`).all() as {
      no: string; at: number; total: number; currency: string;
    }[];
    orders.forEach((o, i) => {
      const [y, m, d, h, mi] = DATE_FORMS[i][1];
      expect({ no: o.no, at: o.at }).toEqual({ no: `D${i}`, at: new Date(y, m, d, h, mi).getTime() });
      expect(o.total).toBe(AMOUNT_FORMS.length * 129_900);
      expect(o.currency).toBe('CNY');
    });
    const prices = env.core.sqlite.prepare(`SELECT DISTINCT unit_price_cents FROM order_items`).pluck().all();
    expect(prices).toEqual([129_900]);
    // The buyers were created from their emails, with their spend brought up to date.
    expect(env.core.sqlite.prepare(`SELECT total_spent_cents, order_count FROM customers WHERE email = 'buyer0@example.com'`).get()).toEqual({
      total_spent_cents: AMOUNT_FORMS.length * 129_900, order_count: 1,
    });
  });
});

describe('XLSX workbooks', () => {
  let book: string;
  beforeAll(async () => {
    book = await writeWorkbook(files);
  });

  it('reads the first visible sheet, finds its header under a title, and turns cells into text', async () => {
    const info = await inspectFile(env.core.db, { path: book });
    expect(info).toMatchObject({ format: 'xlsx', sheet: '客户', sheets: ['Lookup', '客户', 'Orders'], headerLine: 3, headers: ['姓名', '手机', '邮箱', '注册时间', '消费'] });
    expect(info.sampleRows).toEqual([
      { line: 4, cells: ['王芳', '13800138000', 'wangfang@qq.com', '2024-01-05 14:30:00', '1299'] },
      { line: 5, cells: ['John Smith', '+1 415 555 0199', 'jsmith@example.org', '2023-12-31', '1299'] },
    ]);
    expect(info.suggestions.customers.mapping).toEqual({ name: 0, phone: 1, email: 2, created_at: 3 });
    const { summary } = await importJob(env.core, { source: { path: book }, kind: 'customers', mapping: info.suggestions.customers.mapping });
    expect(summary).toMatchObject({ sheet: '客户', rejected: 0 });
    const since = env.core.sqlite.prepare(`SELECT created_at FROM customers WHERE email = 'jsmith@example.org'`).pluck().get();
    expect(since).toBe(new Date(2023, 11, 31).getTime());
  });

  it('reads a sheet by name', async () => {
    const info = await inspectFile(env.core.db, { path: book, sheet: 'Orders' });
    expect(info.suggestedKind).toBe('orders');
    const { summary } = await importJob(env.core, { source: { path: book, sheet: 'Orders' }, kind: 'orders', mapping: info.suggestions.orders.mapping });
    expect(summary.orders.created).toBe(1);
    expect(env.core.sqlite.prepare(`SELECT quantity, unit_price_cents FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.order_no = 'X-1'`).get()).toEqual({
      quantity: 2, unit_price_cents: 9950,
    });
  });

  it('reads a workbook whose sheet names come last, after the sheets and their strings, every time', async () => {
    // exceljs's front-to-back reader parsed such sheets before their names were known, and failed.
    const reordered = await reorderWorkbook(book, files);
    for (let i = 0; i < 10; i++) {
      const first = await inspectFile(env.core.db, { path: reordered });
      expect(first).toMatchObject({ sheet: '客户', sheets: ['Lookup', '客户', 'Orders'], headers: ['姓名', '手机', '邮箱', '注册时间', '消费'] });
      const named = await inspectFile(env.core.db, { path: reordered, sheet: 'Orders' });
      expect(named.sampleRows).toEqual([{ line: 2, cells: ['X-1', '2024-01-05', 'wangfang@qq.com', 'Longjing', '2', '99.5'] }]);
    }
  });

  it('names the sheets when asked for one that is not there', async () => {
    const err = (await inspectFile(env.core.db, { path: book, sheet: 'Sheet1' }).catch((e) => e)) as AppError;
    expect(err.code).toBe('file_unreadable');
    expect(err.message).toBe('The workbook has no sheet called "Sheet1". Its sheets are: Lookup, 客户, Orders.');
  });
});

describe('files that cannot be read', () => {
  it('get one clear message each, from inspect and from the import job', async () => {
    const book = await writeWorkbook(join(files));
    for (const u of writeUnreadable(files, book, await writeHeaderOnlyWorkbook(files))) {
      await expectUnreadable(() => inspectFile(env.core.db, { path: u.file }), u.code, u.message);
      const id = env.core.jobs.start(IMPORT_JOB_KIND, { source: { path: u.file }, kind: 'customers', mapping: { name: 0 } });
      await env.core.jobs.idle();
      const job = env.core.jobs.get(id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatchObject({ code: u.code, message: expect.stringMatching(u.message) });
      expect(job.error!.message).toMatch(new RegExp(`^Patron cannot read "${u.name.replace('.', '\\.')}"`));
    }
  });

  it('a missing file is named', async () => {
    const err = (await inspectFile(env.core.db, { path: join(files, 'gone.csv') }).catch((e) => e)) as AppError;
    expect(err.code).toBe('not_found');
    expect(err.message).toMatch(/gone\.csv does not exist/);
  });
});
