// The dashboard's sales per day (sales_days, product_days) stay equal to a from-scratch GROUP BY
// over the orders after every kind of write that adds, removes or re-prices orders: an order
// added through the API, an import, the sample shop loaded and removed, a customer deleted with
// its orders, a currency rate set, the shop currency changed; and a database that had orders
// before the tables existed gets them built at start.
import { join } from 'node:path';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { setRate, setShopCurrency } from '../../src-main/core/money/service';
import { patronRouter } from '../../src-main/core/router';
import { removeSampleData, SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { writeOrderLines } from '../fixtures/import-files';
import { importJob } from '../fixtures/import-files-run';
import { freshCores, openCore, tempDir } from './temp-core';

const fresh = freshCores();
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

// Written here independently of sales-days.ts: what the two tables must hold. Amounts in the shop
// currency, rounded per order (per line for products); orders without a rate counted aside.
const RATE = `(SELECT rate FROM currency_rates r WHERE r.currency = o.currency)`;
const SHOP = `coalesce((SELECT value ->> '$' FROM settings WHERE key = 'shop_currency'), 'CNY')`;
const conv = (cents: string) => `CASE WHEN o.currency = ${SHOP} THEN ${cents} ELSE CAST(round(${cents} * ${RATE}) AS INTEGER) END`;
const DAY = `date(o.ordered_at / 1000, 'unixepoch', 'localtime')`;

function expected(sqlite: Database.Database) {
  const sales = sqlite
    .prepare(
      `SELECT ${DAY} AS day, coalesce(sum(${conv('o.total_cents')}), 0) AS revenue_cents, count(*) AS orders,
         count(*) FILTER (WHERE o.currency <> ${SHOP} AND ${RATE} IS NULL) AS unconverted
       FROM orders o WHERE o.status = 'paid' GROUP BY day ORDER BY day`,
    )
    .all();
  const products = sqlite
    .prepare(
      `SELECT ${DAY} AS day, coalesce(CAST(i.product_id AS TEXT), 'name:' || i.product_name) AS item, i.product_id, max(i.product_name) AS product_name,
         coalesce(sum(${conv('i.quantity * i.unit_price_cents')}), 0) AS revenue_cents, sum(i.quantity) AS quantity
       FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.status = 'paid' GROUP BY day, item ORDER BY day, item`,
    )
    .all();
  return { sales, products };
}

function kept(sqlite: Database.Database) {
  return {
    sales: sqlite.prepare('SELECT day, revenue_cents, orders, unconverted FROM sales_days ORDER BY day').all(),
    products: sqlite.prepare('SELECT day, item, product_id, product_name, revenue_cents, quantity FROM product_days ORDER BY day, item').all(),
  };
}

const ordersIn = (days: unknown[]) => (days as { orders: number }[]).reduce((n, d) => n + d.orders, 0);

function expectInStep(sqlite: Database.Database) {
  const want = expected(sqlite);
  expect(kept(sqlite)).toEqual(want);
  return want;
}

describe('sales per day follow every write', () => {
  it('an order added through the API, in another currency, without and with a rate; a customer deleted', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    const sqlite = core.sqlite;
    const tea = Number(sqlite.prepare("INSERT INTO products (sku, name, category, price_cents) VALUES ('A', 'Green tea', 'Tea', 5000)").run().lastInsertRowid);
    const ann = (await api.customers.create({ name: 'Ann' })).id;
    const bob = (await api.customers.create({ name: 'Bob' })).id;
    await api.orders.add({ customerId: ann, orderNo: 'T-1', orderedAt: at(2024, 3, 5), lines: [{ productId: tea, name: 'Green tea', quantity: 2, unitPriceCents: 5000 }] });
    // The same day: added onto the day's row.
    await api.orders.add({ customerId: bob, orderNo: 'T-2', orderedAt: at(2024, 3, 5, 20), lines: [{ productId: tea, name: 'Green tea', quantity: 1, unitPriceCents: 4999 }, { name: 'Gift box', quantity: 1, unitPriceCents: 800 }] });
    await api.orders.add({ customerId: bob, orderNo: 'T-3', orderedAt: at(2024, 3, 6), status: 'refunded', lines: [{ productId: tea, name: 'Green tea', quantity: 9, unitPriceCents: 5000 }] });
    await api.orders.add({ customerId: bob, orderNo: 'T-4', orderedAt: at(2024, 3, 7), currency: 'EUR', lines: [{ productId: tea, name: 'Green tea', quantity: 3, unitPriceCents: 333 }] });
    const want = expectInStep(sqlite);
    expect(want.sales).toEqual([
      { day: '2024-03-05', revenue_cents: 10_000 + 5_799, orders: 2, unconverted: 0 },
      { day: '2024-03-07', revenue_cents: 0, orders: 1, unconverted: 1 },
    ]);
    expect(want.products).toContainEqual({ day: '2024-03-05', item: 'name:Gift box', product_id: null, product_name: 'Gift box', revenue_cents: 800, quantity: 1 });

    setRate(sqlite, 'EUR', 7.83);
    // 999 cents × 7.83 = 7,822.17 → 7,822.
    expect(expectInStep(sqlite).sales[1]).toEqual({ day: '2024-03-07', revenue_cents: 7_822, orders: 1, unconverted: 0 });
    setShopCurrency(sqlite, 'EUR');
    expectInStep(sqlite);
    setShopCurrency(sqlite, 'CNY');

    await api.customers.delete({ id: bob });
    expect(expectInStep(sqlite).sales).toEqual([{ day: '2024-03-05', revenue_cents: 10_000, orders: 1, unconverted: 0 }]);
  });

  it('an import of orders, then the same file again (nothing new), then more orders', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'lines.csv');
    writeOrderLines(file, 1500, { customers: 400 });
    const mapping = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };
    await importJob(core, { source: { path: file }, kind: 'orders', mapping });
    const first = expectInStep(core.sqlite);
    expect(ordersIn(first.sales)).toBe(1500);
    await importJob(core, { source: { path: file }, kind: 'orders', mapping });
    expect(kept(core.sqlite)).toEqual(first);
    // A second file: its orders fall on days that already have sales, and are added onto them.
    const more = join(dir, 'more.csv');
    writeOrderLines(more, 300, { customers: 400, seed: 11 });
    writeFileSync(more, readFileSync(more, 'utf8').replace(/^SO/gm, 'SX'));
    await importJob(core, { source: { path: more }, kind: 'orders', mapping });
    expect(ordersIn(expectInStep(core.sqlite).sales)).toBe(1800);
  });

  it('the sample shop loaded, then removed', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    const mine = (await api.customers.create({ name: 'Zhou Min' })).id;
    await api.orders.add({ customerId: mine, orderNo: 'MINE-1', orderedAt: at(2025, 1, 2), lines: [{ name: 'Oolong', quantity: 1, unitPriceCents: 12_000 }] });
    core.jobs.start(SAMPLE_JOB_KIND, { seed: 5, customers: 150, anchor: Date.UTC(2026, 2, 1) });
    await core.jobs.idle();
    expect(expectInStep(core.sqlite).sales.length).toBeGreaterThan(100);
    removeSampleData(core.sqlite);
    expect(expectInStep(core.sqlite).sales).toEqual([{ day: '2025-01-02', revenue_cents: 12_000, orders: 1, unconverted: 0 }]);
  });

  it('a database with orders from before the tables existed gets them built at start, once', async () => {
    const dir = tempDir();
    const core = openCore(dir, { noResume: true });
    const api = patronRouter.createCaller({ core });
    const ann = (await api.customers.create({ name: 'Ann' })).id;
    await api.orders.add({ customerId: ann, orderNo: 'T-1', orderedAt: at(2024, 3, 5), lines: [{ name: 'Oolong', quantity: 2, unitPriceCents: 12_000 }] });
    const want = expectInStep(core.sqlite);
    // As migration 0005 leaves a database that already had orders: empty tables, no zone noted.
    core.sqlite.exec("DELETE FROM sales_days; DELETE FROM product_days; DELETE FROM settings WHERE key = 'salesDaysZone'");
    await core.close();
    const again = openCore(dir, { noResume: true });
    try {
      expect(kept(again.sqlite)).toEqual(want);
      expect((await patronRouter.createCaller({ core: again }).dashboard.revenue({ bucket: 'month', from: at(2024, 3, 1, 0), to: at(2024, 4, 1, 0) })).totals.revenueCents).toBe(24_000);
    } finally {
      await again.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
