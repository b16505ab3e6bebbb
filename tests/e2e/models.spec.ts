// With no model installed: the model page says plainly what to do and shows what this computer
// has; the customer page's "Summarise" says a model is needed and links to that page. Nothing is
// downloaded (the test machine has no network, and the app makes no connection by itself).
import { expect, test } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

test('with no model, the model page and Summarise say what is needed, in English and Chinese', async ({ page }) => {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('banner').getByText('English', { exact: true }).click();

  // A customer of this test's own, from the form (the start screen or the list, whichever shows).
  const name = `Summary Test ${Date.now().toString(36)}`;
  await page.goto('/#/customers');
  const start = page.getByTestId('start-screen');
  await expect(start.or(page.getByTestId('customer-count'))).toBeVisible();
  await ((await start.count()) ? start.getByRole('button', { name: 'Add a customer' }) : page.getByRole('button', { name: 'New customer' })).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  await page.getByRole('button', { name: 'Summarise' }).click();
  const card = page.getByTestId('summary-card');
  await expect(card.getByTestId('summary-no-model')).toContainText('none is installed yet');
  await card.getByRole('link', { name: 'Open the AI model page' }).click();
  await expect(page).toHaveURL(/#\/models$/);

  const empty = page.getByTestId('no-model');
  await expect(empty).toContainText('No AI model yet');
  await expect(empty).toContainText('Everything else in Patron works without one.');
  await expect(page.getByTestId('no-installed')).toBeVisible();
  // The catalog, with one model recommended for this machine and each marked for fit.
  await expect(page.getByTestId('catalog-card').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('recommended')).toHaveCount(1);
  await expect(page.getByTestId('hardware-gpu')).not.toBeEmpty();
  await expect(page.getByTestId('active-model')).toContainText('None');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();

  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await expect(empty).toContainText('还没有 AI 模型');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: 'AI 模型' })).toBeVisible();
  await page.getByRole('banner').getByText('English', { exact: true }).click();
});
