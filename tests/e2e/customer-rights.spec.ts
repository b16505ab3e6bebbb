// A customer's rights (issue 15, item 7) on the pinned sample shop, in Chromium against browser mode
// with the real core: from a customer's page the owner exports everything held about them (a
// download of one HTML file in the language chosen), then erases them, typing their name, keeping
// their orders as anonymised totals: they are gone from the customers list and from search, and the
// dashboard's revenue is the same as before. Once in English, once in Chinese. Screenshots for a
// person to look at. The erased rows are sample rows, so the next spec's fresh sample shop takes
// them away with the rest.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { wsClientFor } from '../transport/clients';
import { openApp } from './app-page';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/customer-rights/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);
const HAN = /[\u4e00-\u9fff]/;


type Client = ReturnType<typeof wsClientFor>;

async function revenueShown(page: Page): Promise<string> {
  await page.goto(`/?token=${E2E_TOKEN}#/dashboard`);
  const kpi = page.getByTestId('kpi-revenue-value');
  await expect(kpi).toHaveText(/\d/);
  return (await kpi.textContent()) ?? '';
}

/** A customer with orders and messages, the Chinese-named one for the Chinese run. */
async function pickCustomer(client: Client, chinese: boolean) {
  const { rows } = await client.api.customers.list.query({ sort: 'totalSpent', dir: 'desc', limit: 200 });
  for (const r of rows) {
    if (HAN.test(r.name) !== chinese || r.orderCount < 2) continue;
    const timeline = await client.api.timeline.forCustomer.query({ customerId: r.id });
    if (JSON.stringify(timeline).includes('"interaction"')) return r;
  }
  throw new Error('no customer to use');
}

async function exportAndErase(page: Page, client: Client, lang: 'en' | 'zh') {
  const w =
    lang === 'en'
      ? { menu: 'Privacy rights', exportItem: 'Export this customer’s data', eraseItem: 'Erase customer…', heading: 'Personal data held about', confirm: 'Erase for good', type: 'To confirm, type their name or ERASE', search: 'Search customers' }
      : { menu: '隐私权利', exportItem: '导出该客户的数据', eraseItem: '彻底删除客户…', heading: '的个人信息', confirm: '彻底删除', type: '请输入其姓名或“删除”以确认', search: '搜索客户' };
  const who = await pickCustomer(client, lang === 'zh');
  const revenueBefore = await revenueShown(page);
  const sumBefore = (await client.api.dashboard.revenue.query({ bucket: 'month', from: ANCHOR - 365 * 86_400_000, to: ANCHOR })).totals.revenueCents;

  await openApp(page, `/customers/${who.id}`, lang);
  await expect(page.getByRole('heading', { name: who.name })).toBeVisible();

  // Export: one HTML file, in the language chosen (the UI's by default), downloaded.
  await page.getByTestId('customer-rights').click();
  await page.getByRole('menuitem', { name: w.exportItem }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `h5-export-${lang}.png`) });
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('rights-export-confirm').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^customer-${who.id}-data-${lang}-.*\\.html$`));
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain(w.heading);
  expect(html).toContain(who.name);
  expect(html).toContain(`lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
  await expect(dialog).toBeHidden();

  // Erase: the button waits for the name (or the word), orders kept as totals by default.
  await page.getByTestId('customer-rights').click();
  await page.getByRole('menuitem', { name: w.eraseItem }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('rights-erase-keep-orders')).toBeChecked();
  const confirm = dialog.getByRole('button', { name: w.confirm });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(w.type).fill('someone else');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(w.type).fill(lang === 'zh' ? '删除' : who.name);
  await expect(confirm).toBeEnabled();
  await page.screenshot({ path: join(SHOTS, `h5-erase-${lang}.png`) });
  await confirm.click();
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(page.getByRole('alert').filter({ hasText: lang === 'zh' ? '已彻底删除' : 'was erased' })).toBeVisible();
  await expect(page.getByTestId('customer-name').first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `h5-erased-${lang}.png`) });

  // Gone from the list (searched by name) and from search; the revenue is the same.
  await page.getByRole('searchbox', { name: w.search, exact: true }).fill(who.name);
  await expect(page.getByTestId('customer-name').filter({ hasText: who.name })).toHaveCount(0);
  expect((await client.api.customers.list.query({ search: who.name })).rows.map((r) => r.id)).not.toContain(who.id);
  expect((await client.api.search.all.query({ q: who.name })).customers.map((c) => c.id)).not.toContain(who.id);
  expect((await client.api.dashboard.revenue.query({ bucket: 'month', from: ANCHOR - 365 * 86_400_000, to: ANCHOR })).totals.revenueCents).toBe(sumBefore);
  expect(await revenueShown(page)).toBe(revenueBefore);
}

test("customer rights: export a customer's data, erase a customer keeping their orders as totals, in English and Chinese", async ({ page }) => {
  test.setTimeout(420_000);
  mkdirSync(SHOTS, { recursive: true });
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });
    await exportAndErase(page, client, 'en');
    await exportAndErase(page, client, 'zh');
  } finally {
    client.close();
  }
});
