// One write path per record type: the UI's single-record calls, the import and the sample shop
// share one definition of a valid customer and one find-or-create of companies and tags; derived
// state (search rows, metrics, "customer since") follows every write through the hooks; every
// write is announced on the change bus after its commit and never after a rollback; spend is one
// computation; and what a new user ran into (names, language, "since", phones, undo) is mended.
import type Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import { changeBus } from '../../src-main/core/changes/bus';
import type { Core } from '../../src-main/core/core';
import { createCustomer, deleteCustomer, getCustomer, updateCustomer } from '../../src-main/core/customers/service';
import { patronRouter } from '../../src-main/core/router';
import { createCallerFactory, toErrorShape } from '../../src-main/core/trpc';
import { logInteraction } from '../../src-main/core/interactions/service';
import { addNote, deleteNote, restoreNote } from '../../src-main/core/notes/service';
import { addOrder } from '../../src-main/core/orders/write';
import { dayOf } from '../../src-main/core/sample/calendar';
import { buildCatalog } from '../../src-main/core/sample/catalog';
import { generateChunk } from '../../src-main/core/sample/generate-chunk';
import { indexCatalog } from '../../src-main/core/sample/history';
import { chunkWriter, insertCatalog } from '../../src-main/core/sample/insert-chunk';
import { search } from '../../src-main/core/search/service';
import { tagCustomer, untagCustomer } from '../../src-main/core/tags/service';
import { addTask, deleteTask, restoreTask } from '../../src-main/core/tasks/service';
import { importJob } from '../fixtures/import-files-run';
import { freshCores } from './temp-core';

const fresh = freshCores();

const DAY = 86_400_000;
const CUSTOMER_MAPPING = { name: 0, email: 1, phone: 2, city: 3, company: 4, tags: 5 };
const CUSTOMER_HEAD = 'Name,Email,Phone,City,Company,Tags';
const ORDER_MAPPING = { order_no: 0, ordered_at: 1, customer_email: 2, product_name: 3, quantity: 4, unit_price: 5, status: 6 };
const ORDER_HEAD = 'Order,Date,Email,Product,Qty,Price,Status';

function file(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const importCustomers = (core: Core, path: string) => importJob(core, { source: { path }, kind: 'customers', mapping: CUSTOMER_MAPPING });
const importOrders = (core: Core, path: string) => importJob(core, { source: { path }, kind: 'orders', mapping: ORDER_MAPPING });

/** The field issues of the error `fn` throws, as they cross the boundary. */
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    return toErrorShape(err).issues?.map(({ field, code, params }) => ({ field, code, params }));
  }
  throw new Error('expected the write to be refused');
}

/** One chunk of the sample shop, with `edit` applied to its first customer, written as the job writes it. */
function writeSampleChunk(sqlite: Database.Database, edit: (c: { email: string | null; phone: string | null }) => void = () => {}) {
  const catalog = buildCatalog(7);
  insertCatalog(sqlite, catalog);
  const anchor = Date.UTC(2026, 2, 1);
  const chunk = generateChunk({ seed: 7, anchor, anchorDay: dayOf(anchor), catalog, byCategory: indexCatalog(catalog) }, 0, 20, 20);
  edit(chunk[0]);
  sqlite.transaction(() => chunkWriter(sqlite, catalog)(chunk))();
  return chunk;
}

const customerBy = (sqlite: Database.Database, where: string, ...params: unknown[]) =>
  sqlite
    .prepare(
      `SELECT id, name, phone, language, created_at AS createdAt, total_spent_cents AS spent, order_count AS orders,
              first_order_at AS firstOrder, last_order_at AS lastOrder FROM customers WHERE ${where}`,
    )
    .get(...params) as { id: number; name: string; phone: string | null; language: string; createdAt: number; spent: number; orders: number; firstOrder: number | null; lastOrder: number | null };

describe('one definition of a valid customer', () => {
  it('the form, the import and the sample shop refuse the same bad email and phone for the same reason', async () => {
    const { core, dir } = fresh();
    const expected = [
      { field: 'email', code: 'email_invalid', params: { value: 'mei.lin.at.example' } },
      { field: 'phone', code: 'phone_invalid', params: { value: 'call me' } },
    ];

    // The form (single-record mode): every wrong field at once, as codes.
    expect(issuesOf(() => createCustomer(core.sqlite, { name: 'Mei Lin', email: 'mei.lin.at.example', phone: 'call me' }))).toEqual(expected);

    // Through the form's call (the router): every wrong field at once, the empty name too.
    const caller = createCallerFactory(patronRouter)({ core });
    const shape = await caller.customers.create({ name: ' ', email: 'mei.lin.at.example', phone: 'call me' }).then(
      () => null,
      (err: unknown) => toErrorShape(err),
    );
    expect(shape?.issues?.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'name', code: 'required', params: {} },
      ...expected,
    ]);

    // The import: the same codes on the same fields (one per row, its first problem).
    const path = file(dir, 'bad.csv', `${CUSTOMER_HEAD}\nMei Lin,mei.lin.at.example,,,,\nMei Lin,,call me,,,\n`);
    const { summary } = await importCustomers(core, path);
    expect(summary.rejects.map(({ field, code, params }) => ({ field, code, params }))).toEqual(expected);

    // The sample shop (bulk mode): a generated customer with the same details is refused alike.
    expect(issuesOf(() => writeSampleChunk(core.sqlite, (c) => ((c.email = 'mei.lin.at.example'), (c.phone = 'call me'))))).toEqual(expected);
    expect(core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
  });
});

describe('one find-or-create of companies and tags', () => {
  it('a company and a tag made in the form are the ones the import and the sample shop use', async () => {
    const { core, dir } = fresh();
    const mine = createCustomer(core.sqlite, { name: 'Zhou Min', company: 'Longjing Tea Co' }).id;
    const vip = tagCustomer(core.sqlite, mine, 'VIP', 'red');
    await importCustomers(core, file(dir, 'c.csv', `${CUSTOMER_HEAD}\nAnn Lee,ann@example.com,,Lyon,Longjing Tea Co,VIP; New\n`));
    writeSampleChunk(core.sqlite);
    const companies = core.sqlite.prepare(`SELECT count(*) FROM companies WHERE name = 'Longjing Tea Co'`).pluck().get();
    const vips = core.sqlite.prepare(`SELECT id, color FROM tags WHERE name = 'VIP'`).all();
    expect(companies).toBe(1);
    expect(vips).toEqual([{ id: vip.id, color: 'red' }]);
    const ann = customerBy(core.sqlite, 'email = ?', 'ann@example.com');
    expect(getCustomer(core.sqlite, ann.id).company).toBe('Longjing Tea Co');
    expect(getCustomer(core.sqlite, ann.id).tags.map((t) => t.id)).toContain(vip.id);
  });
});

describe('derived state follows every write', () => {
  it('search rows follow single writes: create, edit, tag, untag, message, delete', () => {
    const { core } = fresh();
    const s = core.sqlite;
    const names = (q: string) => search(s, q).customers.map((c) => c.name);
    const id = createCustomer(s, { name: '李娜', city: '杭州' }).id;
    expect(names('杭州')).toEqual(['李娜']);
    updateCustomer(s, id, { name: '李娜', city: '苏州' });
    expect(names('杭州')).toEqual([]);
    expect(names('苏州')).toEqual(['李娜']);
    const tag = tagCustomer(s, id, 'Wholesale');
    expect(names('Wholesale')).toEqual(['李娜']);
    untagCustomer(s, id, tag.id);
    expect(names('Wholesale')).toEqual([]);
    logInteraction(s, { customerId: id, channel: 'wechat', direction: 'inbound', body: '请问龙井什么时候到货' });
    expect(search(s, '龙井').interactions).toHaveLength(1);
    deleteCustomer(s, id);
    expect(names('苏州')).toEqual([]);
    expect(search(s, '龙井').interactions).toHaveLength(0);
  });

  it('search rows and metrics follow bulk writes, merges included', async () => {
    const { core, dir } = fresh();
    const s = core.sqlite;
    const ann = createCustomer(s, { name: 'Ann Lee', email: 'ann@example.com' }).id;
    // A customer file merges into Ann (city, tag) and creates Bob.
    await importCustomers(core, file(dir, 'c.csv', `${CUSTOMER_HEAD}\nAnn Lee,ANN@example.com,,Lyon,,Gift buyer\nBob Wu,bob@example.com,,Beijing,,\n`));
    expect(search(s, 'Lyon').customers.map((c) => c.id)).toEqual([ann]);
    expect(search(s, 'Gift').customers.map((c) => c.id)).toEqual([ann]);
    expect(search(s, 'Beijing').customers.map((c) => c.name)).toEqual(['Bob Wu']);
    // An orders file: Ann (from before) and Bob (from the last import) get their metrics.
    await importOrders(core, file(dir, 'o.csv', `${ORDER_HEAD}\nA-1,2024-03-01,ann@example.com,Green tea,2,10,paid\nA-2,2024-04-01,bob@example.com,Oolong,1,25,paid\n`));
    expect(customerBy(s, 'id = ?', ann)).toMatchObject({ spent: 2000, orders: 1 });
    expect(customerBy(s, 'email = ?', 'bob@example.com')).toMatchObject({ spent: 2500, orders: 1 });
  });
});

describe('change events', () => {
  function listen(sqlite: Database.Database) {
    const events: ChangeEvent[] = [];
    const off = changeBus(sqlite).on((e) => events.push(e));
    return { events, off, changes: () => events.flatMap((e) => e.changes) };
  }

  it('every single-record write emits its change after it commits, naming records and customers', () => {
    const { core } = fresh();
    const s = core.sqlite;
    const seen = listen(s);
    let inside = -1;
    const off = changeBus(s).on(() => (inside = Number(s.inTransaction)));
    const id = createCustomer(s, { name: 'Ann Lee' }).id;
    expect(inside).toBe(0);
    off();
    const note = addNote(s, id, 'Prefers WeChat');
    const task = addTask(s, { customerId: id, title: 'Call back' });
    const order = addOrder(s, { customerId: id, orderNo: 'M-1', orderedAt: Date.UTC(2024, 0, 5), lines: [{ name: 'Tea', quantity: 1, unitPriceCents: 500 }] });
    const message = logInteraction(s, { customerId: id, channel: 'email', direction: 'inbound', body: 'Hello' });
    const tag = tagCustomer(s, id, 'VIP');
    expect(seen.changes()).toEqual([
      { type: 'customer', op: 'create', ids: [id], customerIds: [id] },
      { type: 'note', op: 'create', ids: [note.id], customerIds: [id] },
      { type: 'task', op: 'create', ids: [task.id], customerIds: [id] },
      { type: 'order', op: 'create', ids: [order.id], customerIds: [id] },
      { type: 'interaction', op: 'create', ids: [message.id], customerIds: [id] },
      { type: 'tag', op: 'update', ids: [tag.id], customerIds: [id] },
    ]);
    expect(seen.events.map((e) => e.seq)).toEqual([...seen.events.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('a write that fails, or one inside a transaction that rolls back, emits nothing', () => {
    const { core } = fresh();
    const s = core.sqlite;
    createCustomer(s, { name: 'Ann Lee', email: 'ann@example.com' });
    const seen = listen(s);
    expect(() => createCustomer(s, { name: 'Someone', email: 'ANN@example.com' })).toThrow(/already has/);
    expect(() =>
      changeBus(s).write(() => {
        createCustomer(s, { name: 'Rolled Back' });
        throw new Error('undo everything');
      }),
    ).toThrow('undo everything');
    expect(seen.events).toEqual([]);
    expect(s.prepare(`SELECT count(*) FROM customers WHERE name = 'Rolled Back'`).pluck().get()).toBe(0);
  });

  it('an import records one bulk change per record type, emitted after its commit; a dry run emits nothing', async () => {
    const { core, dir } = fresh();
    const seen = listen(core.sqlite);
    const path = file(dir, 'o.csv', `${ORDER_HEAD}\nA-1,2024-03-01,ann@example.com,Green tea,2,10,paid\n`);
    await importJob(core, { source: { path }, kind: 'orders', mapping: ORDER_MAPPING, dryRun: true });
    expect(seen.changes().filter((c) => c.op === 'bulk')).toEqual([]);
    await importOrders(core, path);
    const bulk = seen.changes().filter((c) => c.op === 'bulk');
    // 'segments': the recompute that follows a bulk write (segments/recompute-job.ts followData);
    // 'predictions': the run that follows each segments run (predict/recompute-job.ts).
    expect(bulk.map((c) => c.type).sort()).toEqual(['customer', 'order', 'predictions', 'segments']);
  });
});

describe('one computation of spend', () => {
  it('orders imported and the same orders added one by one give the same metrics', async () => {
    const { core, dir } = fresh();
    const s = core.sqlite;
    const orders = [
      { no: 'S-1', at: '2023-01-10', email: 'imp@example.com', qty: 2, price: 100, status: 'paid' },
      { no: 'S-2', at: '2024-06-01', email: 'imp@example.com', qty: 1, price: 300, status: 'refunded' },
      { no: 'S-3', at: '2024-02-01', email: 'imp@example.com', qty: 3, price: 50, status: 'cancelled' },
      { no: 'S-4', at: '2024-05-01', email: 'imp@example.com', qty: 1, price: 999, status: 'paid' },
    ];
    await importOrders(core, file(dir, 'o.csv', `${ORDER_HEAD}\n${orders.map((o) => `${o.no},${o.at},${o.email},Tea,${o.qty},${o.price},${o.status}`).join('\n')}\n`));
    const single = createCustomer(s, { name: 'By hand', email: 'hand@example.com' }).id;
    for (const o of orders) {
      addOrder(s, {
        customerId: single,
        orderNo: `H${o.no}`,
        orderedAt: Date.parse(`${o.at}T00:00:00`),
        status: o.status as 'paid' | 'refunded' | 'cancelled',
        lines: [{ name: 'Tea', quantity: o.qty, unitPriceCents: o.price * 100 }],
      });
    }
    const pick = ({ spent, orders: n, firstOrder, lastOrder }: ReturnType<typeof customerBy>) => ({ spent, n, firstOrder, lastOrder });
    const imported = pick(customerBy(s, 'email = ?', 'imp@example.com'));
    expect(imported).toEqual({ spent: 119_900, n: 2, firstOrder: Date.parse('2023-01-10T00:00:00'), lastOrder: Date.parse('2024-05-01T00:00:00') });
    expect(pick(customerBy(s, 'id = ?', single))).toEqual(imported);
  });
});

describe('what a new user ran into', () => {
  it('a customer created by an orders import is a customer since its first order, not since the import', async () => {
    const { core, dir } = fresh();
    const twoYearsAgo = new Date(Date.now() - 730 * DAY).toISOString().slice(0, 10);
    const lastYear = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);
    await importOrders(core, file(dir, 'o.csv', `${ORDER_HEAD}\nB-2,${lastYear},li.wei@example.com,Tea,1,10,paid\nB-1,${twoYearsAgo},li.wei@example.com,Tea,1,10,refunded\n`));
    const c = customerBy(core.sqlite, 'email = ?', 'li.wei@example.com');
    expect(new Date(c.createdAt).toISOString().slice(0, 10)).toBe(twoYearsAgo);
    // A message older still moves it back again; one from today does not move it forward.
    logInteraction(core.sqlite, { customerId: c.id, channel: 'email', direction: 'inbound', body: 'hello', occurredAt: c.createdAt - 10 * DAY });
    logInteraction(core.sqlite, { customerId: c.id, channel: 'email', direction: 'inbound', body: 'again' });
    expect(customerBy(core.sqlite, 'id = ?', c.id).createdAt).toBe(c.createdAt - 10 * DAY);
  });

  it('a customer’s language is guessed from their name and what they wrote, unless someone chose it', async () => {
    const { core, dir } = fresh();
    const s = core.sqlite;
    expect(customerBy(s, 'id = ?', createCustomer(s, { name: '王小明' }).id).language).toBe('zh');
    expect(customerBy(s, 'id = ?', createCustomer(s, { name: 'Wang Xiaoming' }).id).language).toBe('en');
    expect(customerBy(s, 'id = ?', createCustomer(s, { name: '王大明', language: 'en' }).id).language).toBe('en');
    // Known only by an email, but they wrote in Chinese.
    const path = file(dir, 'm.csv', 'Date,Email,Direction,Message\n2024-03-01,xm@example.com,inbound,你好，我想问一下龙井的价格\n2024-03-01,tom@example.com,inbound,Hello there\n');
    await importJob(core, { source: { path }, kind: 'interactions', mapping: { occurred_at: 0, customer_email: 1, direction: 2, body: 3 } });
    expect(customerBy(s, 'email = ?', 'xm@example.com').language).toBe('zh');
    expect(customerBy(s, 'email = ?', 'tom@example.com').language).toBe('en');
  });

  it('a phone number is stored in one format whichever way it came in', async () => {
    const { core, dir } = fresh();
    const s = core.sqlite;
    await importCustomers(core, file(dir, 'c.csv', `${CUSTOMER_HEAD}\nZhang Wei,,15100000056,,,\nEmily Clark,,+44 20 7946 0000,,,\n`));
    expect(customerBy(s, `name = 'Zhang Wei'`).phone).toBe('+86 151 0000 0056');
    expect(customerBy(s, `name = 'Emily Clark'`).phone).toBe('+44 20 7946 0000');
    const typed = createCustomer(s, { name: 'Typed', phone: '138-0013-8000' }).id;
    expect(customerBy(s, 'id = ?', typed).phone).toBe('+86 138 0013 8000');
    const chunk = writeSampleChunk(s);
    const samplePhones = s.prepare(`SELECT phone FROM customers WHERE source = 'sample'`).pluck().all() as string[];
    expect(samplePhones).toHaveLength(chunk.length);
    for (const p of samplePhones) expect(p).toMatch(/^\+\d{1,3} \d/);
  });

  it('a deleted note or task comes back whole, with its id and times, and a removed tag comes back by name', () => {
    const { core } = fresh();
    const s = core.sqlite;
    const id = createCustomer(s, { name: 'Ann Lee' }).id;
    const note = addNote(s, id, 'Allergic to nuts', 1_500);
    const removed = deleteNote(s, note.id);
    expect(s.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    restoreNote(s, removed);
    expect(s.prepare('SELECT id, body, created_at AS at FROM notes').all()).toEqual([{ id: note.id, body: 'Allergic to nuts', at: 1_500 }]);
    const task = addTask(s, { customerId: id, title: 'Call back', dueAt: 9_000 });
    const gone = deleteTask(s, task.id);
    restoreTask(s, gone);
    expect(s.prepare('SELECT id, title, due_at AS dueAt, created_at AS at FROM tasks').all()).toEqual([{ id: task.id, title: 'Call back', dueAt: 9_000, at: task.createdAt }]);
    const tag = tagCustomer(s, id, 'VIP', 'grape');
    const off = untagCustomer(s, id, tag.id);
    tagCustomer(s, id, off.name, off.color);
    expect(getCustomer(s, id).tags).toEqual([{ id: tag.id, name: 'VIP', color: 'grape' }]);
  });
});
