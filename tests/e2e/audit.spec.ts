// The audit log in Chromium against browser mode with the real core: a customer's email edited in
// the customer form shows on /audit as before → after, with the filters narrowing to it, the whole
// value a click away, and the page in Chinese. Screenshots for a person to look at.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { wsClientFor } from '../transport/clients';
import { openApp, useLanguage } from './app-page';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? 'test-results/shots';


test('an edit in the customer form is on the audit log as before → after, filtered, in English and Chinese', async ({ page }) => {
  test.setTimeout(180_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const stamp = Date.now().toString(36);
  const created = await client.api.customers.create.mutate({ name: `Audit Person ${stamp}`, email: `before-${stamp}@example.com`, language: 'en' });
  try {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });

    // ---- The edit, as a person makes it.
    await openApp(page, `/customers/${created.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: `Edit Audit Person ${stamp}` });
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill(`after-${stamp}@example.com`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toBeHidden();

    // ---- The audit log: the newest entry is the change, email only, before → after.
    await openApp(page, '/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    const newest = page.getByTestId('audit-row').first();
    await expect(newest).toContainText('Changed');
    await expect(newest).toContainText(`Customer: Audit Person ${stamp}`);
    await expect(newest.getByTestId('audit-change')).toHaveCount(1);
    await expect(newest.getByTestId('audit-change')).toContainText(`Email: before-${stamp}@example.com → after-${stamp}@example.com`);
    await page.screenshot({ path: join(SHOTS, 'h2-audit-en.png'), fullPage: true });

    // ---- Filters: this customer's entries, then only the changes.
    // (A customer id can come back after a deletion, so an earlier run's entries may share it.)
    await page.getByLabel('Customer ID').fill(String(created.id));
    const ours = page.getByTestId('audit-row').filter({ hasText: `${stamp}@example.com` });
    await expect(ours).toHaveCount(2);
    await expect(ours.nth(1)).toContainText('Created');
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Changed', exact: true }).click();
    await expect(ours).toHaveCount(1);
    await expect(page.getByTestId('audit-row').filter({ hasText: 'Created' })).toHaveCount(0);
    await expect(page.getByTestId('audit-row').first()).toContainText('Changed');
    // The whole entry a click away.
    await page.getByTestId('audit-row').first().getByRole('button', { name: 'Show all' }).click();
    const dialog = page.getByRole('dialog', { name: 'What changed' });
    await expect(dialog).toContainText(`after-${stamp}@example.com`);
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await page.screenshot({ path: join(SHOTS, 'h2-audit-filtered-en.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // ---- Chinese: 操作日志, the same entry in Chinese words.
    await useLanguage(page, 'zh');
    await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
    await expect(page.getByTestId('audit-row').first()).toContainText('修改');
    await expect(page.getByTestId('audit-row').first().getByTestId('audit-change')).toContainText(`邮箱：before-${stamp}@example.com → after-${stamp}@example.com`);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'h2-audit-zh.png'), fullPage: true });
    await useLanguage(page, 'en');
  } finally {
    // The customer goes; its entries stay (the log cannot be edited).
    await client.api.customers.delete.mutate({ id: created.id }).catch(() => undefined);
    client.close();
  }
});
