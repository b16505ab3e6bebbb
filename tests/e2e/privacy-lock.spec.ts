// Encryption and the app lock in Chromium against browser mode with the real core: on /privacy
// the owner turns encryption on for the pinned sample shop, locks (mod+L, then the button), and
// the lock screen shows no customer's name; a wrong passphrase is refused in words, the right one
// brings the data back. Once in Chinese. Encryption is turned off at the end, so later specs find
// a plain database.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { wsClientFor } from '../transport/clients';
import { openApp } from './app-page';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? 'test-results/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);
const PASS = 'correct horse battery';


const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/h1-${name}.png`, fullPage: false });

test('encryption on, lock, wrong then right passphrase, in English and Chinese; encryption off again', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });
    const first = (await client.api.customers.list.query({ sort: 'name', dir: 'asc', limit: 1 })).rows[0];
    expect(first?.name).toBeTruthy();

    // ---- Turn encryption on. ----
    await openApp(page, '/privacy');
    const section = page.getByTestId('encryption-section');
    await expect(section.getByTestId('encryption-status')).toHaveText('Not encrypted');
    await section.getByTestId('encrypt-passphrase').fill('short');
    await expect(section.getByText('At least 8 characters.')).toBeVisible();
    await section.getByTestId('encrypt-passphrase').fill(PASS);
    await expect(section.getByTestId('passphrase-strength')).toBeVisible();
    await section.getByTestId('encrypt-confirm').fill(PASS);
    await expect(section.getByText('There is no back door.', { exact: false })).toBeVisible();
    await section.getByTestId('encrypt-understood').check();
    await shot(page, 'turn-on-en');
    await section.getByTestId('encrypt-on').click();
    await expect(section.getByTestId('encryption-status')).toHaveText('Encrypted', { timeout: 60_000 });
    expect(await client.api.lock.state.query()).toMatchObject({ encrypted: true, locked: false });
    await shot(page, 'encrypted-en');

    // ---- Lock with the shortcut; the lock screen holds no customer data. ----
    await page.keyboard.press('ControlOrMeta+l');
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(first!.name)).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toHaveCount(0);
    expect(await page.content()).not.toContain(first!.name);
    expect(await client.api.lock.state.query()).toMatchObject({ encrypted: true, locked: true });

    // ---- Wrong, then right. ----
    await lock.getByTestId('lock-passphrase').fill('not the passphrase');
    await lock.getByTestId('lock-passphrase').press('Enter');
    await expect(lock.getByText('That passphrase is not right.', { exact: false })).toBeVisible({ timeout: 15_000 });
    await shot(page, 'lock-wrong-en');
    await lock.getByTestId('lock-passphrase').fill(PASS);
    await lock.getByTestId('lock-unlock').click();
    await expect(lock).toHaveCount(0, { timeout: 15_000 });
    await page.goto(`/?token=${E2E_TOKEN}#/customers`);
    await expect(page.getByText(first!.name).first()).toBeVisible({ timeout: 15_000 });

    // ---- In Chinese: lock with the button, switch language on the lock screen, unlock. ----
    await openApp(page, '/privacy', 'zh');
    await page.getByTestId('lock-now').click();
    await expect(lock).toBeVisible({ timeout: 15_000 });
    await expect(lock.getByText('Patron 已锁定')).toBeVisible();
    await lock.getByTestId('lock-passphrase').fill('still not it');
    await lock.getByTestId('lock-passphrase').press('Enter');
    await expect(lock.getByText('密码短语不正确', { exact: false })).toBeVisible({ timeout: 15_000 });
    await expect(lock.getByText('没有任何后门', { exact: false })).toBeVisible();
    await shot(page, 'lock-wrong-zh');
    await lock.getByText('English', { exact: true }).click();
    await expect(lock.getByText('Patron is locked')).toBeVisible();
    await shot(page, 'lock-en');
    await lock.getByText('中文', { exact: true }).click();
    await lock.getByTestId('lock-passphrase').fill(PASS);
    await lock.getByTestId('lock-passphrase').press('Enter');
    await expect(lock).toHaveCount(0, { timeout: 15_000 });
    const zhSection = page.getByTestId('encryption-section');
    await expect(zhSection.getByTestId('encryption-status')).toHaveText('已加密');
    await zhSection.scrollIntoViewIfNeeded();
    await shot(page, 'encrypted-zh');

    // ---- Off again: a wrong passphrase first, then the right one. ----
    await zhSection.getByTestId('decrypt-passphrase').fill('wrong passphrase');
    await zhSection.getByTestId('encrypt-off').click();
    await expect(zhSection.getByText('密码短语不正确', { exact: false })).toBeVisible({ timeout: 30_000 });
    await zhSection.getByTestId('decrypt-passphrase').fill(PASS);
    await zhSection.getByTestId('encrypt-off').click();
    await expect(zhSection.getByTestId('encryption-status')).toHaveText('未加密', { timeout: 60_000 });
    expect(await client.api.lock.state.query()).toMatchObject({ encrypted: false, locked: false });
    await openApp(page, '/privacy', 'en');
  } finally {
    // Whatever happened, later specs must find a plain, unlocked database.
    const s = await client.api.lock.state.query().catch(() => null);
    if (s?.locked) await client.api.lock.unlock.mutate({ passphrase: PASS }).catch(() => undefined);
    if (s?.encrypted) await client.api.lock.disable.mutate({ passphrase: PASS }).catch(() => undefined);
    client.close();
  }
});
