// A bulk write of more than DAYS_INLINE_MAX orders leaves the dashboard's day tables stale and a
// job rebuilds them after it commits (dashboard/days-job.ts). Between the commit and the rebuild the
// dashboard must still show the right totals (it sums the orders directly), and after the job the
// tables must equal a direct sum over the orders. Small writes stay inline.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SALES_DAYS_JOB_KIND } from '../../src-main/core/dashboard/days-job';
import { productsOverview } from '../../src-main/core/dashboard/products';
import { revenueOverview } from '../../src-main/core/dashboard/revenue';
import { DAYS_INLINE_MAX, salesDaysStale } from '../../src-main/core/dashboard/sales-days';
import { patronRouter } from '../../src-main/core/router';
import { writeOrderLines } from '../fixtures/import-files';
import { importJob } from '../fixtures/import-files-run';
import { freshCores } from './temp-core';

const fresh = freshCores();
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const MAPPING = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };
// writeOrderLines spreads orders over 900 days from 2022-01-01; the range also holds the order added first.
const FROM = at(2021, 12, 1, 0);
const TO = at(2024, 8, 1, 0);

// Written here independently of sales-days.ts (every order is in the shop currency in these tests).
function direct(sqlite: Database.Database, from = FROM, to = TO) {
  const o = sqlite
    .prepare(`SELECT coalesce(sum(total_cents), 0) AS revenueCents, count(*) AS orders FROM orders WHERE status = 'paid' AND ordered_at >= ? AND ordered_at < ?`)
    .get(from, to) as { revenueCents: number; orders: number };
  const lines = sqlite
    .prepare(`SELECT coalesce(sum(i.quantity * i.unit_price_cents), 0) FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.status = 'paid' AND o.ordered_at >= ? AND o.ordered_at < ?`)
    .pluck()
    .get(from, to) as number;
  return { ...o, lines };
}

function tables(sqlite: Database.Database) {
  return sqlite.prepare('SELECT (SELECT coalesce(sum(revenue_cents), 0) FROM sales_days) AS revenueCents, (SELECT coalesce(sum(orders), 0) FROM sales_days) AS orders, (SELECT coalesce(sum(revenue_cents), 0) FROM product_days) AS lines').get() as {
    revenueCents: number;
    orders: number;
    lines: number;
  };
}

/** What the dashboard shows for the range. */
function shown(sqlite: Database.Database) {
  const r = revenueOverview(sqlite, { bucket: 'month', from: FROM, to: TO });
  const p = productsOverview(sqlite, { from: FROM, to: TO, limit: 10 });
  return { revenueCents: r.totals.revenueCents, orders: r.totals.orders, lines: p.totalCents, pointsRevenue: r.points.reduce((n, x) => n + x.revenueCents, 0) };
}

const days = (sqlite: Database.Database) => sqlite.prepare('SELECT day, revenue_cents, orders FROM sales_days ORDER BY day').all();

describe('day tables after a big bulk write', () => {
  it('an import past DAYS_INLINE_MAX: stale but right on the dashboard until the job, then in step', async () => {
    const { core, dir } = fresh();
    const api = patronRouter.createCaller({ core });
    const ann = (await api.customers.create({ name: 'Ann' })).id;
    await api.orders.add({ customerId: ann, orderNo: 'T-1', orderedAt: at(2021, 12, 24), lines: [{ name: 'Oolong', quantity: 2, unitPriceCents: 12_000 }] });
    const before = days(core.sqlite);
    expect(before).toEqual([{ day: '2021-12-24', revenue_cents: 24_000, orders: 1 }]);

    const file = join(dir, 'lines.csv');
    const orders = DAYS_INLINE_MAX + 500;
    writeOrderLines(file, orders, { customers: 2000 });
    // Right after the import commits (its change event), before the rebuild job has run.
    let between: { stale: boolean; kept: unknown; shown: ReturnType<typeof shown>; direct: ReturnType<typeof direct>; queued: number } | null = null;
    const off = core.changes.on((e) => {
      if (between || !e.changes.some((c) => c.type === 'order' && c.op === 'bulk')) return;
      const sqlite = core.sqlite;
      between = {
        stale: salesDaysStale(sqlite),
        kept: days(sqlite),
        shown: shown(sqlite),
        direct: direct(sqlite),
        queued: sqlite.prepare(`SELECT count(*) FROM jobs WHERE kind = ? AND status = 'queued'`).pluck().get(SALES_DAYS_JOB_KIND) as number,
      };
    });
    await importJob(core, { source: { path: file }, kind: 'orders', mapping: MAPPING });
    off();

    expect(between).not.toBeNull();
    const b = between!;
    expect(b.stale).toBe(true);
    // The import did not sweep the days: they still hold only the order from before...
    expect(b.kept).toEqual(before);
    expect(b.queued).toBe(1);
    // ...yet the dashboard shows every order, summed from the orders themselves.
    expect(b.direct.orders).toBe(orders + 1);
    expect(b.shown).toEqual({ revenueCents: b.direct.revenueCents, orders: b.direct.orders, lines: b.direct.lines, pointsRevenue: b.direct.revenueCents });

    // After the job (core.jobs.idle waited for it): fresh, and the tables sum to the orders.
    expect(salesDaysStale(core.sqlite)).toBe(false);
    const want = direct(core.sqlite);
    expect(tables(core.sqlite)).toEqual({ revenueCents: want.revenueCents, orders: want.orders, lines: want.lines });
    expect(shown(core.sqlite)).toEqual({ ...tables(core.sqlite), pointsRevenue: want.revenueCents });
    const job = core.jobs.list().find((j) => j.kind === SALES_DAYS_JOB_KIND);
    expect(job).toMatchObject({ status: 'done', result: { rebuilt: true } });

    // Single writes after the rebuild are inline again.
    await api.orders.add({ customerId: ann, orderNo: 'T-2', orderedAt: at(2023, 5, 5), lines: [{ name: 'Oolong', quantity: 1, unitPriceCents: 700 }] });
    expect(salesDaysStale(core.sqlite)).toBe(false);
    expect(tables(core.sqlite).revenueCents).toBe(want.revenueCents + 700);
  }, 180_000);

  it('while stale, single orders added and deleted show at once; the job leaves the tables exact', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    const ann = (await api.customers.create({ name: 'Ann' })).id;
    const bob = (await api.customers.create({ name: 'Bob' })).id;
    await api.orders.add({ customerId: ann, orderNo: 'T-1', orderedAt: at(2022, 3, 5), lines: [{ name: 'Oolong', quantity: 2, unitPriceCents: 12_000 }] });
    await api.orders.add({ customerId: bob, orderNo: 'T-2', orderedAt: at(2022, 3, 6), lines: [{ name: 'Puer', quantity: 1, unitPriceCents: 5_000 }] });
    // As a big bulk write leaves them (its sweep skipped), with one order the tables never saw.
    core.sqlite.exec("DELETE FROM settings WHERE key = 'salesDaysZone'");
    core.sqlite.exec('DELETE FROM sales_days; DELETE FROM product_days');
    expect(salesDaysStale(core.sqlite)).toBe(true);
    expect(shown(core.sqlite)).toMatchObject({ revenueCents: 29_000, orders: 2, lines: 29_000 });

    await api.orders.add({ customerId: ann, orderNo: 'T-3', orderedAt: at(2022, 3, 7), lines: [{ name: 'Oolong', quantity: 1, unitPriceCents: 1_000 }] });
    await api.customers.delete({ id: bob });
    expect(shown(core.sqlite)).toMatchObject({ revenueCents: 25_000, orders: 2, lines: 25_000 });
    expect(direct(core.sqlite)).toMatchObject({ revenueCents: 25_000, orders: 2 });

    core.jobs.start(SALES_DAYS_JOB_KIND, {});
    await core.jobs.idle();
    expect(salesDaysStale(core.sqlite)).toBe(false);
    expect(days(core.sqlite)).toEqual([
      { day: '2022-03-05', revenue_cents: 24_000, orders: 1 },
      { day: '2022-03-07', revenue_cents: 1_000, orders: 1 },
    ]);
    expect(tables(core.sqlite)).toEqual({ revenueCents: 25_000, orders: 2, lines: 25_000 });
  });
});
