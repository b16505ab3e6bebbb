// A shop that counts in yuan imports orders priced in euros (`3.030,30 €`). The customer page says
// the euros are not in the total until the owner sets a rate in Settings; with the rate, each
// order shows its euro amount and what it is in yuan, and the total is converted. A new shop
// currency re-expresses everything. Uses its own unique data and puts the settings back, so it
// works on an empty database or after the other specs.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_TOKEN } from '../../playwright.config';

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('region', { name: 'Money' })).toBeVisible();
  return page.getByRole('region', { name: 'Money' });
}

async function openCustomer(page: Page, email: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(email);
  await expect(page.getByTestId('customer-count')).toHaveText('1 customer matches');
  await page.getByTestId('customer-row').first().click();
  await expect(page.getByTestId('metric-total-spent')).toBeVisible();
}

test('orders in euros are kept in euros, converted at the owner\u2019s rate, and never added to yuan silently', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const email = `marie.${stamp}@example.fr`;
  const file = join(mkdtempSync(join(tmpdir(), 'patron-money-')), `euro-orders-${stamp}.csv`);
  writeFileSync(
    file,
    ['Order;Date;Email;Name;Total', `E1-${stamp};2024-03-01;${email};Marie Dubois;3.030,30 €`, `E2-${stamp};2024-04-01;${email};Marie Dubois;3.630,30 €`].join('\n') + '\n',
  );

  await page.goto(`/?token=${E2E_TOKEN}`);
  await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
  await page.getByRole('banner').getByText('English', { exact: true }).click();

  // The shop counts in yuan.
  let money = await openSettings(page);
  await expect(money.getByRole('combobox', { name: 'Shop currency' })).toHaveValue('CNY · Chinese Yuan');

  // Import the euro orders.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('mapping-table')).toBeVisible();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await page.getByRole('button', { name: 'Start the import' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  // No rate yet: the orders show in euros, the total in yuan has none of them, and says so.
  await openCustomer(page, email);
  await expect(page.getByTestId('metric-total-spent')).toContainText('¥0.00');
  await expect(page.getByTestId('metric-not-counted')).toHaveText('2 EUR orders left out');
  await expect(page.getByText('€3,030.30')).toBeVisible();
  await expect(page.getByText('€3,630.30')).toBeVisible();
  await expect(page.getByTestId('order-converted').first()).toHaveText('no rate into CNY');

  // The way to a rate is on the page: Settings, where EUR is listed as having none.
  await page.getByTestId('metric-not-counted').click();
  money = page.getByRole('region', { name: 'Money' });
  const eur = money.getByTestId('rate-EUR');
  await expect(eur).toContainText('2 paid orders');
  await expect(eur).toContainText('No rate: not in spend');
  await eur.getByRole('textbox', { name: 'Rate for EUR' }).fill('7.8');
  await eur.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByText('Rate for EUR saved; spend recomputed.')).toBeVisible();
  await expect(eur).not.toContainText('No rate');

  // Converted: each order in euros with its yuan amount beside it, the total in yuan.
  await openCustomer(page, email);
  await expect(page.getByTestId('metric-total-spent')).toContainText('¥51,952.68'); // 3,030.30 × 7.8 + 3,630.30 × 7.8
  await expect(page.getByTestId('metric-not-counted')).toHaveCount(0);
  const converted = page.getByTestId('order-converted');
  await expect(converted).toHaveText(['≈ ¥28,316', '≈ ¥23,636']); // newest first
  await expect(page.getByText('€3,030.30')).toBeVisible();

  // The customer list shows the same total, in yuan.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(email);
  await expect(page.getByTestId('customer-spend').first()).toHaveText('¥51,952.68');

  // A shop that counts in euros: the orders are the total as they are.
  money = await openSettings(page);
  await money.getByRole('combobox', { name: 'Shop currency' }).click();
  await page.getByRole('option', { name: 'EUR · Euro' }).click();
  await expect(page.getByText('Spend is now counted in EUR.')).toBeVisible();
  await openCustomer(page, email);
  await expect(page.getByTestId('metric-total-spent')).toContainText('€6,660.60');
  await expect(page.getByTestId('order-converted')).toHaveCount(0);

  // Back as it was for whatever runs next: yuan, and no rate for the euro.
  money = await openSettings(page);
  await money.getByRole('combobox', { name: 'Shop currency' }).click();
  await page.getByRole('option', { name: 'CNY · Chinese Yuan' }).click();
  await expect(page.getByText('Spend is now counted in CNY.')).toBeVisible();
  await money.getByTestId('rate-EUR').getByRole('button', { name: 'Remove rate' }).click();
  await expect(page.getByText('Rate for EUR removed; its orders are left out of spend.')).toBeVisible();
});
