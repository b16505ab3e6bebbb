// Whole imports as jobs: 10,000 rows with 37 known bad lines, de-duplication and re-import,
// dry runs that count exactly and write nothing, cancel that rolls everything back, orders with
// line items, messages and reviews, search over what was imported, templates and uploads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { CustomerStore, KEYS_IN_MEMORY } from '../../src-main/core/import/dedupe';
import { BulkScope } from '../../src-main/core/derived/bulk-scope';
import type { CustomerRow } from '../../src-main/core/import/validate-customer';
import { readDetails } from '../../src-main/core/import/details-files';
import { inspectFile } from '../../src-main/core/import/inspect';
import { IMPORT_JOB_KIND } from '../../src-main/core/import/import-job';
import { runImport } from '../../src-main/core/import/run-import';
import { inspectSource } from '../../src-main/core/import/read-source';
import { importRequest } from '../../src-main/core/import/schemas';
import { matchTemplate, saveTemplate } from '../../src-main/core/import/templates';
import { uploadChunk, uploadFinish, uploadStart } from '../../src-main/core/import/uploads';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { recomputeCustomerMetrics } from '../../src-main/core/orders/metrics';
import { search } from '../../src-main/core/search/service';
import { writeOrderLines, writeTenThousand } from '../fixtures/import-files';
import { importJob, snapshot } from '../fixtures/import-files-run';
import { freshCores } from './temp-core';

const fresh = freshCores();
const count = (core: Core, table: string) => core.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const CUSTOMER_MAPPING = { name: 0, email: 1, phone: 2, city: 3, created_at: 4, note: 5 };

describe('a 10,000-row customer file with 37 bad rows', () => {
  it('rejects exactly the bad rows, at their lines, with reasons; merges duplicates; re-import creates nothing', async () => {
    const { core, dir } = fresh();
    const big = writeTenThousand(dir);
    const info = await inspectFile(core.db, { path: big.file });
    expect(info.suggestions.customers.mapping).toEqual(CUSTOMER_MAPPING);

    const { summary } = await importJob(core, { source: { path: big.file }, kind: 'customers', mapping: CUSTOMER_MAPPING });
    expect(summary.rows).toBe(big.rows);
    expect(summary.rejected).toBe(37);
    expect(summary.customers).toEqual({ created: big.customers, updated: 0, unchanged: 0, merged: big.duplicates });
    expect(count(core, 'customers')).toBe(big.customers);

    // Every reported line is a bad line, checked against the raw text, not the parser.
    const page = await readDetails(core.paths.dataDir, 1, 'rejects', 0, 1000);
    expect(page.total).toBe(37);
    expect(page.headers).toEqual(['Name', 'Email', 'Phone', 'City', 'Customer since', 'Note', 'Line', 'Problem column', 'Problem code', 'Problem params']);
    const lines = page.rows.map((r) => Number(r[6]));
    expect(lines).toEqual(big.badLines);
    expect(summary.rejects.map((r) => r.line)).toEqual(big.badLines);
    const raw = readFileSync(big.file, 'utf8').split('\n');
    big.badLines.forEach((line, i) => expect(raw[line - 1]).toContain(big.badValues[i]));
    const codes = new Set(summary.rejects.map((r) => `${r.column ?? '-'}: ${r.code}`));
    expect([...codes].sort()).toEqual(['-: row_too_wide', 'Customer since: date_not_real', 'Email: email_invalid', 'Name: person_missing', 'Phone: phone_invalid']);
    // Each problem's value is the cell the file has at that line and column.
    for (const r of summary.rejects) if ('value' in r.params) expect(r.value ?? '').toContain(r.params.value);

    const again = await importJob(core, { source: { path: big.file }, kind: 'customers', mapping: CUSTOMER_MAPPING });
    expect(again.summary.customers).toEqual({ created: 0, updated: 0, unchanged: big.customers, merged: big.duplicates });
    expect(again.summary.rejected).toBe(37);
    expect(count(core, 'customers')).toBe(big.customers);
  });

  it('de-duplicates the same when the keys stop fitting in memory midway (their indexes come back first)', async () => {
    const { core, dir } = fresh();
    const big = writeTenThousand(dir);
    const before = snapshot(core.sqlite).schema;
    const limit = KEYS_IN_MEMORY.maxCustomers;
    KEYS_IN_MEMORY.maxCustomers = 1000;
    try {
      const { summary } = await importJob(core, { source: { path: big.file }, kind: 'customers', mapping: CUSTOMER_MAPPING });
      expect(summary.customers).toEqual({ created: big.customers, updated: 0, unchanged: 0, merged: big.duplicates });
      expect(count(core, 'customers')).toBe(big.customers);
      expect(snapshot(core.sqlite).schema).toBe(before);
      // Over the limit from the start: looked up in the database all the way, nothing new.
      const again = await importJob(core, { source: { path: big.file }, kind: 'customers', mapping: CUSTOMER_MAPPING });
      expect(again.summary.customers).toEqual({ created: 0, updated: 0, unchanged: big.customers, merged: big.duplicates });
    } finally {
      KEYS_IN_MEMORY.maxCustomers = limit;
    }
  });
});

describe('dry runs, cancel and progress', () => {
  it('a dry run counts exactly what the import then does, and writes nothing', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'orders.csv');
    writeOrderLines(file, 400);
    const mapping = (await inspectFile(core.db, { path: file })).suggestions.orders.mapping;
    core.sqlite.prepare(`INSERT INTO customers (name, email, email_norm) VALUES ('Existing', 'customer3@example.com', 'customer3@example.com')`).run();
    const before = snapshot(core.sqlite);
    const dry = await importJob(core, { source: { path: file }, kind: 'orders', mapping, dryRun: true });
    expect(snapshot(core.sqlite)).toEqual(before);
    const real = await importJob(core, { source: { path: file }, kind: 'orders', mapping });
    const { seconds: _a, rowsPerSecond: _b, rejectsFile: _c, mergesFile: _d, dryRun, ...counts } = dry.summary;
    expect(dryRun).toBe(true);
    expect(real.summary).toMatchObject(counts);
    expect(real.summary.orders.created).toBe(400);
    expect(real.summary.customers.updated).toBe(1);
    // The job row holds the final count, committed with the import.
    expect(real.job).toMatchObject({ done: real.summary.rows, total: real.summary.rows });
  });

  it('cancel mid-import rolls every row back; progress is rows with a rate, never backwards', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'orders.csv');
    const { lines } = writeOrderLines(file, 40_000);
    core.sqlite.prepare(`INSERT INTO customers (name) VALUES ('Kept')`).run();
    const before = snapshot(core.sqlite);
    const events: JobEvent[] = [];
    const id = core.jobs.start(IMPORT_JOB_KIND, {
      source: { path: file }, kind: 'orders',
      mapping: { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 },
    });
    await new Promise<void>((resolve) =>
      core.jobs.events.on('job', (e: JobEvent) => {
        if (e.id !== id) return;
        events.push(e);
        if (e.status === 'running' && e.done >= 10_000) resolve();
      }),
    );
    await core.jobs.cancel(id);
    await core.jobs.idle();
    expect(core.jobs.get(id).status).toBe('cancelled');
    expect(snapshot(core.sqlite)).toEqual(before);
    const running = events.filter((e) => e.status === 'running' && e.done > 0);
    expect(running.length).toBeGreaterThan(0);
    for (let i = 1; i < events.length; i++) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
    const last = running.at(-1)!;
    expect(last.done).toBeLessThan(lines);
    expect(last.total).toBeGreaterThan(lines * 0.8);
    expect(last.total).toBeLessThan(lines * 1.3);
    expect(running.some((e) => e.ratePerSec !== null && e.etaSec !== null)).toBe(true);

    // The same file to the end: its indexes, dropped for the load, are all back as they were.
    const mapping = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };
    const { summary } = await importJob(core, { source: { path: file }, kind: 'orders', mapping });
    expect(summary.orderItems.created).toBe(lines);
    expect(snapshot(core.sqlite).schema).toBe(before.schema);
    const plan = core.sqlite.prepare('EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = 1 ORDER BY ordered_at').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/orders_customer_time_idx/);
  });

  it('the one transaction is the caller\u2019s: an error midway rolls back everything', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'Name,Email\nAnn,ann@x.com\nBob,bob@x.com\n');
    const req = importRequest.parse({ source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1 } });
    const layout = await inspectSource(req.source);
    let calls = 0;
    const err = await runImport(core.sqlite, req, layout, {
      progress: () => {
        if (++calls === 1) throw new Error('disk full');
      },
    }).catch((e) => e);
    expect((err as Error).message).toBe('disk full');
    expect(core.sqlite.inTransaction).toBe(false);
    expect(count(core, 'customers')).toBe(0);
  });
});

describe('orders with line items', () => {
  const MAPPING = { order_no: 0, ordered_at: 1, customer_email: 2, product_sku: 3, product_name: 4, quantity: 5, unit_price: 6 };
  const HEAD = 'Order,Date,Email,SKU,Product,Qty,Price';

  it('groups lines by order, leaves out a whole order with a bad line, and skips orders already there', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'o.csv');
    writeFileSync(
      file,
      [
        HEAD,
        'A1,2024-03-01,ann@x.com,T-1,Green tea,2,10.00', //     2
        'A1,2024-03-01,ann@x.com,T-2,Black tea,1,25.50', //     3
        'A2,2024-03-02,bob@x.com,T-1,Green tea,-1,10.00', //    4 negative quantity
        'A2,2024-03-02,bob@x.com,T-3,Oolong,1,30.00', //        5 left out with its order
        'A3,2024-03-02,,T-3,Oolong,1,30.00', //                 6 no customer
        'A4,2024-13-45,ann@x.com,T-3,Oolong,1,30.00', //        7 bad date
        'A5,2024-03-03,ann@x.com,T-1,Green tea,1,abc', //       8 bad price
        'A6,2024-03-04,cat@x.com,T-1,Green tea,3,10.00', //     9
        'A1,2024-03-01,ann@x.com,T-3,Oolong,1,30.00', //       10 more of A1, further down
        'A7,2024-03-05,ann@x.com,T-1,Green tea,1,10.00', //     11 left out with its order
        'A7,2024-03-05,ann@x.com,T-2,Black tea,1,1,299.00', // 12 an unquoted comma
      ].join('\n'),
    );
    const { summary } = await importJob(core, { source: { path: file }, kind: 'orders', mapping: MAPPING });
    expect(summary.rejects.map((r) => [r.line, r.column, r.code, r.params])).toEqual([
      [4, 'Qty', 'quantity_negative', { value: '-1' }],
      [5, null, 'order_line_rejected', { orderNo: 'A2', line: 4 }],
      [6, 'Email', 'customer_key_missing', { what: 'order' }],
      [7, 'Date', 'date_not_real', { value: '2024-13-45' }],
      [8, 'Price', 'amount_invalid', { value: 'abc' }],
      [11, null, 'order_line_rejected', { orderNo: 'A7', line: 12 }],
      [12, null, 'row_too_wide', { values: 8, columns: 7 }],
    ]);
    expect(summary.orders).toEqual({ created: 2, existing: 0 });
    expect(summary.orderItems.created).toBe(4);
    expect(summary.products.created).toBe(3);
    expect(summary.customers.created).toBe(2);
    const a1 = core.sqlite.prepare(`SELECT total_cents AS total, (SELECT count(*) FROM order_items WHERE order_id = orders.id) AS lines FROM orders WHERE order_no = 'A1'`).get();
    expect(a1).toEqual({ total: 2 * 1000 + 2550 + 3000, lines: 3 });
    expect(core.sqlite.prepare(`SELECT total_spent_cents AS spent, order_count AS n FROM customers WHERE email = 'ann@x.com'`).get()).toEqual({ spent: 7550, n: 1 });

    const again = await importJob(core, { source: { path: file }, kind: 'orders', mapping: MAPPING });
    expect(again.summary.orders).toEqual({ created: 0, existing: 2 });
    expect(again.summary.orderItems.created).toBe(0);
    expect(again.summary.customers.created).toBe(0);
    expect(count(core, 'order_items')).toBe(4);
  });

  it('sums the new customers\u2019 spend, order counts and first/last orders exactly as the database would', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'lines.csv');
    // More customers than the tally starts with room for (1,024), so it has to grow.
    writeOrderLines(file, 3000, { customers: 1500 });
    // Every tenth order refunded: it counts for nothing.
    const text = readFileSync(file, 'utf8').replace(/^(SO\d{7}7,.*),paid$/gm, '$1,refunded');
    writeFileSync(file, text);
    await importJob(core, { source: { path: file }, kind: 'orders', mapping: { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 } });
    const metrics = () => core.sqlite.prepare('SELECT id, total_spent_cents, order_count, first_order_at, last_order_at FROM customers ORDER BY id').all();
    const summed = metrics();
    const buyers = new Set(text.trimEnd().split('\n').slice(1).map((l) => l.split(',')[3]));
    expect(buyers.size).toBeGreaterThan(1024);
    expect(summed).toHaveLength(buyers.size);
    expect(core.sqlite.prepare(`SELECT count(*) FROM orders WHERE status = 'refunded'`).pluck().get()).toBe(300);
    recomputeCustomerMetrics(core.sqlite);
    expect(summed).toEqual(metrics());
  });

  it('with creating customers off, an order for an unknown customer is rejected with its reason', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'o.csv');
    writeFileSync(file, `${HEAD}\nB1,2024-03-01,nobody@x.com,T-1,Green tea,1,10\n`);
    const { summary } = await importJob(core, { source: { path: file }, kind: 'orders', mapping: MAPPING, options: { createCustomers: false } });
    expect(summary.rejects).toEqual([
      expect.objectContaining({ line: 2, column: 'Email', code: 'customer_unknown', params: { email: 'nobody@x.com', phone: null } }),
    ]);
    expect(count(core, 'orders')).toBe(0);
  });
});

describe('messages and reviews', () => {
  it('imports WeChat messages with Chinese headers, searchable, and skips them on re-import', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'wechat.csv');
    writeFileSync(
      file,
      '时间,客户,手机,渠道,方向,内容\n2024/3/1 10:00,王芳,13800138000,微信,收,你好，我想退货，订单号2024100013\n2024/3/1 10:05,王芳,13800138000,微信,发,好的，马上处理\n2024/3/2 9:00,李雷,13900139000,电话,客户,物流太慢了\n',
    );
    const info = await inspectFile(core.db, { path: file });
    expect(info.suggestedKind).toBe('interactions');
    expect(info.suggestions.interactions.mapping).toEqual({ occurred_at: 0, customer_name: 1, customer_phone: 2, channel: 3, direction: 4, body: 5 });
    const { summary } = await importJob(core, { source: { path: file }, kind: 'interactions', mapping: info.suggestions.interactions.mapping });
    expect(summary.interactions).toEqual({ created: 3, duplicates: 0 });
    expect(summary.customers.created).toBe(2);
    const msgs = core.sqlite.prepare('SELECT channel, direction, language, handled FROM interactions ORDER BY id').all();
    expect(msgs).toEqual([
      { channel: 'wechat', direction: 'inbound', language: 'zh', handled: 1 },
      { channel: 'wechat', direction: 'outbound', language: 'zh', handled: 1 },
      { channel: 'phone', direction: 'inbound', language: 'zh', handled: 1 },
    ]);
    expect(search(core.sqlite, '退货').interactions.length).toBe(1);
    expect(search(core.sqlite, '王芳').customers.map((c) => c.name)).toEqual(['王芳']);
    expect(search(core.sqlite, '100013').interactions.length).toBe(1);
    expect(search(core.sqlite, '0013 9000').customers.map((c) => c.name)).toEqual(['李雷']);
    const again = await importJob(core, { source: { path: file }, kind: 'interactions', mapping: info.suggestions.interactions.mapping });
    expect(again.summary.interactions).toEqual({ created: 0, duplicates: 3 });
  });

  it('imports reviews with stars, NPS and kinds, and explains the bad ones', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'reviews.csv');
    writeFileSync(file, 'Date,Email,Type,Rating,NPS,Review\n2024-03-01,ann@x.com,评价,★★★★☆,,Lovely tea\n2024-03-02,ann@x.com,survey,,9,\n2024-03-03,bob@x.com,review,7,,Too many stars\n2024-03-04,bob@x.com,review,,,\n');
    const info = await inspectFile(core.db, { path: file });
    expect(info.suggestedKind).toBe('feedback');
    const { summary } = await importJob(core, { source: { path: file }, kind: 'feedback', mapping: info.suggestions.feedback.mapping });
    expect(summary.feedback.created).toBe(2);
    expect(summary.rejects.map((r) => [r.line, r.code, r.params])).toEqual([
      [4, 'rating_out_of_range', { value: '7' }],
      [5, 'feedback_empty', {}],
    ]);
    expect(core.sqlite.prepare('SELECT kind, rating, nps FROM feedback ORDER BY id').all()).toEqual([
      { kind: 'review', rating: 4, nps: null },
      { kind: 'survey', rating: null, nps: 9 },
    ]);
  });
});

describe('merging customers into ones already there', () => {
  it('fills in what is missing, never replaces keys, overwrites on request, and the merges can be reviewed', async () => {
    const { core, dir } = fresh();
    core.sqlite.prepare(`INSERT INTO customers (name, email, email_norm, city) VALUES ('Ann Lee', 'ann@x.com', 'ann@x.com', 'Paris')`).run();
    core.sqlite.prepare(`INSERT INTO customers (name, phone, phone_norm) VALUES ('Bob', '13900139000', '8613900139000')`).run();
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'Name,Email,Phone,City,Tags\nAnn L.,ANN@X.COM,13900139000,Lyon,VIP\nBob Wu,bob@x.com,+86 139 0013 9000,Beijing,\n');
    const mapping = { name: 0, email: 1, phone: 2, city: 3, tags: 4 };
    const fill = await importJob(core, { source: { path: file }, kind: 'customers', mapping });
    expect(fill.summary.customers).toEqual({ created: 0, updated: 2, unchanged: 0, merged: 0 });
    expect(fill.summary.merges).toEqual([
      { line: 2, customerId: 1, name: 'Ann L.', matchedBy: 'email', into: 'existing', action: 'updated', changed: ['tags'] },
      { line: 3, customerId: 2, name: 'Bob Wu', matchedBy: 'phone', into: 'existing', action: 'updated', changed: ['city', 'email'] },
    ]);
    // Ann's phone belongs to Bob already, so Ann does not get it.
    expect(core.sqlite.prepare('SELECT name, email, phone, city FROM customers ORDER BY id').all()).toEqual([
      { name: 'Ann Lee', email: 'ann@x.com', phone: null, city: 'Paris' },
      { name: 'Bob', email: 'bob@x.com', phone: '13900139000', city: 'Beijing' },
    ]);
    const over = await importJob(core, { source: { path: file }, kind: 'customers', mapping, options: { onMatch: 'overwrite' } });
    expect(over.summary.customers).toEqual({ created: 0, updated: 2, unchanged: 0, merged: 0 });
    expect(core.sqlite.prepare('SELECT name, city FROM customers ORDER BY id').all()).toEqual([
      { name: 'Ann L.', city: 'Lyon' },
      { name: 'Bob Wu', city: 'Beijing' },
    ]);
    expect(search(core.sqlite, 'Lyon').customers.map((c) => c.name)).toEqual(['Ann L.']);
    const merges = await readDetails(core.paths.dataDir, 2, 'merges', 0, 10);
    expect(merges.rows).toEqual([
      ['2', '1', 'Ann L.', 'email', 'existing', 'name, city'],
      ['3', '2', 'Bob Wu', 'email', 'existing', 'name'],
    ]);
  });
});

describe('search rows written ahead', () => {
  it('between batches, and still right for a customer the file changes after its row was written', async () => {
    const { core } = fresh();
    const scope = new BulkScope(core.sqlite);
    const store = new CustomerStore(core.sqlite, scope, 'fill', () => {});
    const row = (name: string, email: string, more: Partial<CustomerRow> = {}): CustomerRow => ({
      name, email, emailNorm: email, phone: null, phoneNorm: null, company: null, city: null, country: null, language: 'en', languageGiven: false,
      tags: [], note: null, createdAt: null, consentEmail: undefined, consentSms: undefined, consentWechat: undefined, ...more,
    });
    core.sqlite.exec('BEGIN');
    const ann = store.upsert(row('Ann Lee', 'ann@x.com'), 2).id;
    store.upsert(row('Bob Wu', 'bob@x.com'), 3);
    // What the importer does while the reader is behind: both rows are written now.
    scope.ahead();
    expect(search(core.sqlite, 'Ann').customers.map((c) => c.id)).toEqual([ann]);
    // Further down the file, Ann gains a city, a company and a tag; Cai is new.
    expect(store.upsert(row('Ann Lee', 'ann@x.com', { city: 'Lyon', company: 'Longjing Tea', tags: ['VIP'] }), 4).action).toBe('merged');
    store.upsert(row('Cai Li', 'cai@x.com'), 5);
    scope.finish();
    core.sqlite.exec('COMMIT');
    for (const q of ['Lyon', 'Longjing', 'VIP', 'Ann']) expect(search(core.sqlite, q).customers.map((c) => c.id)).toEqual([ann]);
    expect(search(core.sqlite, 'Cai').customers.map((c) => c.name)).toEqual(['Cai Li']);
    // One search row per customer: none left behind by the rewrite, none missing.
    expect(core.sqlite.prepare(`SELECT count(*) FROM customers_fts WHERE customers_fts MATCH 'x'`).pluck().get()).toBe(3);
  });
});

describe('templates and uploads', () => {
  it('a saved mapping is offered for a file whose headers fit it, wherever the columns are', async () => {
    const { core } = fresh();
    saveTemplate(core.db, { name: 'Shop export', kind: 'customers', mapping: { name: 0, email: 2 }, headers: ['会员名', '等级', '电子邮箱'], options: { onMatch: 'overwrite' } });
    const match = matchTemplate(core.db, ['电子邮箱', '积分', '会员名']);
    expect(match).toMatchObject({ name: 'Shop export', kind: 'customers', mapping: { name: 2, email: 0 }, options: { onMatch: 'overwrite' } });
    expect(matchTemplate(core.db, ['Name', 'Email'])).toBeNull();
  });

  it('a file sent in chunks arrives whole and imports', async () => {
    const { core } = fresh();
    const bytes = Buffer.from('\ufeff姓名,邮箱\n王芳,wf@qq.com\n李雷,ll@163.com\n');
    const { uploadId } = uploadStart(core.paths.dataDir, { fileName: '../客户 list.csv', size: bytes.length });
    uploadChunk(core.paths.dataDir, { uploadId, offset: 0, data: bytes.subarray(0, 10).toString('base64') });
    expect(() => uploadChunk(core.paths.dataDir, { uploadId, offset: 0, data: 'AAAA' })).toThrow(/does not follow on/);
    uploadChunk(core.paths.dataDir, { uploadId, offset: 10, data: bytes.subarray(10).toString('base64') });
    const { path, size } = uploadFinish(core.paths.dataDir, { uploadId });
    expect(size).toBe(bytes.length);
    expect(path.startsWith(join(core.paths.dataDir, 'imports', 'uploads'))).toBe(true);
    expect(path.endsWith('客户 list.csv')).toBe(true);
    const { summary } = await importJob(core, { source: { path }, kind: 'customers', mapping: { name: 0, email: 1 } });
    expect(summary.customers.created).toBe(2);
  });
});
