// The segments page on the sample shop, in Chromium against browser mode with the real core: the
// RFM grid is drawn with the counts SQL finds in customer_segments; a click on a segment lands on
// its customers (the same number); they are saved as a smart list; an order recorded on one of
// their pages moves that customer to another segment, and the list's count in the navbar follows
// with no reload. Screenshots in English and Chinese, light and dark, for a person to look at.
//
// The sample shop is anchored on a fixed day and the analysis date pinned to it, so the segments
// are the same on every run.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { openApp, useLanguage, useTheme } from './app-page';
import { RFM_SEGMENTS, type SegmentCode } from '../../src-main/shared/segments';
import { wsClientFor } from '../transport/clients';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/seg/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);




const fmt = (n: number) => n.toLocaleString('en-US');

test('segments: the grid counts what SQL counts, a segment opens as its customers and saves as a list, and an order moves a customer out of it live', async ({ page }) => {
  test.setTimeout(300_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    // The sample shop on a fixed day, the analysis pinned to it.
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });

    const { dbFile } = await client.api.app.info.query();
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const counts = () =>
      Object.fromEntries((db.prepare('SELECT segment, count(*) AS n FROM customer_segments GROUP BY segment').all() as { segment: SegmentCode; n: number }[]).map((r) => [r.segment, r.n])) as Partial<
        Record<SegmentCode, number>
      >;
    const before = counts();
    const withOrders = RFM_SEGMENTS.reduce((sum, code) => sum + (before[code] ?? 0), 0);
    expect(withOrders).toBeGreaterThan(100);

    // The grid: 25 cells holding every customer with an order, each segment labelled with its count.
    await openApp(page, '/segments');
    const grid = page.getByTestId('rfm-grid');
    await expect(grid).toBeVisible();
    await expect(grid.getByTestId('rfm-cell')).toHaveCount(25);
    const cellSum = (await grid.getByTestId('rfm-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-customers'))))).reduce((a, b) => a + b, 0);
    expect(cellSum).toBe(withOrders);
    for (const code of RFM_SEGMENTS) {
      const rect = grid.locator(`[data-testid="rfm-segment"][data-segment="${code}"]`);
      await expect(rect).toHaveAttribute('data-customers', String(before[code] ?? 0));
      await expect(rect).toContainText(fmt(before[code] ?? 0));
    }
    await expect(page.locator('[data-testid="segment-row"][data-segment="no_orders"]')).toHaveAttribute('data-customers', String(before.no_orders ?? 0));
    // The rule in words, from SEGMENT_RULES.
    await expect(page.locator('[data-testid="segment-row"][data-segment="champions"]').getByTestId('segment-rule')).toHaveText('Bought recently (R 4–5) and buy often, spend a lot (FM 4–5)');
    await expect(page.getByTestId('segment-share-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('cluster-card').first()).toBeVisible();

    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    for (const lang of ['en', 'zh'] as const) {
      await useLanguage(page, lang);
      for (const theme of ['light', 'dark'] as const) {
        await useTheme(page, theme);
        await page.mouse.move(0, 0);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `segments-${lang}-${theme}.png`), fullPage: true });
      }
    }
    await useTheme(page, 'light');
    await useLanguage(page, 'en');

    // The owner renames a segment: the grid and the table use their name; one click goes back.
    const champions = page.locator('[data-testid="segment-row"][data-segment="champions"]');
    await champions.getByRole('button', { name: 'More actions for Champions' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename segment' });
    await rename.getByRole('textbox', { name: /Name/ }).fill('Best friends');
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(grid.locator('[data-segment="champions"]')).toContainText('Best friends');
    await expect(champions).toContainText('(Champions)');
    await champions.getByRole('button', { name: 'More actions for Best friends' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await rename.getByRole('button', { name: 'Use the standard name' }).click();
    await expect(grid.locator('[data-segment="champions"]')).toContainText('Champions');

    // Exported, it is the same customers: one CSV row each.
    await champions.getByRole('button', { name: 'More actions for Champions' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export · CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.trim().split(/\r?\n/).length - 1).toBe(before.champions);

    // A slipping segment: a click on its rectangle lands on its customers, as many as SQL counts.
    const code: SegmentCode = (before.lost ?? 0) > 0 ? 'lost' : 'hibernating';
    const n = before[code] ?? 0;
    expect(n).toBeGreaterThan(1);
    await grid.locator(`[data-testid="rfm-segment"][data-segment="${code}"]`).click();
    await expect(page).toHaveURL(/#\/customers/);
    await expect(page).toHaveURL(/filter=/);
    await expect(page.getByTestId('customer-count')).toContainText(fmt(n));

    // Saved as a smart list: it shows in the navbar with its count.
    const listName = `Slipping ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Save as list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as a smart list' });
    await dialog.getByRole('textbox', { name: /List name/ }).fill(listName);
    await dialog.getByRole('button', { name: 'Save list' }).click();
    await expect(dialog).toHaveCount(0);
    const list = (await client.api.lists.all.query()).find((l) => l.name === listName);
    expect(list?.count).toBe(n);
    const navEntry = page.getByTestId('nav-list').filter({ hasText: listName });
    await expect(navEntry).toContainText(fmt(n));

    // One of them buys again: recorded on their page, the order moves them out of the segment.
    const who = db.prepare('SELECT customer_id AS id FROM customer_segments WHERE segment = ? ORDER BY customer_id LIMIT 1').get(code) as { id: number };
    await page.goto(`/?token=${E2E_TOKEN}#/customers/${who.id}`);
    const badge = page.getByTestId('customer-segment');
    await expect(badge).toHaveAttribute('data-segment', code);
    await expect(badge.getByTestId('rfm-scores')).toContainText(/R 1|R 2/);
    await page.getByRole('button', { name: 'Record an order' }).click();
    const form = page.getByTestId('record-order-form');
    await expect(form.getByRole('textbox', { name: 'Order number' })).toHaveValue(/^M-\d{8}-\d{4}$/);
    await form.getByLabel('Date').fill(PIN);
    await form.getByRole('textbox', { name: 'Product 1' }).fill('Gift box of oolong');
    await form.getByRole('textbox', { name: 'Qty 1' }).fill('3');
    await form.getByRole('textbox', { name: 'Unit price 1' }).fill('2000');
    await expect(form.getByTestId('order-total')).toContainText('6,000.00');
    await page.screenshot({ path: join(SHOTS, 'record-order-en.png') });
    await page.keyboard.press('Control+Enter');
    await expect(form).toHaveCount(0);
    await expect(badge).not.toHaveAttribute('data-segment', code, { timeout: 20_000 });
    await expect(badge.getByTestId('rfm-scores')).toContainText('R 5');
    const moved = (db.prepare('SELECT segment FROM customer_segments WHERE customer_id = ?').get(who.id) as { segment: SegmentCode }).segment;
    expect(moved).not.toBe(code);
    await expect(badge).toHaveAttribute('data-segment', moved);
    await page.getByTestId('segment-badge').hover();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'customer-segment-en.png') });

    // The list follows, live: one fewer, in the core and in the navbar.
    await expect.poll(async () => (await client.api.lists.get.query({ id: list!.id })).count, { timeout: 20_000 }).toBe(n - 1);
    await expect(navEntry).toContainText(fmt(n - 1));

    // Ctrl+G goes to the segments page from anywhere; a cluster opens the same way as a segment.
    await page.getByRole('heading', { level: 2 }).first().click();
    await page.keyboard.press('Control+G');
    await expect(page).toHaveURL(/#\/segments$/);
    const card = page.getByTestId('cluster-card').first();
    const idx = Number(await card.getAttribute('data-cluster'));
    const inCluster = (db.prepare('SELECT count(*) AS n FROM customer_segments WHERE cluster = ?').get(idx) as { n: number }).n;
    await card.getByRole('button', { name: /^Open customers: / }).click();
    await expect(page).toHaveURL(/#\/customers/);
    await expect(page.getByTestId('customer-count')).toContainText(fmt(inCluster));

    // The customer page in Chinese, dark.
    await openApp(page, `/customers/${who.id}`, 'zh');
    await expect(page.getByTestId('customer-segment')).toHaveAttribute('data-segment', moved);
    await useTheme(page, 'dark');
    await expect(page.getByTestId('segment-badge')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'customer-segment-zh-dark.png') });
    await useTheme(page, 'light');
    await useLanguage(page, 'en');
    db.close();
  } finally {
    client.close();
  }
});
