// The dashboard on the sample shop, in Chromium against browser mode with the real core: the app
// opens on it once there are orders; its charts are drawn; the revenue it shows for the last 12
// months is what SQL sums over the same paid orders; a customer needing attention is one click from
// their page; the headings follow the UI language. Screenshots in English and Chinese, light and
// dark, for a person to look at.
//
// The sample shop is anchored on a fixed day and the analysis date pinned to it: the dashboard's
// periods count back from that day, so the figures are the same on every run.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { useLanguage, useTheme } from './app-page';
import { wsClientFor } from '../transport/clients';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/seg/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);



/** The local-day range of "Last 12 months" ending on the pinned day, as the page computes it. */
function last12Months() {
  const [y, m, d] = PIN.split('-').map(Number);
  const to = new Date(y, m - 1, d + 1).getTime();
  const from = new Date(y, m - 1 - 12, d + 1).getTime();
  return { from, to };
}

async function chartsDrawn(page: Page) {
  // Revenue: the area and the dashed year-earlier line are SVG paths with a real shape.
  const revenue = page.getByTestId('revenue-chart');
  await expect(revenue.locator('path.recharts-curve').first()).toBeVisible();
  // The area (its fill and its edge) and the year-earlier line.
  expect(await revenue.locator('path.recharts-curve').count()).toBeGreaterThanOrEqual(3);
  expect(((await revenue.locator('path.recharts-curve').first().getAttribute('d')) ?? '').length).toBeGreaterThan(50);
  await expect(page.getByTestId('orders-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('new-returning-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('satisfaction-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('categories').locator('svg path').first()).toBeVisible();
  await expect(page.getByTestId('top-products').locator('.mantine-Progress-section').first()).toBeVisible();
  await expect(page.getByTestId('segment-mix').locator('a').first()).toBeVisible();
  await expect(page.getByTestId('attention-list').locator('tr').first()).toBeVisible();
}

test('dashboard: the start page on the sample shop, charts drawn, revenue equal to SQL, attention one click from a customer, both languages and themes', async ({ page }) => {
  test.setTimeout(300_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });

    // With orders in the database, the app opens on the dashboard.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`/?token=${E2E_TOKEN}`);
    await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
    await expect(page).toHaveURL(/#\/dashboard$/);
    await useLanguage(page, 'en');
    await useTheme(page, 'light');
    await chartsDrawn(page);

    // The revenue shown for the last 12 months is SQL's sum of the paid orders in them.
    const { dbFile } = await client.api.app.info.query();
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const { from, to } = last12Months();
    const currencies = db.prepare("SELECT DISTINCT currency FROM orders WHERE status = 'paid'").pluck().all();
    expect(currencies).toEqual(['CNY']);
    const cents = db.prepare("SELECT sum(total_cents) FROM orders WHERE status = 'paid' AND ordered_at >= ? AND ordered_at < ?").pluck().get(from, to) as number;
    const orders = db.prepare("SELECT count(*) FROM orders WHERE status = 'paid' AND ordered_at >= ? AND ordered_at < ?").pluck().get(from, to) as number;
    // New customers: first paid order ever inside the range.
    const newCustomers = db.prepare('SELECT count(*) FROM customers WHERE first_order_at >= ? AND first_order_at < ?').pluck().get(from, to) as number;
    db.close();
    expect(cents).toBeGreaterThan(0);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(cents / 100);
    await expect(page.getByTestId('kpi-revenue-value')).toHaveText(money);
    await expect(page.getByTestId('kpi-orders-value')).toHaveText(orders.toLocaleString('en-US'));
    await expect(page.getByTestId('kpi-new-customers-value')).toHaveText(newCustomers.toLocaleString('en-US'));
    await expect(page.getByTestId('dashboard-revenue-takeaway')).toHaveText(/^Revenue (up|down) \d+% on the same period last year\.$|^Revenue about level/);

    // A tooltip on the revenue chart names the bucket and both years.
    const revenue = page.getByTestId('revenue-chart');
    const box = (await revenue.locator('.recharts-surface').first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await expect(page.getByText('A year earlier', { exact: true }).last()).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'dashboard-en-light-top.png') });
    await page.screenshot({ path: join(SHOTS, 'dashboard-en-light.png'), fullPage: true });

    // Week buckets redraw the same charts.
    await page.getByTestId('dashboard-range').getByText('Week', { exact: true }).click();
    await chartsDrawn(page);
    await page.getByTestId('dashboard-range').getByText('Month', { exact: true }).click();

    await useTheme(page, 'dark');
    await chartsDrawn(page);
    await page.screenshot({ path: join(SHOTS, 'dashboard-en-dark.png'), fullPage: true });

    // Chinese: headings and KPI labels follow.
    await useLanguage(page, 'zh');
    for (const heading of ['营收', '订单', '新客与老客订单', '客户构成', '畅销商品', '品类', '满意度', '需要关注的客户']) {
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    }
    await expect(page.getByTestId('kpi-revenue')).toContainText('营收');
    await chartsDrawn(page);
    await page.screenshot({ path: join(SHOTS, 'dashboard-zh-dark.png'), fullPage: true });
    await useTheme(page, 'light');
    await page.screenshot({ path: join(SHOTS, 'dashboard-zh-light.png'), fullPage: true });
    await page.getByTestId('dashboard-products').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'dashboard-zh-light-middle.png') });

    // A customer needing attention is one click from their page.
    await useLanguage(page, 'en');
    const first = page.getByTestId('attention-list').getByRole('link').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/#\/customers\/\d+$/);
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  } finally {
    client.close();
  }
});
