// Exports: any list (customers with the list's filters, orders, order lines, messages, feedback,
// an import's rejected rows) to CSV (UTF-8 with BOM) and XLSX, streamed to a chosen path or into
// dataDir/exports for a browser download; exported order lines and customers import back.
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { EXPORT_JOB_KIND } from '../../src-main/core/export/export-job';
import { exportList, type ExportResult } from '../../src-main/core/export/export-list';
import { exportFilePath, readExportChunk } from '../../src-main/core/export/files';
import { exportInput, type ExportInputRaw } from '../../src-main/core/export/schemas';
import { inspectFile } from '../../src-main/core/import/inspect';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { writeOrderLines } from '../fixtures/import-files';
import { importJob } from '../fixtures/import-files-run';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
let core: Core;
beforeAll(async () => {
  env = tempCore({ noResume: true });
  core = env.core;
  const file = join(env.dir, 'customers.csv');
  writeFileSync(
    file,
    [
      '姓名,邮箱,手机,城市,标签,注册时间',
      '王芳,wangfang@qq.com,13800138000,上海,VIP,2023-05-01 09:30',
      '李雷,lilei@163.com,13900139000,北京,,2023-06-02',
      'Ann Lee,ann@example.com,+1 415 555 0100,上海,"VIP, wholesale",2022-01-15',
      '=HYPERLINK("x"),evil@example.com,,Paris,,2024-01-01',
    ].join('\n'),
  );
  await importJob(core, { source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1, phone: 2, city: 3, tags: 4, created_at: 5 } });
  const orders = join(env.dir, 'orders.csv');
  writeFileSync(
    orders,
    [
      'Order,Date,Email,SKU,Product,Qty,Price,Status',
      'A1,2024-03-01 10:00,wangfang@qq.com,T-1,龙井 250g,2,"¥1,299.00",paid',
      'A1,2024-03-01 10:00,wangfang@qq.com,T-2,Black tea,1,25.50,paid',
      'A2,2024-03-05 16:45,ann@example.com,T-1,龙井 250g,1,1299,refunded',
    ].join('\n'),
  );
  await importJob(core, { source: { path: orders }, kind: 'orders', mapping: { order_no: 0, ordered_at: 1, customer_email: 2, product_sku: 3, product_name: 4, quantity: 5, unit_price: 6, status: 7 } });
  const messages = join(env.dir, 'messages.csv');
  writeFileSync(messages, 'Date,Email,Channel,Direction,Message\n2024-03-02 08:00,wangfang@qq.com,微信,收,物流太慢了\n2024-03-02 08:10,wangfang@qq.com,微信,发,马上查\n');
  await importJob(core, { source: { path: messages }, kind: 'interactions', mapping: { occurred_at: 0, customer_email: 1, channel: 2, direction: 3, body: 4 } });
});
afterAll(() => env.cleanup());

const run = (input: ExportInputRaw) => exportList(core.sqlite, core.paths.dataDir, exportInput.parse(input));

function readCsv(path: string): { bom: boolean; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  return { bom: text.charCodeAt(0) === 0xfeff, rows: Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data };
}

async function readXlsx(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('customers', () => {
  it('exports the filtered, sorted list to CSV with a BOM, and to XLSX with real dates and numbers', async () => {
    const csv = await run({ list: { kind: 'customers', filter: { city: '上海', sort: 'name', dir: 'desc' } }, path: join(env.dir, 'shanghai.csv') });
    expect(csv).toMatchObject({ rows: 2, format: 'csv', fileName: 'shanghai.csv' });
    const { bom, rows } = readCsv(csv.path);
    expect(bom).toBe(true);
    expect(rows[0].slice(0, 8)).toEqual(['Name', 'Email', 'Phone', 'Company', 'City', 'Country', 'Language', 'Tags']);
    // Total spent, the shop currency it is in, orders left out for want of a rate, orders.
    expect(rows.slice(1).map((r) => [r[0], r[4], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      ['王芳', '上海', 'VIP', '2623.50', 'CNY', '0', '1'],
      ['Ann Lee', '上海', 'VIP, wholesale', '0.00', 'CNY', '0', '0'],
    ]);
    expect(rows[1][17]).toBe('2023-05-01 09:30:00');

    const xlsx = await run({ list: { kind: 'customers', filter: { search: '王芳' } }, format: 'xlsx', path: join(env.dir, 'wang.xlsx') });
    expect(xlsx.rows).toBe(1);
    const [header, row] = await readXlsx(xlsx.path);
    expect(header[0]).toBe('Name');
    expect(row[0]).toBe('王芳');
    expect(row[8]).toBe(2623.5);
    expect(row[17]).toEqual(new Date(Date.UTC(2023, 4, 1, 9, 30)));
  });

  it('exports a selection in its order, and neutralises formulas', async () => {
    const ids = core.sqlite.prepare('SELECT id FROM customers ORDER BY id DESC').pluck().all() as number[];
    const res = await run({ list: { kind: 'customers', ids } });
    const { rows } = readCsv(res.path);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['evil@example.com', 'ann@example.com', 'lilei@163.com', 'wangfang@qq.com']);
    expect(rows[1][0]).toBe(`'=HYPERLINK("x")`);
    expect(res.path.startsWith(join(core.paths.dataDir, 'exports'))).toBe(true);
  });

  it('an exported customer list imports back as it was', async () => {
    const res = await run({ list: { kind: 'customers', filter: {} }, path: join(env.dir, 'all.csv') });
    const other = tempCore({ noResume: true });
    try {
      const info = await inspectFile(other.core.db, { path: res.path });
      expect(info.suggestedKind).toBe('customers');
      const { summary } = await importJob(other.core, { source: { path: res.path }, kind: 'customers', mapping: info.suggestions.customers.mapping });
      expect(summary.customers.created).toBe(4);
      const cols = 'name, email, phone_norm, city, created_at';
      const q = `SELECT ${cols} FROM customers ORDER BY email`;
      expect(other.core.sqlite.prepare(q).all()).toEqual(core.sqlite.prepare(q).all());
    } finally {
      await other.cleanup();
    }
  });
});

describe('orders, order lines, messages', () => {
  it('order lines export with the import\u2019s headers and import into another Patron unchanged', async () => {
    const res = await run({ list: { kind: 'order_lines' }, path: join(env.dir, 'lines.csv') });
    const { rows } = readCsv(res.path);
    expect(rows[0]).toEqual(['Order number', 'Order date', 'Customer name', 'Customer email', 'Customer phone', 'Product SKU', 'Product', 'Quantity', 'Unit price', 'Line total', 'Currency', 'Status', 'Channel']);
    // The phone as every write path stores it (imported as 13800138000): one format for all.
    expect(rows[1]).toEqual(['A1', '2024-03-01 10:00:00', '王芳', 'wangfang@qq.com', '+86 138 0013 8000', 'T-1', '龙井 250g', '2', '1299.00', '2598.00', 'CNY', 'paid', 'online']);
    const other = tempCore({ noResume: true });
    try {
      const info = await inspectFile(other.core.db, { path: res.path });
      expect(info.suggestedKind).toBe('orders');
      const { summary } = await importJob(other.core, { source: { path: res.path }, kind: 'orders', mapping: info.suggestions.orders.mapping });
      expect(summary).toMatchObject({ rejected: 0, orders: { created: 2 }, orderItems: { created: 3 } });
      const q = 'SELECT o.order_no, o.ordered_at, o.status, o.total_cents, i.product_name, i.quantity, i.unit_price_cents FROM orders o JOIN order_items i ON i.order_id = o.id ORDER BY i.id';
      expect(other.core.sqlite.prepare(q).all()).toEqual(core.sqlite.prepare(q).all());
    } finally {
      await other.cleanup();
    }
  });

  it('orders, messages and feedback export with their filters', async () => {
    const wang = core.sqlite.prepare(`SELECT id FROM customers WHERE email = 'wangfang@qq.com'`).pluck().get() as number;
    const orders = readCsv((await run({ list: { kind: 'orders', status: 'paid' } })).path).rows;
    expect(orders.slice(1).map((r) => [r[0], r[8], r[9]])).toEqual([['A1', '2623.50', '3']]);
    const msgs = readCsv((await run({ list: { kind: 'messages', customerId: wang, direction: 'inbound' } })).path).rows;
    expect(msgs.slice(1).map((r) => [r[0], r[4], r[5], r[7]])).toEqual([['2024-03-02 08:00:00', 'wechat', 'inbound', '物流太慢了']]);
    const feedback = await run({ list: { kind: 'feedback' }, format: 'xlsx' });
    expect(feedback.rows).toBe(0);
    expect((await readXlsx(feedback.path))[0]).toContain('Rating');
  });
});

describe('rejected rows, jobs and downloads', () => {
  it('an import\u2019s rejected rows export with their reasons, through the export job, and can be read back in chunks', async () => {
    const file = join(env.dir, 'bad.csv');
    writeFileSync(file, 'Name,Email\nGood,good@x.com\nBad,not-an-email\n');
    const { job } = await importJob(core, { source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1 } });
    for (const format of ['csv', 'xlsx'] as const) {
      const id = core.jobs.start(EXPORT_JOB_KIND, { list: { kind: 'rejects', jobId: job.id }, format });
      await core.jobs.idle();
      const done = core.jobs.get(id);
      expect(done.status).toBe('done');
      const result = done.result as ExportResult;
      expect(result.fileName).toMatch(new RegExp(`^rejected-rows-\\d{8}-\\d{6}-${id}\\.${format}$`));
      // The browser's way: read the bytes in chunks, put them together.
      const parts: Buffer[] = [];
      for (let offset = 0, done = false; !done; ) {
        const chunk = readExportChunk(core.paths.dataDir, result.fileName, offset, 100);
        parts.push(Buffer.from(chunk.data, 'base64'));
        offset += 100;
        done = chunk.done;
      }
      expect(Buffer.concat(parts).equals(readFileSync(result.path))).toBe(true);
      if (format === 'csv') {
        expect(readCsv(result.path).rows).toEqual([
          ['Name', 'Email', 'Line', 'Problem column', 'Problem code', 'Problem'],
          ['Bad', 'not-an-email', '3', 'Email', 'email_invalid', '"not-an-email" is not a valid email address.'],
        ]);
      } else {
        expect((await readXlsx(result.path))[1]).toEqual(['Bad', 'not-an-email', 3, 'Email', 'email_invalid', '"not-an-email" is not a valid email address.']);
      }
    }
    expect(() => exportFilePath(core.paths.dataDir, '../patron.sqlite')).toThrow(/Not the name of an export file/);
    expect(() => exportFilePath(core.paths.dataDir, 'nope.csv')).toThrow(/does not exist/);
  });

  it('from the Chinese UI, the rejected rows download in Chinese: headers and each problem, with its code', async () => {
    const file = join(env.dir, 'bad-zh.csv');
    writeFileSync(file, '姓名,邮箱,注册时间\n好,good@x.com,2024-01-05\n坏,not-an-email,2024-01-05\n怪,odd@x.com,2023年13月45日\n');
    const { job } = await importJob(core, { source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1, created_at: 2 } });
    const csv = await run({ list: { kind: 'rejects', jobId: job.id }, language: 'zh' });
    expect(readCsv(csv.path).rows).toEqual([
      ['姓名', '邮箱', '注册时间', '行号', '问题列', '问题代码', '问题'],
      ['坏', 'not-an-email', '2024-01-05', '3', '邮箱', 'email_invalid', '“not-an-email”不是有效的邮箱地址。'],
      ['怪', 'odd@x.com', '2023年13月45日', '4', '注册时间', 'date_not_real', '“2023年13月45日”不是一个真实存在的日期或时间。'],
    ]);
    const xlsx = await run({ list: { kind: 'rejects', jobId: job.id }, format: 'xlsx', language: 'zh' });
    expect((await readXlsx(xlsx.path)).slice(0, 2)).toEqual([
      ['姓名', '邮箱', '注册时间', '行号', '问题列', '问题代码', '问题'],
      ['坏', 'not-an-email', '2024-01-05', 3, '邮箱', 'email_invalid', '“not-an-email”不是有效的邮箱地址。'],
    ]);
  });

  it('lists exported from the Chinese UI have Chinese headers, and a customer list still imports back', async () => {
    const headers = async (list: ExportInputRaw['list']) => readCsv((await run({ list, language: 'zh' })).path).rows[0];
    expect((await headers({ kind: 'customers', filter: {} })).slice(0, 4)).toEqual(['姓名', '邮箱', '手机', '公司']);
    expect(await headers({ kind: 'orders' })).toContain('订单号');
    expect(await headers({ kind: 'order_lines' })).toEqual(expect.arrayContaining(['订单号', '下单时间', '客户邮箱', '商品名称', '数量', '单价']));
    expect(await headers({ kind: 'messages' })).toEqual(expect.arrayContaining(['时间', '渠道', '方向', '内容']));
    expect(await headers({ kind: 'feedback' })).toEqual(expect.arrayContaining(['时间', '评分', '推荐度']));
    for (const list of [{ kind: 'customers', filter: {} }, { kind: 'orders' }, { kind: 'order_lines' }, { kind: 'messages' }, { kind: 'feedback' }] as const) {
      expect((await headers(list)).filter((h) => /[A-Za-z]{3,}/.test(h) && h !== 'NPS')).toEqual([]);
    }
    const res = await run({ list: { kind: 'customers', filter: {} }, language: 'zh' });
    const other = tempCore({ noResume: true });
    try {
      const info = await inspectFile(other.core.db, { path: res.path });
      expect(info.suggestions.customers.mapping).toMatchObject({ name: 0, email: 1, phone: 2 });
      const { summary } = await importJob(other.core, { source: { path: res.path }, kind: 'customers', mapping: info.suggestions.customers.mapping });
      expect(summary).toMatchObject({ rejected: 0, customers: { created: res.rows } });
    } finally {
      await other.cleanup();
    }
  });

  it('a cancelled export leaves no file behind', async () => {
    const file = join(env.dir, 'many.csv');
    writeOrderLines(file, 20_000);
    await importJob(core, {
      source: { path: file }, kind: 'orders',
      mapping: { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 },
    });
    const target = join(env.dir, 'cancelled.xlsx');
    const id = core.jobs.start(EXPORT_JOB_KIND, { list: { kind: 'order_lines' }, format: 'xlsx', path: target });
    await new Promise<void>((resolve) =>
      core.jobs.events.on('job', (e: JobEvent) => {
        if (e.id === id && e.status === 'running' && e.done >= 2000) resolve();
      }),
    );
    await core.jobs.cancel(id);
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('cancelled');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(env.dir).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });
});
