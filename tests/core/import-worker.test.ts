// Big files are read and checked in a worker thread while the job's thread writes. That path must
// store exactly what the single-thread path stores, report the same rejects at the same lines,
// and fail, cancel and clean up the same way.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RowValues } from '../../src-main/core/import/check-row';
import type { ImportSummary } from '../../src-main/core/import/importer';
import { inspectSource } from '../../src-main/core/import/read-source';
import { BatchEncoder, decodeBatch } from '../../src-main/core/import/row-codec';
import { runImport } from '../../src-main/core/import/run-import';
import { importRequest, type ImportRequestInput } from '../../src-main/core/import/schemas';
import { AppError } from '../../src-main/core/errors';
import { writeOrderLines, writeTenThousand, writeWorkbook } from '../fixtures/import-files';
import { snapshot } from '../fixtures/import-files-run';
import { tempCore, tempDir } from './temp-core';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Imports `input` into a fresh database, checking rows in a worker or not; returns what it stored and said. */
async function importWith(input: ImportRequestInput, checkInWorker: boolean, seed?: (sqlite: Sqlite) => void) {
  const env = tempCore({ noResume: true });
  cleanups.push(env.cleanup);
  const { sqlite } = env.core;
  seed?.(sqlite);
  const req = importRequest.parse(input);
  const layout = await inspectSource(req.source);
  const detailsDir = join(env.dir, 'details');
  const summary = await runImport(sqlite, req, layout, { detailsDir, checkInWorker });
  const rejected = summary.rejectsFile ? readFileSync(summary.rejectsFile, 'utf8') : '';
  const merges = summary.mergesFile ? readFileSync(summary.mergesFile, 'utf8') : '';
  const stable = (s: ImportSummary) => ({ ...s, seconds: 0, rowsPerSecond: 0, rejectsFile: !!s.rejectsFile, mergesFile: !!s.mergesFile });
  return {
    summary: stable(summary),
    rejected,
    merges,
    db: contents(sqlite),
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }),
    fkProblems: sqlite.pragma('foreign_key_check'),
  };
}

type Sqlite = ReturnType<typeof tempCore>['core']['sqlite'];

/** Every row of the tables an import writes, less the times of writing (two runs differ there). */
function contents(sqlite: Sqlite): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['customers', 'companies', 'products', 'orders', 'order_items', 'interactions', 'feedback', 'tags', 'customer_tags', 'notes', 'customers_fts']) {
    const rows = sqlite.prepare(t === 'customers_fts' ? `SELECT rowid FROM customers_fts WHERE customers_fts MATCH '"customer" OR "客"' ORDER BY rowid` : `SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[];
    out[t] = rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest);
  }
  return out;
}

const ORDER_MAPPING = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };

describe('checking rows in a worker thread', () => {
  it('stores and reports exactly what checking in this thread does: customers with 37 bad rows and merges', async () => {
    const big = writeTenThousand(tempDir());
    const input = { source: { path: big.file }, kind: 'customers' as const, mapping: { name: 0, email: 1, phone: 2, city: 3, created_at: 4, note: 5 } };
    const here = await importWith(input, false);
    const worker = await importWith(input, true);
    expect(here.summary.rejected).toBe(37);
    expect(here.summary.customers.merged).toBe(big.duplicates);
    expect(worker).toEqual(here);
  });

  it('the same for order lines: a bad line leaves its order out, an order split across the file is joined, unknown customers are named', async () => {
    const dir = tempDir();
    const file = join(dir, 'orders.csv');
    writeOrderLines(file, 3000, { customers: 200 });
    // Break one line of an order in the middle, and put one more line of order 1 at the very end.
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const target = lines.findIndex((l, i) => i > 100 && l.startsWith(lines[i - 1].split(',')[0] + ','));
    lines[target] = lines[target].replace(/,(\d+),([^,]*),(paid|refunded|cancelled)$/, ',-3,$2,$3');
    lines.push(lines[1].replace(/TEA-\d+/, 'TEA-999').replace(/Tea \d+ 250g/, 'Tea 999 250g'));
    writeFileSync(file, lines.join('\n') + '\n');
    const input = { source: { path: file }, kind: 'orders' as const, mapping: ORDER_MAPPING, options: { createCustomers: false } };
    // Half the customers exist already; the other half's orders are rejected by name.
    const seed = (sqlite: Sqlite) => {
      const add = sqlite.prepare('INSERT INTO customers (name, email, email_norm) VALUES (?, ?, ?)');
      for (let i = 0; i < 200; i += 2) add.run(`Customer ${i}`, `customer${i}@example.com`, `customer${i}@example.com`);
    };
    const here = await importWith(input, false, seed);
    const worker = await importWith(input, true, seed);
    const codes = new Set(here.summary.rejects.map((r) => r.code));
    for (const code of ['order_line_rejected', 'customer_unknown'] as const) expect(codes).toContain(code);
    expect([...codes].some((c) => c.startsWith('quantity_'))).toBe(true);
    expect(here.summary.orders.created).toBeGreaterThan(1000);
    expect(worker).toEqual(here);
    // Foreign keys were off for the import's transaction only, and every link it wrote holds.
    expect(worker.foreignKeys).toBe(1);
    expect(worker.fkProblems).toEqual([]);
  });

  it('the same for messages and reviews in Chinese', async () => {
    const dir = tempDir();
    const messages = join(dir, 'wechat.csv');
    const reviews = join(dir, 'reviews.csv');
    const m = ['时间,客户,手机,渠道,方向,内容'];
    const r = ['Date,Email,Type,Rating,NPS,Review'];
    for (let i = 0; i < 500; i++) {
      m.push(`2024/3/${1 + (i % 28)} 10:${String(i % 60).padStart(2, '0')},客户${i % 40},1380013${String(i % 40).padStart(4, '0')},${i % 3 ? '微信' : '电话'},${i % 2 ? '收' : '发'},"你好，订单${i}，""加急""${i % 50 ? '' : '\n第二行'}"`);
      r.push(`2024-03-${String(1 + (i % 28)).padStart(2, '0')},c${i % 30}@x.com,${i % 4 ? '评价' : 'survey'},${i % 4 ? '★'.repeat(1 + (i % 5)) : ''},${i % 4 ? '' : i % 11},${i % 7 ? `好评 ${i}` : ''}`);
    }
    r.push('not a date,c1@x.com,review,9,,Too many stars');
    writeFileSync(messages, m.join('\r\n') + '\r\n');
    writeFileSync(reviews, r.join('\n') + '\n');
    const msgInput = { source: { path: messages }, kind: 'interactions' as const, mapping: { occurred_at: 0, customer_name: 1, customer_phone: 2, channel: 3, direction: 4, body: 5 } };
    const revInput = { source: { path: reviews }, kind: 'feedback' as const, mapping: { occurred_at: 0, customer_email: 1, kind: 2, rating: 3, nps: 4, body: 5 } };
    for (const input of [msgInput, revInput]) {
      const here = await importWith(input, false);
      const worker = await importWith(input, true);
      expect(here.summary.accepted).toBeGreaterThan(400);
      expect(worker).toEqual(here);
    }
  });

  it('a file gone before its rows are read fails with its name, and nothing is kept', async () => {
    const env = tempCore({ noResume: true });
    cleanups.push(env.cleanup);
    const file = join(env.dir, 'orders.csv');
    writeOrderLines(file, 500);
    const req = importRequest.parse({ source: { path: file }, kind: 'orders', mapping: ORDER_MAPPING });
    const layout = await inspectSource(req.source);
    const before = snapshot(env.core.sqlite);
    rmSync(file);
    const err = (await runImport(env.core.sqlite, req, layout, { checkInWorker: true }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('orders.csv');
    expect(snapshot(env.core.sqlite)).toEqual(before);
    expect(env.core.sqlite.inTransaction).toBe(false);
    expect(env.core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a problem the reading thread meets comes back as the same coded error, with its parameters', async () => {
    const env = tempCore({ noResume: true });
    cleanups.push(env.cleanup);
    const book = await writeWorkbook(env.dir);
    const req = importRequest.parse({ source: { path: book, sheet: 'Orders' }, kind: 'orders', mapping: { order_no: 0, ordered_at: 1, customer_email: 2, product_name: 3, quantity: 4, unit_price: 5 } });
    const layout = await inspectSource(req.source);
    // The sheet is gone by the time the rows are read (a person saved the workbook again).
    const err = await runImport(env.core.sqlite, req, { ...layout, sheet: 'Orders (old)' }, { checkInWorker: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err instanceof AppError && err.toShape()).toMatchObject({
      code: 'file_unreadable',
      field: 'sheet',
      params: { file: 'book.xlsx', reason: 'sheet_missing', sheet: 'Orders (old)', sheets: expect.arrayContaining(['Orders']) },
    });
  });
});

describe('the batch format between the threads', () => {
  it('brings back every value of every kind as it was, nulls, empty text, Chinese and all', () => {
    const person = { name: '王芳', email: 'Wang@X.com', emailNorm: 'wang@x.com', phone: '+86 138 0013 8000', phoneNorm: '+8613800138000' };
    const nobody = { name: null, email: null, emailNorm: null, phone: '', phoneNorm: null };
    const samples: { [K in keyof RowValues]: RowValues[K][] } = {
      customers: [
        { ...person, company: '茶社', city: '上海', country: 'CN', language: 'zh', languageGiven: true, tags: ['VIP', '老客户'], note: '第一行\n第二行', createdAt: 1_700_000_000_000, consentEmail: true, consentSms: false, consentWechat: undefined },
        { ...nobody, company: null, city: null, country: null, language: 'en', languageGiven: false, tags: [], note: null, createdAt: null, consentEmail: undefined, consentSms: undefined, consentWechat: undefined },
      ],
      orders: [
        { orderNo: 'SO-1', orderedAt: 1_700_000_000_000, person, status: 'refunded', channel: 'online', currency: 'CNY', item: { sku: null, name: '龙井 250g', quantity: 3, unitPriceCents: 129_900 }, orderTotalCents: null },
        { orderNo: '', orderedAt: 0, person: nobody, status: 'paid', channel: '', currency: 'EUR', item: null, orderTotalCents: 0 },
      ],
      interactions: [
        { person, occurredAt: 1, channel: 'wechat', direction: 'inbound', subject: null, body: '你好', language: 'zh', handled: true, sentiment: { label: 'mixed', score: -0.25, aspects: [{ aspect: 'delivery', polarity: 'negative', score: -0.5, words: ['物流', '慢'] }], words: ['慢'] } },
        { person: nobody, occurredAt: 2, channel: 'email', direction: 'outbound', subject: 'Re: 订单', body: '', language: 'en', handled: false, sentiment: null },
      ],
      feedback: [
        { person, occurredAt: 3, kind: 'review', rating: 5, nps: null, body: '好', productSku: 'TEA-1', productName: null, language: 'zh', sentiment: { label: 'positive', score: 0.4, aspects: [], words: ['好'] } },
        { person: nobody, occurredAt: 4, kind: 'survey', rating: null, nps: 0, body: null, productSku: null, productName: 'Tea', language: 'en', sentiment: null },
      ],
    };
    for (const kind of Object.keys(samples) as (keyof RowValues)[]) {
      const enc = new BatchEncoder(kind);
      const cells = [['a', '', '王,芳'], []];
      samples[kind].forEach((value, i) => enc.add(10 + i, cells[i], { ok: true, value }));
      enc.add(99, ['x', 'y'], { ok: false, problem: { field: 'email', code: 'email_invalid', params: { value: 'x' } }, orderNo: 'SO-9' });
      enc.add(100, ['z'], { ok: false, problem: { field: null, code: 'quote_unclosed', params: {} } });
      const out: unknown[] = [];
      decodeBatch(structuredClone(enc.finish()), (line, src, checked) => out.push({ line, cells: src.cells, checked }));
      expect(out).toEqual([
        ...samples[kind].map((value, i) => ({ line: 10 + i, cells: cells[i], checked: { ok: true, value } })),
        { line: 99, cells: ['x', 'y'], checked: { ok: false, problem: { field: 'email', code: 'email_invalid', params: { value: 'x' } }, orderNo: 'SO-9' } },
        { line: 100, cells: ['z'], checked: { ok: false, problem: { field: null, code: 'quote_unclosed', params: {} } } },
      ]);
      expect(enc.rows).toBe(0);
    }
  });

  it('values equal to a cell and a person repeated from the row before come back the same, across batches', () => {
    const person = { name: 'Ann Lee', email: 'Ann@X.com', emailNorm: 'ann@x.com', phone: '138 0013 8000', phoneNorm: '+8613800138000' };
    const line = (orderNo: string, sku: string, p = person) => ({
      cells: [orderNo, '2024-01-05', p.name!, p.email!, p.phone!, sku, `Tea ${sku}`],
      value: { orderNo, orderedAt: 1_704_412_800_000, person: p, status: 'paid' as const, channel: '', currency: 'CNY', item: { sku, name: `Tea ${sku}`, quantity: 1, unitPriceCents: 100 }, orderTotalCents: null },
    });
    const other = { ...person, name: 'Bo', email: 'bo@x.com', emailNorm: 'bo@x.com' };
    const batches = [[line('A1', 'T1'), line('A1', 'T2'), line('A2', 'T1', other)], [line('A2', 'T3', other), line('A3', 'T1')]];
    const enc = new BatchEncoder('orders');
    const out: { cells: string[]; checked: unknown }[] = [];
    for (const rows of batches) {
      rows.forEach((r, i) => enc.add(i + 2, r.cells, { ok: true, value: r.value }));
      const batch = structuredClone(enc.finish());
      // Names, emails, numbers and SKUs travel once, as cells; a repeated person not at all. Left
      // in the text: the cells, each row's status and currency, a new person's normalised keys.
      const keys = (p: typeof person) => (p.emailNorm === p.email ? '' : p.emailNorm!) + p.phoneNorm;
      const expected = rows.map((r, i) => r.cells.join('') + 'paidCNY' + (i > 0 && r.value.person === rows[i - 1].value.person ? '' : keys(r.value.person)));
      expect(batch.text.length).toBe(expected.join('').length);
      decodeBatch(batch, (_line, src, checked) => out.push({ cells: src.cells, checked }));
    }
    expect(out).toEqual(batches.flat().map((r) => ({ cells: r.cells, checked: { ok: true, value: r.value } })));
  });
});
