// Money keeps its currency end to end: orders imported in euros into a shop that counts in yuan
// are kept in euros, converted at the owner's rate into the customer's spend, left out (and said
// so) without a rate, recomputed when the rate or the shop currency changes, and exported with
// their currency.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { getCustomer, listCustomers } from '../../src-main/core/customers/service';
import { exportList } from '../../src-main/core/export/export-list';
import { exportInput } from '../../src-main/core/export/schemas';
import { inspectFile } from '../../src-main/core/import/inspect';
import { moneyOverview, setRate, setShopCurrency } from '../../src-main/core/money/service';
import { rebaseRates, toShopCents } from '../../src-main/shared/currencies';
import { importJob } from '../fixtures/import-files-run';
import { tempCore } from './temp-core';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The file from the report: a customer with two orders priced like `1.001,01 €`, and one in yuan. */
async function euroShop() {
  const env = tempCore({ noResume: true });
  cleanups.push(env.cleanup);
  const file = join(env.dir, 'euro-orders.csv');
  writeFileSync(
    file,
    [
      'Order;Date;Email;Name;Total',
      'E-1;2024-03-01;marie@example.fr;Marie Dubois;3.030,30 €',
      'E-2;2024-04-01;marie@example.fr;Marie Dubois;3.630,30 €',
      'E-3;2024-05-01;marie@example.fr;Marie Dubois;"1.001,01 €"',
      'C-1;2024-05-02;wang@example.cn;王芳;"¥1.200,00"',
    ].join('\n'),
  );
  const info = await inspectFile(env.core.db, { path: file });
  expect(info.suggestedOptions).toMatchObject({ decimalComma: true, currency: 'CNY' });
  await importJob(env.core, {
    source: { path: file },
    kind: 'orders',
    mapping: { order_no: 0, ordered_at: 1, customer_email: 2, customer_name: 3, order_total: 4 },
    options: info.suggestedOptions,
  });
  const id = (email: string) => env.core.sqlite.prepare('SELECT id FROM customers WHERE email = ?').pluck().get(email) as number;
  return { ...env, marie: id('marie@example.fr'), wang: id('wang@example.cn') };
}

const EUR_CENTS = [303030, 363030, 100101];
const listRow = (core: Core, id: number) => listCustomers(core.sqlite, { sort: 'totalSpent', dir: 'desc' }).rows.find((r) => r.id === id)!;

describe('orders in another currency', () => {
  it('keeps each order in its currency and adds nothing to the spend without a rate, saying so', async () => {
    const { core, marie, wang } = await euroShop();
    const orders = core.sqlite.prepare('SELECT order_no, total_cents, currency FROM orders ORDER BY order_no').all();
    expect(orders).toEqual([
      { order_no: 'C-1', total_cents: 120000, currency: 'CNY' },
      { order_no: 'E-1', total_cents: 303030, currency: 'EUR' },
      { order_no: 'E-2', total_cents: 363030, currency: 'EUR' },
      { order_no: 'E-3', total_cents: 100101, currency: 'EUR' },
    ]);
    const page = getCustomer(core.sqlite, marie);
    // Before: ¥7,661.41, the euros added as if they were yuan.
    expect(page).toMatchObject({ totalSpentCents: 0, orderCount: 3, unconvertedOrders: 3, currency: 'CNY', averageOrderCents: 0 });
    expect(page.unconverted).toEqual([{ currency: 'EUR', orders: 3, cents: 766161 }]);
    expect(listRow(core, marie)).toMatchObject({ totalSpentCents: 0, unconvertedOrders: 3 });
    expect(getCustomer(core.sqlite, wang)).toMatchObject({ totalSpentCents: 120000, unconvertedOrders: 0, unconverted: [] });
    expect(moneyOverview(core.sqlite).used).toEqual([
      { currency: 'EUR', orders: 3, customers: 1 },
      { currency: 'CNY', orders: 1, customers: 1 },
    ]);
  });

  it('converts at the owner\u2019s rate, per order, and recomputes when the rate changes or goes', async () => {
    const { core, marie, wang } = await euroShop();
    setRate(core.sqlite, 'EUR', 7.8);
    const at78 = EUR_CENTS.reduce((s, c) => s + Math.round(c * 7.8), 0);
    expect(at78).toBe(5976056);
    expect(getCustomer(core.sqlite, marie)).toMatchObject({ totalSpentCents: at78, unconvertedOrders: 0, unconverted: [], averageOrderCents: Math.round(at78 / 3) });
    expect(listRow(core, marie)).toMatchObject({ totalSpentCents: at78, unconvertedOrders: 0 });

    setRate(core.sqlite, 'EUR', 7.75);
    expect(getCustomer(core.sqlite, marie).totalSpentCents).toBe(EUR_CENTS.reduce((s, c) => s + Math.round(c * 7.75), 0));
    expect(getCustomer(core.sqlite, wang).totalSpentCents).toBe(120000);

    setRate(core.sqlite, 'EUR', null);
    expect(getCustomer(core.sqlite, marie)).toMatchObject({ totalSpentCents: 0, unconvertedOrders: 3 });
  });

  it('a new shop currency re-expresses the rates and recomputes every customer in it', async () => {
    const { core, marie, wang } = await euroShop();
    setRate(core.sqlite, 'EUR', 8);
    const money = setShopCurrency(core.sqlite, 'EUR');
    expect(money).toEqual({ shopCurrency: 'EUR', rates: { CNY: 0.125 } });
    expect(getCustomer(core.sqlite, marie)).toMatchObject({ totalSpentCents: 766161, currency: 'EUR', unconvertedOrders: 0 });
    expect(getCustomer(core.sqlite, wang)).toMatchObject({ totalSpentCents: 15000, currency: 'EUR' });
    // An order file read now assumes the new shop currency for amounts that name none.
    expect((await inspectFile(core.db, { path: join(core.paths.dataDir, 'euro-orders.csv') })).suggestedOptions.currency).toBe('EUR');

    // With no rate from the new currency, nothing can be carried over: CNY is then unconverted.
    setShopCurrency(core.sqlite, 'USD');
    expect(moneyOverview(core.sqlite)).toMatchObject({ shopCurrency: 'USD', rates: {} });
    expect(getCustomer(core.sqlite, wang)).toMatchObject({ totalSpentCents: 0, unconvertedOrders: 1, currency: 'USD' });
  });

  it('refuses a rate for the shop currency itself', async () => {
    const { core } = await euroShop();
    expect(() => setRate(core.sqlite, 'CNY', 2)).toThrow(/shop currency/);
  });

  it('exports carry the currency: the customer list in the shop currency, each order in its own', async () => {
    const { core } = await euroShop();
    setRate(core.sqlite, 'EUR', 7.8);
    const read = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const customers = read((await exportList(core.sqlite, core.paths.dataDir, exportInput.parse({ list: { kind: 'customers', filter: { sort: 'name' } } }))).path);
    const col = (name: string) => customers[0].indexOf(name);
    expect(col('Currency')).toBe(col('Total spent') + 1);
    expect(customers.slice(1).map((r) => [r[0], r[col('Total spent')], r[col('Currency')], r[col('Orders not in total')]])).toEqual([
      ['Marie Dubois', '59760.56', 'CNY', '0'],
      ['王芳', '1200.00', 'CNY', '0'],
    ]);
    const orders = read((await exportList(core.sqlite, core.paths.dataDir, exportInput.parse({ list: { kind: 'orders' } }))).path);
    const o = (name: string) => orders[0].indexOf(name);
    expect(orders.slice(1).map((r) => [r[o('Order number')], r[o('Order total')], r[o('Currency')]])).toEqual([
      ['E-1', '3030.30', 'EUR'],
      ['E-2', '3630.30', 'EUR'],
      ['E-3', '1001.01', 'EUR'],
      ['C-1', '1200.00', 'CNY'],
    ]);
  });
});

describe('the pure conversion both sides use', () => {
  it('converts with the rate, leaves the shop currency alone, and has no answer without a rate', () => {
    const money = { shopCurrency: 'CNY', rates: { EUR: 7.8 } };
    expect(toShopCents(303030, 'EUR', money)).toBe(2363634);
    expect(toShopCents(500, 'CNY', money)).toBe(500);
    expect(toShopCents(500, 'USD', money)).toBeNull();
  });

  it('rebases rates onto a new shop currency through its old rate', () => {
    expect(rebaseRates({ shopCurrency: 'CNY', rates: { EUR: 8, USD: 7.2 } }, 'EUR')).toEqual({ CNY: 0.125, USD: 0.9 });
    expect(rebaseRates({ shopCurrency: 'CNY', rates: { EUR: 8 } }, 'GBP')).toEqual({});
  });
});
