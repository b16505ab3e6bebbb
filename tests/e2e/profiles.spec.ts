// Profiles and privacy mode in Chromium against browser mode with the real core: privacy mode by
// its shortcut masks names on the customers list and a customer's page (and off restores them);
// the owner sets up an owner and a staff profile on /privacy and marks email private; "Switch
// profile" shows the sign-in screen with nothing of the data; staff signs in with the PIN pad,
// sees no Export and no emails, and a direct call to an owner-only procedure is refused. At the
// end the profiles are removed and privacy mode is off, so later specs find the app as before.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { wsClientFor } from '../transport/clients';
import { maskName } from '../../src-main/shared/privacy-mask';
import { openApp, useLanguage } from './app-page';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? 'test-results/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);
const OWNER = { name: 'Owner Ada', pin: '2468' };
const STAFF = { name: 'Staff Ben', pin: '1357' };


const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/h3-${name}.png`, fullPage: false });

/** Moves within the app without reloading: a reload is a new connection, which starts signed out. */
async function go(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), `#${hash}`);
}

async function typePinOnPad(page: Page, pin: string) {
  const gate = page.getByTestId('profile-gate');
  for (const d of pin) await gate.getByRole('button', { name: d, exact: true }).click();
}

test('privacy mode masks names; owner and staff profiles; staff cannot export; removed again at the end', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const admin = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    expect(await client.api.profiles.list.query()).toEqual([]);
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });
    const first = (await client.api.customers.list.query({ sort: 'name', dir: 'asc', limit: 1 })).rows[0];
    const masked = maskName(first.name);

    // ---- Privacy mode by its shortcut: the list and the customer's page, then off again. ----
    await openApp(page, '/customers');
    const names = page.getByTestId('customer-name');
    await expect(names.first()).toBeVisible();
    const shownBefore = await names.allTextContents();
    await page.locator('body').press('Control+Shift+P');
    await expect(page.getByTestId('privacy-mode-badge')).toBeVisible();
    await expect.poll(() => client.api.profiles.privacyMode.query()).toBe(true);
    for (const [i, text] of (await names.allTextContents()).entries()) {
      expect(text).toBe(maskName(shownBefore[i]));
      expect(text).not.toBe(shownBefore[i]);
    }
    await expect(page.getByTestId('customer-email').filter({ hasText: /@/ }).first()).toContainText('•••@');
    await shot(page, 'privacy-mode-customers-en');

    await openApp(page, `/customers/${first.id}`);
    const main = page.getByRole('main');
    await expect(main.getByText(masked, { exact: true }).first()).toBeVisible();
    await expect(main).not.toContainText(first.name);
    if (first.email) await expect(main).not.toContainText(first.email);
    await shot(page, 'privacy-mode-customer-en');
    await useLanguage(page, 'zh');
    await expect(page.getByTestId('privacy-mode-badge')).toHaveText('隐私模式');
    await shot(page, 'privacy-mode-customer-zh');
    await useLanguage(page, 'en');

    await page.locator('body').press('Control+Shift+P');
    await expect(page.getByTestId('privacy-mode-badge')).toHaveCount(0);
    await expect(main.getByText(first.name, { exact: true }).first()).toBeVisible();
    expect(await client.api.profiles.privacyMode.query()).toBe(false);

    // ---- Profiles on /privacy: the owner first (this window stays the owner's), then staff. ----
    await openApp(page, '/privacy');
    const section = page.getByTestId('profiles-section');
    await expect(section).toContainText('One person uses Patron here');
    await section.getByTestId('add-profile').click();
    await page.getByTestId('profile-name').fill(OWNER.name);
    await page.getByTestId('profile-pin').fill(OWNER.pin);
    await page.getByTestId('save-profile').click();
    await expect(section.getByTestId(`profile-row-${OWNER.name}`)).toContainText('Owner');
    await section.getByTestId('add-profile').click();
    await page.getByTestId('profile-name').fill(STAFF.name);
    await page.getByTestId('profile-pin').fill(STAFF.pin);
    await page.getByTestId('save-profile').click();
    await expect(section.getByTestId(`profile-row-${STAFF.name}`)).toContainText('Staff');
    await section.getByTestId('private-email').click();
    await expect(section.getByTestId('private-email')).toBeChecked();
    await expect.poll(() => admin.api.profiles.privateFields.query()).toEqual(['email']);
    await shot(page, 'profiles-en');
    await useLanguage(page, 'zh');
    await expect(section.getByTestId(`profile-row-${STAFF.name}`)).toContainText('店员');
    await shot(page, 'profiles-zh');
    await useLanguage(page, 'en');

    // ---- Switch profile: the sign-in screen, nothing of the data; a wrong PIN, then staff. ----
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('switch-profile').click();
    const gate = page.getByTestId('profile-gate');
    await expect(gate).toBeVisible();
    await expect(page.getByRole('navigation', { name: /Main navigation/ })).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(first.name);
    await shot(page, 'gate-en');
    await gate.getByTestId(`profile-choice-${STAFF.name}`).click();
    await typePinOnPad(page, '9999');
    await page.keyboard.press('Enter');
    await expect(gate).toContainText('That PIN is not right');
    await shot(page, 'gate-wrong-pin-en');
    await typePinOnPad(page, STAFF.pin);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: /Main navigation/ })).toBeVisible();
    await expect(page.getByTestId('profile-menu')).toHaveText(STAFF.name);

    // Staff: no Export on the customers list, emails blank; a direct call is refused by the core.
    await go(page, '/customers');
    await expect(names.first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export' })).toHaveCount(0);
    await expect(page.getByTestId('customer-email').filter({ hasText: /@/ })).toHaveCount(0);
    await shot(page, 'staff-customers-en');
    await client.api.profiles.signIn.mutate({ profileId: (await client.api.profiles.list.query()).find((p) => p.name === STAFF.name)!.id, pin: STAFF.pin });
    const refused = await client.api.export.start.mutate({ list: { kind: 'customers' }, format: 'csv' }).catch((e: { data?: { app?: { code: string } } }) => e.data?.app?.code);
    expect(refused).toBe('owner_only');
    expect((await client.api.customers.get.query({ id: first.id })).email).toBeNull();

    // In Chinese: the sign-in screen after switching.
    await useLanguage(page, 'zh');
    await page.getByTestId('profile-menu').click();
    await page.getByTestId('switch-profile').click();
    await expect(gate).toContainText('请问是谁在使用 Patron？');
    await shot(page, 'gate-zh');
    await gate.getByTestId(`profile-choice-${OWNER.name}`).click();
    await typePinOnPad(page, OWNER.pin);
    await expect(gate.getByTestId('pin-input')).toHaveValue(OWNER.pin);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('profile-menu')).toHaveText(OWNER.name);
    await useLanguage(page, 'en');

    // ---- Back as the owner: remove staff, then the last profile ("stop using profiles"). ----
    await go(page, '/privacy');
    await section.getByTestId('private-email').click();
    await expect(section.getByTestId('private-email')).not.toBeChecked();
    await section.getByTestId(`remove-profile-${STAFF.name}`).click();
    await page.getByTestId('confirm-remove-profile').click();
    await expect(section.getByTestId(`profile-row-${STAFF.name}`)).toHaveCount(0);
    await section.getByTestId(`remove-profile-${OWNER.name}`).click();
    await expect(page.getByRole('dialog')).toContainText('Stop using profiles?');
    await page.getByTestId('confirm-remove-profile').click();
    await expect(section).toContainText('One person uses Patron here');
    await expect(page.getByTestId('profile-menu')).toHaveCount(0);
  } finally {
    // Whatever happened above, later specs find no profiles and privacy mode off.
    const left = await admin.api.profiles.list.query();
    const owner = left.find((p) => p.name === OWNER.name);
    if (owner) await admin.api.profiles.signIn.mutate({ profileId: owner.id, pin: OWNER.pin }).catch(() => {});
    for (const p of left.filter((p) => p.role === 'staff')) await admin.api.profiles.remove.mutate({ id: p.id }).catch(() => {});
    if (owner) await admin.api.profiles.setPrivateFields.mutate({ fields: [] }).catch(() => {});
    if (owner) await admin.api.profiles.remove.mutate({ id: owner.id }).catch(() => {});
    await admin.api.profiles.setPrivacyMode.mutate({ on: false }).catch(() => {});
    expect(await admin.api.profiles.list.query()).toEqual([]);
    client.close();
    admin.close();
  }
});
