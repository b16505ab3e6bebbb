// The app updates live: two windows on the same core see each other's writes within a second,
// with no reload, and counts elsewhere on screen (the Tasks badge) follow every write, including
// a bulk one like removing the sample shop.
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { wsClientFor } from '../transport/clients';

async function openApp(page: Page, hash: string) {
  await page.goto(`/?token=${E2E_TOKEN}#${hash}`);
  await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

const tasksBadge = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Tasks/ });

test('two windows on one core show each other\'s note and task within a second', async ({ browser }) => {
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    const stamp = Date.now();
    const { id } = await client.api.customers.create.mutate({ name: `Live Window ${stamp}` });
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await openApp(a, `/customers/${id}`);
    await openApp(b, `/customers/${id}`);
    await expect(b.getByRole('heading', { level: 2, name: `Live Window ${stamp}` })).toBeVisible();

    // A note written in window A appears in window B, which nobody touches.
    const note = `Asked for the oolong sampler ${stamp}`;
    await a.getByRole('textbox', { name: 'Note' }).fill(note);
    await a.getByRole('button', { name: 'Add note' }).click();
    await expect(a.getByTestId('timeline-note').filter({ hasText: note })).toBeVisible();
    await expect(b.getByTestId('timeline-note').filter({ hasText: note })).toBeVisible({ timeout: 1_000 });

    // A task added in A moves B's Tasks badge.
    const badgeBefore = Number(((await tasksBadge(b).textContent()) ?? '').replace(/\D/g, '') || '0');
    await a.getByRole('tab', { name: 'Task' }).click();
    await a.getByRole('textbox', { name: 'Task' }).fill(`Call back ${stamp}`);
    await a.getByRole('button', { name: 'Add task' }).click();
    await expect(b.getByTestId('timeline-task').filter({ hasText: `Call back ${stamp}` })).toBeVisible({ timeout: 1_000 });
    await expect(tasksBadge(b)).toContainText(new Intl.NumberFormat('en').format(badgeBefore + 1), { timeout: 1_000 });
  } finally {
    client.close();
  }
});

test('after "Remove sample data" the Tasks badge follows at once, with no reload', async ({ page }) => {
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    // The sample shop (its follow-ups fill the Tasks badge): a small one, unless an earlier test loaded it.
    if ((await client.api.app.overview.query()).sampleCustomers === 0) {
      const { jobId } = await client.api.sample.load.mutate({ seed: 7, customers: 60 });
      await expect.poll(async () => (await client.api.jobs.get.query({ id: jobId })).status, { timeout: 60_000 }).toBe('done');
    }
    const before = (await client.api.app.overview.query()).openTasks;
    expect(before).toBeGreaterThan(0);
    await openApp(page, '/settings');
    const fmt = (n: number) => new Intl.NumberFormat('en').format(n);
    await expect(tasksBadge(page)).toContainText(fmt(before));

    await page.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove sample data' }).click();
    await expect.poll(async () => (await client.api.app.overview.query()).openTasks, { timeout: 10_000 }).toBeLessThan(before);
    const after = (await client.api.app.overview.query()).openTasks;
    // The badge shows what is left (no badge when nothing is) without a reload.
    if (after === 0) await expect(tasksBadge(page).locator('.mantine-Badge-root')).toHaveCount(0, { timeout: 2_000 });
    else await expect(tasksBadge(page)).toContainText(fmt(after), { timeout: 2_000 });
  } finally {
    client.close();
  }
});
