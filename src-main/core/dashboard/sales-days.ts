// Paid sales per local day (sales_days) and per day and product (product_days): the ONE
// computation of both from orders, by the spend rule of orders/metrics.ts (PAID, amounts in the
// shop currency, orders without a rate counted as unconverted). The dashboard sums a few hundred
// of these rows instead of reading every order of a year, whose rows lie scattered over the
// table (1–5 s cold for a year of 1,000,000 orders).
//
// Added orders are added to the days (UPSERT +=) by the derived-state hook below. A deleted order
// (on its own, or by cascade with its customer or the sample shop) is taken off its days by a
// trigger, the one place that still sees the row: after the delete nobody knows its day. A rate
// or shop-currency change, or a time-zone move, rebuilds both tables from scratch (rare). A bulk
// write of more than DAYS_INLINE_MAX orders marks them stale instead and a job rebuilds them after
// it commits (days-job.ts); meanwhile the dashboard sums the orders directly (salesDaysSource).
import type Database from 'better-sqlite3';
import type { DerivedHook } from '../derived/hooks';
import { IN_SHOP_CURRENCY, PAID, UNCONVERTED, inShopCurrency } from '../orders/metrics';

/**
 * An order's local day, in the machine's time zone as the dashboard's weeks and months are cut
 * (buckets.ts). SQLite's date(..., 'localtime') costs about 6 µs a row, most of a million-order
 * import's sweep, so bulk work looks the day up instead: a temporary table maps each quarter hour
 * (every zone's offset is a whole number of them) to its local day, filled in JS with the same
 * Date rules buckets.ts uses, for the quarters the orders at hand span.
 */
const QUARTER_MS = 900_000;
const DAY = `(SELECT day FROM temp.quarter_days q WHERE q.q = orders.ordered_at / ${QUARTER_MS})`;
/** One row's day the direct way, for the delete trigger (one order at a time). */
const LOCAL_DAY = `date(orders.ordered_at / 1000, 'unixepoch', 'localtime')`;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Makes temp.quarter_days cover the quarters of the orders `where` selects. Checked against the
 * table each time, not remembered: a rolled-back transaction (a dry-run import) takes its rows away.
 */
function coverQuarters(sqlite: Database.Database, where: string, params: unknown[]): void {
  // Made even when there are no orders: the sweeps name the table (a connection opened on a shop
  // whose orders are then all removed, e.g. after a restart or a restore, has never made it).
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS quarter_days (q INTEGER PRIMARY KEY, day TEXT NOT NULL)');
  const span = sqlite.prepare(`SELECT min(ordered_at) AS lo, max(ordered_at) AS hi FROM orders WHERE ${where}`).get(...params) as { lo: number | null; hi: number | null };
  if (span.lo === null || span.hi === null) return;
  const lo = Math.floor(span.lo / QUARTER_MS);
  const hi = Math.floor(span.hi / QUARTER_MS);
  const have = sqlite.prepare('SELECT count(*) FROM temp.quarter_days WHERE q BETWEEN ? AND ?').pluck().get(lo, hi) as number;
  if (have === hi - lo + 1) return;
  const insert = sqlite.prepare('INSERT OR IGNORE INTO temp.quarter_days (q, day) VALUES (?, ?)');
  for (let q = lo; q <= hi; q++) {
    const d = new Date(q * QUARTER_MS);
    insert.run(q, `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
  }
}

// The rows of each table as summed from the orders `where` selects: what the sweeps add, and what
// the dashboard reads directly while the tables are being rebuilt (salesDaysSource).
const SALES_ROWS = (where: string, from = 'orders') => `SELECT ${DAY} AS day, coalesce(sum(${IN_SHOP_CURRENCY}), 0) AS revenue_cents, count(*) AS orders,
    count(*) FILTER (WHERE ${UNCONVERTED}) AS unconverted
  FROM ${from} WHERE ${PAID} AND ${where} GROUP BY day`;

const SALES = (where: string, from = 'orders') => `INSERT INTO sales_days (day, revenue_cents, orders, unconverted)
  ${SALES_ROWS(where, from)}
  ON CONFLICT(day) DO UPDATE SET revenue_cents = revenue_cents + excluded.revenue_cents,
    orders = orders + excluded.orders, unconverted = unconverted + excluded.unconverted`;

// A line's item: its product, or its name when it has none (a deleted product, an import line
// naming no known product). The name kept is the greatest seen, so adding and rebuilding agree.
const PRODUCT_ROWS = (where: string) => `SELECT ${DAY} AS day, coalesce(CAST(i.product_id AS TEXT), 'name:' || i.product_name) AS item,
    i.product_id AS product_id, max(i.product_name) AS product_name,
    coalesce(sum(${inShopCurrency('i.quantity * i.unit_price_cents')}), 0) AS revenue_cents, sum(i.quantity) AS quantity
  FROM orders JOIN order_items i ON i.order_id = orders.id WHERE orders.${PAID} AND ${where} GROUP BY day, item`;

const PRODUCTS = (where: string) => `INSERT INTO product_days (day, item, product_id, product_name, revenue_cents, quantity)
  ${PRODUCT_ROWS(where)}
  ON CONFLICT(day, item) DO UPDATE SET revenue_cents = revenue_cents + excluded.revenue_cents,
    quantity = quantity + excluded.quantity, product_name = max(product_name, excluded.product_name)`;

/** Adds the orders of `ids` (just written, with their lines) to the days. */
export function addOrdersToDays(sqlite: Database.Database, ids: readonly number[]): void {
  if (!ids.length) return;
  const where = 'orders.id IN (SELECT value FROM json_each(?))';
  const json = JSON.stringify(ids);
  coverQuarters(sqlite, where, [json]);
  sqlite.prepare(SALES(where)).run(json);
  sqlite.prepare(PRODUCTS(where)).run(json);
}

/** Adds every order with an id above `afterId` (a bulk write's new orders) to the days. */
export function addOrdersAfter(sqlite: Database.Database, afterId: number): void {
  coverQuarters(sqlite, 'orders.id > ?', [afterId]);
  sqlite.prepare(SALES('orders.id > ?')).run(afterId);
  sqlite.prepare(PRODUCTS('orders.id > ?')).run(afterId);
}

/** Both tables from scratch (6 s for 1,000,000 orders on 2 cores: for rare changes only). */
export function rebuildSalesDays(sqlite: Database.Database): void {
  coverQuarters(sqlite, '1', []);
  sqlite.prepare('DELETE FROM sales_days').run();
  sqlite.prepare('DELETE FROM product_days').run();
  // A scan in storage order: every order is read, each page once.
  sqlite.prepare(SALES('1', 'orders NOT INDEXED')).run();
  sqlite.prepare(PRODUCTS('1')).run();
}

/**
 * A temporary trigger (this connection's; built at start from the same SQL as above, so it never
 * drifts from it) that takes a paid order off its day and its lines off their products' days
 * before the order row goes.
 */
export function installOrderGoneTrigger(sqlite: Database.Database): void {
  sqlite.exec(`DROP TRIGGER IF EXISTS temp.sales_days_order_gone;
    CREATE TEMP TRIGGER sales_days_order_gone BEFORE DELETE ON main.orders WHEN OLD.${PAID} BEGIN
      UPDATE sales_days SET revenue_cents = revenue_cents - s.rev, orders = orders - 1, unconverted = unconverted - s.unc
      FROM (SELECT ${LOCAL_DAY} AS d, coalesce(${IN_SHOP_CURRENCY}, 0) AS rev, (${UNCONVERTED}) AS unc FROM orders WHERE orders.id = OLD.id) AS s
      WHERE sales_days.day = s.d;
      UPDATE product_days SET revenue_cents = product_days.revenue_cents - l.rev, quantity = product_days.quantity - l.q
      FROM (SELECT ${LOCAL_DAY} AS d, coalesce(CAST(i.product_id AS TEXT), 'name:' || i.product_name) AS it,
              coalesce(sum(${inShopCurrency('i.quantity * i.unit_price_cents')}), 0) AS rev, sum(i.quantity) AS q
            FROM orders JOIN order_items i ON i.order_id = orders.id WHERE orders.id = OLD.id GROUP BY it) AS l
      WHERE product_days.day = l.d AND product_days.item = l.it;
      -- A day or product-day with nothing left goes, as a rebuild would not have it.
      DELETE FROM sales_days WHERE day = date(OLD.ordered_at / 1000, 'unixepoch', 'localtime') AND orders <= 0;
      DELETE FROM product_days WHERE day = date(OLD.ordered_at / 1000, 'unixepoch', 'localtime') AND quantity <= 0;
    END;`);
}

// The time zone the days were cut in: a machine moved to another zone cuts them again at start.
// The key is absent while the days are stale: a big bulk write left them to the rebuild job
// (days-job.ts), and a crash before that job ran has them rebuilt at the next start.
const ZONE_KEY = 'salesDaysZone';
const zoneNow = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local';
const storedZone = (sqlite: Database.Database) => sqlite.prepare('SELECT value ->> ? FROM settings WHERE key = ?').pluck().get('$', ZONE_KEY) as string | undefined;

/**
 * A bulk write adding more orders than this leaves the days to the rebuild job, started as soon as
 * it commits (as sentiment's INLINE_MAX does): the sweep of 400,000 orders and their 1,000,000 lines
 * took 2.6–5.3 s (2 shared cores) of a 1,000,000-line import's transaction. Smaller writes, single
 * orders and the sample shop add to the days in their own transaction.
 */
export const DAYS_INLINE_MAX = 20_000;

/** Whether the days are stale (being rebuilt): the dashboard then sums the orders directly. */
export function salesDaysStale(sqlite: Database.Database): boolean {
  return storedZone(sqlite) !== zoneNow();
}

function markStale(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM settings WHERE key = ?').run(ZONE_KEY);
}

/**
 * What the dashboard reads the days of [from, to) (ms, local midnights) from: the table itself, or
 * while it is stale, the same rows summed from those days' orders (a subquery, through the orders'
 * time index: slower, but never a wrong total).
 */
export function salesDaysSource(sqlite: Database.Database, table: 'sales_days' | 'product_days', from: number, to: number): { sql: string; params: number[] } {
  if (!salesDaysStale(sqlite)) return { sql: table, params: [] };
  const where = 'orders.ordered_at >= ? AND orders.ordered_at < ?';
  coverQuarters(sqlite, where, [from, to]);
  return { sql: `(${table === 'sales_days' ? SALES_ROWS(where) : PRODUCT_ROWS(where)})`, params: [from, to] };
}

/**
 * Makes the days current: builds them once for a database that had orders before the tables
 * existed (migration 0005 creates them empty), again after a change of the machine's time zone,
 * and after a big bulk write left them stale. At core start and in the rebuild job; costs one
 * settings read when nothing is to do. Returns whether it rebuilt.
 */
export function ensureSalesDays(sqlite: Database.Database): boolean {
  const zone = zoneNow();
  if (storedZone(sqlite) === zone) return false;
  return sqlite.transaction(() => {
    const hasOrders = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM orders)').pluck().get() === 1;
    const hasDays = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM sales_days)').pluck().get() === 1;
    if (hasOrders || hasDays) rebuildSalesDays(sqlite);
    sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(ZONE_KEY, JSON.stringify(zone));
    return hasOrders || hasDays;
  })();
}

export const salesDays: DerivedHook = {
  name: 'salesDays',
  follows: ['order', 'customer'],
  afterWrite(sqlite, w) {
    if (w.type !== 'order') return; // a customer's deleted orders left their days by the trigger
    if (w.op === 'create') addOrdersToDays(sqlite, w.ids);
    // An order changed in place: its old day is no longer known, so everything is summed again.
    else if (w.op === 'update' && !salesDaysStale(sqlite)) rebuildSalesDays(sqlite);
  },
  afterBulk(sqlite, bulk) {
    // Stale days are rebuilt whole by the job, this write's orders with them.
    if (salesDaysStale(sqlite)) return;
    // Bulk writes (the import, the sample shop) only add orders, and lines only to orders they
    // added (import/write-orders.ts); orders from before are never changed by them.
    const added = bulk.maxId('order') - bulk.addedAfter('order');
    if (added > DAYS_INLINE_MAX) markStale(sqlite);
    else if (bulk.changedOf('order').size) rebuildSalesDays(sqlite);
    else if (added > 0) addOrdersAfter(sqlite, bulk.addedAfter('order'));
  },
};
