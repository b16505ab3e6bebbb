// Backup and restore in Chromium against browser mode with the real core: on /privacy the owner
// backs up the pinned sample shop to a file, a customer is added, the backup is checked (what it
// holds is shown) and restored, and after the page shows the restored data the customer is gone
// again. In Chinese: the check of a file given by path, and the daily schedule switched on and
// off again (no schedule is left enabled for later specs).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { wsClientFor } from '../transport/clients';
import { openApp, useLanguage } from './app-page';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? 'test-results/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);
const ADDED = 'Restore Test Person';


const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/h4-${name}.png`, fullPage: false });

test('back up, add a customer, restore: the customer is gone again; in Chinese too; no schedule left on', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const dataDir = process.env.PATRON_E2E_DATA_DIR!;
  const file = join(dataDir, 'backups', 'e2e-backup.sqlite');
  const addedCount = async () => (await client.api.customers.list.query({ search: ADDED, limit: 10 })).total;
  try {
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });
    const customersAtBackup = (await client.api.app.overview.query()).customers;

    // ---- Back up now, to a file of our choosing. ----
    await openApp(page, '/privacy');
    const section = page.getByTestId('backup-section');
    await expect(section.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
    await section.getByTestId('backup-file').fill(file);
    await section.getByTestId('backup-now').click();
    await expect(section.getByTestId('backup-status')).toContainText(`Saved ${file}`, { timeout: 60_000 });
    const row = section.getByTestId('backup-row-e2e-backup.sqlite');
    await expect(row).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'backup-done-en');

    // ---- A customer added after the backup. ----
    await client.api.customers.create.mutate({ name: ADDED, email: 'restore.test@example.com' });
    expect(await addedCount()).toBe(1);

    // ---- Restore: the check shows what the backup holds, then asks to confirm. ----
    await row.getByRole('button', { name: 'Restore e2e-backup.sqlite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await expect(dialog.getByTestId('restore-customers')).toHaveText(customersAtBackup.toLocaleString('en'));
    await expect(dialog).toContainText('patron.sqlite.before-restore');
    await shot(page, 'restore-check-en');
    await dialog.getByTestId('restore-confirm').click();
    await expect(dialog.getByTestId('restore-done')).toContainText('Your previous data is kept at', { timeout: 60_000 });
    await shot(page, 'restore-done-en');
    await dialog.getByTestId('restore-reload').click();
    await expect(page.getByTestId('backup-section')).toBeVisible();

    // The customer added after the backup is gone; the shop is as it was.
    expect(await addedCount()).toBe(0);
    expect((await client.api.app.overview.query()).customers).toBe(customersAtBackup);

    // ---- In Chinese: restore from a path (checked, then cancelled), and the daily schedule. ----
    await openApp(page, '/privacy', 'zh');
    const zh = page.getByTestId('backup-section');
    await expect(zh.getByRole('heading', { name: '备份', exact: true })).toBeVisible();
    await zh.getByTestId('restore-path').fill(file);
    await zh.getByTestId('restore-check').click();
    const zhDialog = page.getByRole('dialog', { name: '恢复备份' });
    await expect(zhDialog.getByTestId('restore-customers')).toHaveText(customersAtBackup.toLocaleString('zh-CN'));
    await expect(zhDialog).toContainText('当前全部数据将被备份中的数据替换');
    await shot(page, 'restore-check-zh');
    await zhDialog.getByRole('button', { name: '取消' }).click();
    await expect(zhDialog).toBeHidden();

    // A damaged file is refused, in words.
    await zh.getByTestId('restore-path').fill(join(dataDir, 'net-guard.jsonl'));
    await zh.getByTestId('restore-check').click();
    await expect(page.getByRole('dialog', { name: '恢复备份' }).getByTestId('restore-check-error')).toContainText('没有替换任何数据');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '恢复备份' })).toBeHidden();

    const schedule = page.getByTestId('backup-schedule');
    await schedule.getByTestId('backup-keep').fill('3');
    await schedule.getByRole('switch', { name: '每天自动备份' }).click();
    await expect.poll(async () => (await client.api.backup.settings.query()).schedule).toMatchObject({ enabled: true, keep: 3 });
    await schedule.scrollIntoViewIfNeeded();
    await shot(page, 'schedule-zh');
    await schedule.getByRole('switch', { name: '每天自动备份' }).click();
    await expect.poll(async () => (await client.api.backup.settings.query()).schedule.enabled).toBe(false);
    await useLanguage(page, 'en');
  } finally {
    // Whatever happened above, no daily backup is left running for later specs.
    const s = (await client.api.backup.settings.query().catch(() => null))?.schedule;
    if (s?.enabled) await client.api.backup.setSettings.mutate({ ...s, enabled: false });
    client.close();
  }
});
