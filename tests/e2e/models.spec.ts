// With no model installed: the model page says plainly what to do and shows what this computer
// has; the customer page's "Summarise" says a model is needed and links to that page. Then a
// model that fails to load, told in Chinese from its code. Nothing is downloaded (the test machine
// has no network, and the app makes no connection by itself).
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { E2E_TOKEN } from '../../playwright.config';
import { buildTinyGguf } from '../fixtures/tiny-gguf';

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

test('a model that fails to load is explained in Chinese, its raw llama.cpp text behind Details, and the active model stays', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'patron-e2e-models-'));
  const good = join(dir, 'tiny-good.gguf');
  const broken = join(dir, 'no-norm.gguf');
  writeFileSync(good, buildTinyGguf());
  // A sound header (it passes the check and installs) that llama.cpp refuses: a tensor is missing.
  writeFileSync(broken, buildTinyGguf({ omitTensors: ['output_norm.weight'] }));

  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await page.goto('/#/models');
  for (const path of [good, broken]) {
    await page.getByTestId('gguf-path').fill(path);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.locator(`[data-testid="installed-model"][data-file="${basename(path)}"]`)).toBeVisible();
  }
  await expect(page.getByTestId('active-model')).toContainText('tiny-good.gguf');

  const row = page.locator('[data-testid="installed-model"][data-file="no-norm.gguf"]');
  await row.getByRole('button', { name: '使用这个模型' }).click();
  const problem = row.getByTestId('model-problem');
  await expect(problem).toContainText('模型运行环境无法加载“no-norm.gguf”', { timeout: 120_000 });
  await expect(problem).toHaveAttribute('data-code', 'model_load_failed');
  // llama.cpp's own English words appear nowhere on the page until Details is opened.
  await expect(page.locator('body')).not.toContainText('output_norm.weight');
  await expect(page.locator('body')).not.toContainText('llama_model_load');
  await problem.getByRole('button', { name: '详细信息' }).click();
  await expect(problem.getByTestId('model-problem-detail')).toContainText('output_norm.weight');
  await expect(page.locator('body')).not.toContainText(/could not be loaded|Failed to load model/);

  // The model that works is still the active one; the one that failed never became active.
  await expect(page.getByTestId('active-model')).toContainText('tiny-good.gguf');
  await expect(row.getByText('当前使用')).toHaveCount(0);
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(problem).toContainText('The model runtime could not load “no-norm.gguf”');
  rmSync(dir, { recursive: true, force: true });
});
