// Smart lists (core/lists/): saved through the one write path with a 'list' change event, names
// unique and trimmed, removal returning what undo needs; a list opens as the customer list (ANDed
// with its other filters) and exports the same rows; and it stays current as the data changes,
// because it is stored as its filter.
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { changeBus } from '../../src-main/core/changes/bus';
import { listCustomers } from '../../src-main/core/customers/service';
import { createCustomer } from '../../src-main/core/customers/write';
import { exportList } from '../../src-main/core/export/export-list';
import { exportInput } from '../../src-main/core/export/schemas';
import { compileFilter } from '../../src-main/core/lists/filter-sql';
import { countFilter } from '../../src-main/core/lists/service';
import { addOrder } from '../../src-main/core/orders/write';
import { patronRouter } from '../../src-main/core/router';
import { analysisAsOf } from '../../src-main/core/segments/analysis-date';
import { tagCustomer } from '../../src-main/core/tags/service';
import { createCallerFactory, toErrorShape } from '../../src-main/core/trpc';
import type { ChangeEvent } from '../../src-main/shared/change-kinds';
import type { Filter } from '../../src-main/shared/filters';
import { tempCore } from './temp-core';

const at = (iso: string) => Date.parse(`${iso}Z`);

let env: ReturnType<typeof tempCore>;
let core: Core;
const makeCaller = (c: Core) => createCallerFactory(patronRouter)({ core: c });
let caller: ReturnType<typeof makeCaller>;
const ids: Record<string, number> = {};

const shanghaiBigSpenders: Filter = {
  match: 'all',
  conditions: [
    { field: 'city', op: 'is', value: '上海' },
    { field: 'total_spent', op: 'gte', value: 1000 },
  ],
};

beforeAll(() => {
  env = tempCore({ noResume: true });
  core = env.core;
  caller = makeCaller(core);
  const s = core.sqlite;
  s.prepare("INSERT INTO settings (key, value) VALUES ('analysisDate', ?)").run(JSON.stringify('2024-06-30'));
  const people: [string, string | null, number[]][] = [
    ['王芳', '上海', [1299_00, 25_50]],
    ['王伟', '上海', [500_00]],
    ['Ann Lee', '上海', [2000_00]],
    ['李雷', '北京', [3000_00]],
    ['Zoe', '上海', []],
  ];
  let n = 0;
  for (const [name, city, totals] of people) {
    ids[name] = createCustomer(s, { name, city }).id;
    for (const cents of totals) {
      addOrder(s, { customerId: ids[name], orderNo: `T${++n}`, orderedAt: at(`2024-0${(n % 5) + 1}-10T10:00`), lines: [{ name: 'Tea', quantity: 1, unitPriceCents: cents }] });
    }
  }
  tagCustomer(s, ids['Ann Lee'], 'VIP');
});
afterAll(() => env.cleanup());

const shapeOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => toErrorShape(err),
  );

describe('lists: saved filters through the one write path', () => {
  it('creates, reads with a live count, renames, edits and removes, each a "list" change after commit', async () => {
    const events: ChangeEvent[] = [];
    const off = changeBus(core.sqlite).on((e) => events.push(e));
    const { id } = await caller.lists.create({ name: '  Shanghai big spenders ', filter: shanghaiBigSpenders });
    expect(events.at(-1)?.changes).toEqual([{ type: 'list', op: 'create', ids: [id], customerIds: [] }]);

    expect(await caller.lists.get({ id })).toMatchObject({ id, name: 'Shanghai big spenders', filter: shanghaiBigSpenders, count: 2, updatedAt: null });
    expect((await caller.lists.count({ filter: shanghaiBigSpenders })).count).toBe(2);

    await caller.lists.update({ id, name: 'Shanghai 1000+' });
    expect(events.at(-1)?.changes).toEqual([{ type: 'list', op: 'update', ids: [id], customerIds: [] }]);
    const tagged: Filter = { match: 'all', conditions: [...shanghaiBigSpenders.conditions, { field: 'tag', op: 'in', value: ['VIP'] }] };
    await caller.lists.update({ id, filter: tagged });
    const got = await caller.lists.get({ id });
    expect(got).toMatchObject({ name: 'Shanghai 1000+', filter: tagged, count: 1 });
    expect(got.updatedAt).toBeGreaterThan(0);

    // Nothing changed: nothing recorded.
    const before = events.length;
    await caller.lists.update({ id, name: 'Shanghai 1000+' });
    expect(events.length).toBe(before);

    expect(await caller.lists.remove({ id })).toEqual({ name: 'Shanghai 1000+', filter: tagged });
    expect(events.at(-1)?.changes).toEqual([{ type: 'list', op: 'delete', ids: [id], customerIds: [] }]);
    expect(await shapeOf(caller.lists.get({ id }))).toMatchObject({ code: 'not_found' });
    off();
  });

  it('undo of a removal is a create with what remove returned', async () => {
    const { id } = await caller.lists.create({ name: 'Beijing', filter: { match: 'all', conditions: [{ field: 'city', op: 'is', value: '北京' }] } });
    const removed = await caller.lists.remove({ id });
    const again = await caller.lists.create(removed);
    expect(await caller.lists.get({ id: again.id })).toMatchObject({ name: 'Beijing', count: 1 });
    await caller.lists.remove({ id: again.id });
  });

  it('refuses a name another list has (ignoring case), an empty or too long name, and an invalid filter', async () => {
    const { id } = await caller.lists.create({ name: 'VIP', filter: { match: 'all', conditions: [{ field: 'tag', op: 'in', value: ['VIP'] }] } });
    expect(await shapeOf(caller.lists.create({ name: ' vip ', filter: { match: 'all', conditions: [] } }))).toMatchObject({
      code: 'list_name_taken',
      params: { name: 'vip' },
    });
    const other = await caller.lists.create({ name: 'Everyone', filter: { match: 'all', conditions: [] } });
    expect(await shapeOf(caller.lists.update({ id: other.id, name: 'VIP' }))).toMatchObject({ code: 'list_name_taken' });
    // Its own name is not a clash.
    await caller.lists.update({ id, name: 'VIP' });
    expect(await shapeOf(caller.lists.create({ name: '   ', filter: { match: 'all', conditions: [] } }))).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect(await shapeOf(caller.lists.create({ name: 'x'.repeat(101), filter: { match: 'all', conditions: [] } }))).toMatchObject({ code: 'invalid_input' });
    const bad = { match: 'all', conditions: [{ field: 'income', op: 'gt', value: 5 }] } as unknown as Filter;
    expect(await shapeOf(caller.lists.create({ name: 'Rich', filter: bad }))).toMatchObject({ code: 'filter_invalid', params: { reason: 'unknown_field', field: 'income' } });
    expect(await shapeOf(caller.lists.update({ id, filter: bad }))).toMatchObject({ code: 'filter_invalid' });
    expect(await shapeOf(caller.lists.count({ filter: bad }))).toMatchObject({ code: 'filter_invalid', params: { field: 'income' } });
    expect(await shapeOf(caller.lists.remove({ id: 999_999 }))).toMatchObject({ code: 'not_found' });

    const all = await caller.lists.all();
    expect(all.map((l) => [l.name, l.count])).toEqual([
      ['Everyone', 5],
      ['VIP', 1],
    ]);
    for (const l of all) await caller.lists.remove({ id: l.id });
  });
});

describe('a list as the customer list and its export', () => {
  it('customers.list with a listId or a filter shows what the compiled filter counts, ANDed with the other filters', async () => {
    const { id } = await caller.lists.create({ name: 'Shanghai 1000+', filter: shanghaiBigSpenders });
    const { asOf } = analysisAsOf(core.sqlite);
    const { sql, params } = compileFilter(shanghaiBigSpenders, { asOf });
    const expected = (core.sqlite.prepare(`SELECT c.name FROM customers c WHERE ${sql}`).pluck().all(...params) as string[]).sort();
    expect(expected).toEqual(['Ann Lee', '王芳']);

    const byList = await caller.customers.list({ listId: id });
    expect(byList.total).toBe(expected.length);
    expect(byList.rows.map((r) => r.name).sort()).toEqual(expected);
    expect((await caller.customers.list({ filter: shanghaiBigSpenders })).rows.map((r) => r.name).sort()).toEqual(expected);
    expect(countFilter(core.sqlite, shanghaiBigSpenders)).toBe(expected.length);

    // ANDed with the search, the tag and a further filter.
    expect((await caller.customers.list({ listId: id, search: '王' })).rows.map((r) => r.name)).toEqual(['王芳']);
    const vip = core.sqlite.prepare("SELECT id FROM tags WHERE name = 'VIP'").pluck().get() as number;
    expect((await caller.customers.list({ listId: id, tagId: vip })).rows.map((r) => r.name)).toEqual(['Ann Lee']);
    const r = await caller.customers.list({ listId: id, filter: { match: 'all', conditions: [{ field: 'name', op: 'contains', value: 'ann' }] } });
    expect([r.rows.map((x) => x.name), r.total]).toEqual([['Ann Lee'], 1]);
    // An empty filter adds nothing.
    expect((await caller.customers.list({ filter: { match: 'all', conditions: [] } })).total).toBe(5);

    expect(await shapeOf(caller.customers.list({ listId: 999_999 }))).toMatchObject({ code: 'not_found' });
    expect(await shapeOf(caller.customers.list({ filter: { match: 'all', conditions: [{ field: 'city', op: 'gt', value: 1 }] } as unknown as Filter }))).toMatchObject({
      code: 'filter_invalid',
      params: { reason: 'bad_op' },
    });
  });

  it('stays current: a new order moves a customer into the list, with no write to the list', () => {
    const listId = core.sqlite.prepare("SELECT id FROM smart_lists WHERE name = 'Shanghai 1000+'").pluck().get() as number;
    expect(listCustomers(core.sqlite, { listId }).total).toBe(2);
    addOrder(core.sqlite, { customerId: ids['王伟'], orderNo: 'T-new', orderedAt: at('2024-06-01T10:00'), lines: [{ name: 'Tea', quantity: 1, unitPriceCents: 600_00 }] });
    expect(listCustomers(core.sqlite, { listId, sort: 'name' }).rows.map((r) => r.name).sort()).toEqual(['Ann Lee', '王伟', '王芳']);
  });

  it('exports the list: the same customers in the same order as the list shows', async () => {
    const listId = core.sqlite.prepare("SELECT id FROM smart_lists WHERE name = 'Shanghai 1000+'").pluck().get() as number;
    const shown = listCustomers(core.sqlite, { listId, sort: 'totalSpent', dir: 'desc' }).rows.map((r) => r.name);
    const out = await exportList(core.sqlite, core.paths.dataDir, exportInput.parse({ list: { kind: 'customers', filter: { listId, sort: 'totalSpent', dir: 'desc' } }, path: join(env.dir, 'list.csv') }));
    const rows = Papa.parse<string[]>(readFileSync(out.path, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(out.rows).toBe(shown.length);
    expect(rows.slice(1).map((r) => r[0])).toEqual(shown);
    expect(shown).toEqual(['Ann Lee', '王芳', '王伟']);
  });
});
