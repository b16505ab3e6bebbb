// Sentiment where the owner sees it, in Chromium against browser mode with the real core: a
// complaint about a late delivery logged on a customer's page reads as negative about delivery on
// its timeline entry and the customer's card, appears on an open dashboard with no reload among the
// most negative messages, one click from the customer; the labels follow the UI language. With no
// model, "Analyse with the model" says what it needs; with one, the model's answer is what shows.
// And the charts on the sample shop, photographed in English and Chinese for a person to look at.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { openApp, useLanguage } from './app-page';
import { buildTinyGguf } from '../fixtures/tiny-gguf';
import { wsClientFor } from '../transport/clients';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/shots';
const COMPLAINT = 'The delivery was two weeks late and nobody told me. Really disappointed, this is unacceptable.';



test('a late delivery logged on a customer reads as negative about delivery: timeline, card, live dashboard, one click back, in both languages', async ({ browser }) => {
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    // The sample shop's complaints would crowd a newly logged one out of the top ten.
    if ((await client.api.app.overview.query()).sampleCustomers > 0) await client.api.sample.remove.mutate();
    const name = `Dana Latimer ${Date.now()}`;
    const { id } = await client.api.customers.create.mutate({ name });

    const page = await (await browser.newContext()).newPage();
    const dash = await (await browser.newContext()).newPage();
    await openApp(page, `/customers/${id}`);
    await openApp(dash, '/dashboard');
    await expect(dash.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();

    // Nothing analysed yet: the card says so.
    const card = page.getByTestId('sentiment-card');
    await expect(card.getByTestId('sentiment-empty')).toContainText('Nothing analysed yet');

    // Log the complaint as a message from the customer.
    await page.getByRole('tab', { name: 'Log message' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill(COMPLAINT);
    await page.getByRole('button', { name: 'Log message' }).click();

    // Its timeline entry: a red "Negative" badge and a red "Delivery" chip.
    const entry = page.getByTestId('timeline-interaction').filter({ hasText: COMPLAINT });
    const badge = entry.getByTestId('sentiment-badge');
    await expect(badge).toHaveAttribute('data-label', 'negative');
    await expect(badge).toHaveText('Negative');
    await expect(entry.locator('[data-aspect="delivery"]')).toHaveAttribute('data-polarity', 'negative');
    await expect(entry.locator('[data-aspect="delivery"]')).toHaveText('Delivery');
    // A click on the badge says why, and who said so.
    await badge.click();
    const why = page.getByTestId('sentiment-explanation');
    await expect(why).toContainText('Words that carried it');
    await expect(why).toContainText('late');
    await expect(why).toContainText('By the built-in analyser');
    await page.keyboard.press('Escape');
    await expect(why).toHaveCount(0);

    // The customer's card follows: one negative, mostly unhappy about delivery.
    await expect(card.getByTestId('sentiment-count-negative')).toContainText('1');
    await expect(card.getByTestId('sentiment-unhappy').locator('[data-aspect="delivery"]')).toContainText('Delivery');
    await expect(card.getByTestId('sentiment-trend-chart').locator('svg').first()).toBeVisible();

    // The dashboard, open in another window all along, shows it among the most negative, no reload.
    const row = dash.getByTestId('negative-message').filter({ hasText: name });
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row).toContainText('Negative');
    await expect(row.locator('[data-aspect="delivery"]')).toBeVisible();
    // One click opens the customer.
    await row.click();
    await expect(dash).toHaveURL(new RegExp(`#/customers/${id}$`));
    await expect(dash.getByRole('heading', { level: 2, name })).toBeVisible();

    // Ctrl+D goes to the dashboard from anywhere (not while typing).
    await page.getByRole('heading', { level: 2, name }).click();
    await page.keyboard.press('Control+D');
    await expect(page).toHaveURL(/#\/dashboard$/);
    await expect(page.getByTestId('negative-message').filter({ hasText: name })).toBeVisible();

    // In Chinese: the same message reads 负面, about 物流.
    await useLanguage(page, 'zh');
    await expect(page.getByRole('heading', { name: '近期最负面的消息' })).toBeVisible();
    const zhRow = page.getByTestId('negative-message').filter({ hasText: name });
    await expect(zhRow).toContainText('负面');
    await expect(zhRow.locator('[data-aspect="delivery"]')).toHaveText('物流');
    await zhRow.click();
    const zhEntry = page.getByTestId('timeline-interaction').filter({ hasText: COMPLAINT });
    await expect(zhEntry.getByTestId('sentiment-badge')).toHaveText('负面');
    await expect(zhEntry.locator('[data-aspect="delivery"]')).toHaveText('物流');
    await expect(page.getByTestId('sentiment-card').getByTestId('sentiment-unhappy')).toContainText('主要不满');
    await useLanguage(page, 'en');

    // The customers list filters by mood: "Unhappy lately" about delivery lists them, "Happy lately" does not.
    await openApp(page, '/customers');
    await page.getByRole('combobox', { name: 'How they felt in the last 90 days' }).click();
    await page.getByRole('option', { name: 'Unhappy lately', exact: true }).click();
    await page.getByRole('combobox', { name: 'Topic' }).click();
    await page.getByRole('option', { name: 'Delivery', exact: true }).click();
    await expect(page.getByText(name)).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'customers-unhappy-delivery-en.png') });
    await page.getByRole('combobox', { name: 'How they felt in the last 90 days' }).click();
    await page.getByRole('option', { name: 'Happy lately', exact: true }).click();
    await expect(page.getByText(name)).toHaveCount(0);
  } finally {
    client.close();
  }
});

test('on the sample shop the customer card and the dashboard chart sentiment in English and Chinese (screenshots)', async ({ page }) => {
  test.setTimeout(180_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  let loaded = false;
  try {
    if ((await client.api.app.overview.query()).sampleCustomers === 0) {
      const { jobId } = await client.api.sample.load.mutate({ seed: 42, customers: 2000 });
      loaded = true;
      await expect.poll(async () => (await client.api.jobs.get.query({ id: jobId })).status, { timeout: 90_000 }).toBe('done');
    }
    // A customer with a complaint among the most negative: their card has both colours to show.
    const overview = await client.api.sentiment.overview.query({ bucket: 'week' });
    const customerId = overview.mostNegative[0].customerId;
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1360, height: 1000 });

    for (const lang of ['en', 'zh'] as const) {
      await openApp(page, `/customers/${customerId}`, lang);
      const card = page.getByTestId('sentiment-card');
      // The trend: a dot per analysed message or review, in its label's colour.
      await expect(card.getByTestId('sentiment-trend-chart').locator('svg circle').first()).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `sentiment-customer-${lang}.png`) });
      // A message on the timeline with its label, its topics and, on a click, why.
      const badge = page.getByTestId('timeline-interaction').getByTestId('sentiment-badge').first();
      await badge.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 200);
      await badge.click();
      await expect(page.getByTestId('sentiment-explanation')).toContainText(lang === 'zh' ? '由内置分析器判断' : 'By the built-in analyser');
      await page.waitForTimeout(400); // the popover's fade-in, for the picture
      await page.screenshot({ path: join(SHOTS, `sentiment-timeline-${lang}.png`) });
      await page.keyboard.press('Escape');

      await openApp(page, '/dashboard', lang);
      const overTime = page.getByTestId('sentiment-over-time');
      await expect(overTime.locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expect(page.getByTestId('sentiment-by-aspect').locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expect(page.getByTestId('negative-message')).toHaveCount(10);
      // By week the axis names days ("Nov 30"); by month it names months with their year.
      await expect(overTime.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).not.toHaveText(/\d{4}/);
      await page.screenshot({ path: join(SHOTS, `sentiment-dashboard-${lang}.png`), fullPage: true });
      await page.getByTestId('dashboard-sentiment').getByText(lang === 'zh' ? '按月' : 'By month', { exact: true }).click();
      await expect(overTime.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toHaveText(/\d{4}/);
      await page.screenshot({ path: join(SHOTS, `sentiment-dashboard-month-${lang}.png`), fullPage: true });
    }
    await useLanguage(page, 'en');
  } finally {
    if (loaded) await client.api.sample.remove.mutate();
    client.close();
  }
});

test('"Analyse with the model" says what it needs with no model; with one, the model reads the messages and the timeline says so', async ({ page }) => {
  test.setTimeout(300_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const dir = mkdtempSync(join(tmpdir(), 'patron-e2e-sentiment-'));
  try {
    // No model (an earlier spec may have left one), and few messages for the model to read.
    for (const m of await client.api.models.installed.query()) await client.api.models.remove.mutate({ file: m.file });
    if ((await client.api.app.overview.query()).sampleCustomers > 0) await client.api.sample.remove.mutate();
    const name = `Morgan Modelread ${Date.now()}`;
    const { id } = await client.api.customers.create.mutate({ name });
    for (const body of [COMPLAINT, 'Lovely tea, quick delivery and kind service. Thank you!', '包装破了，茶叶撒了一地，太失望了。'])
      await client.api.interactions.log.mutate({ customerId: id, channel: 'email', direction: 'inbound', body });

    await openApp(page, '/dashboard');
    const coverage = page.getByTestId('sentiment-coverage');
    const run = coverage.getByRole('button', { name: 'Analyse with the model' });
    await expect(run).toBeDisabled();
    await expect(coverage.getByTestId('sentiment-needs-model')).toContainText('Needs a local AI model');
    await coverage.getByRole('link', { name: 'Choose a model' }).click();
    await expect(page).toHaveURL(/#\/models$/);

    // A model from a file, as an air-gapped firm installs one.
    const file = join(dir, 'tiny-sentiment.gguf');
    writeFileSync(file, buildTinyGguf());
    await page.getByTestId('gguf-path').fill(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('active-model')).toContainText('tiny-sentiment.gguf', { timeout: 60_000 });

    await page.keyboard.press('Control+D');
    await expect(page).toHaveURL(/#\/dashboard$/);
    await expect(run).toBeEnabled();
    await run.click();
    // The job runs in the model lane; when it is done the coverage counts what the model read.
    await expect(coverage).toContainText(/[1-9][\d,]* of them read by the model/, { timeout: 240_000 });
    await expect(coverage.getByTestId('sentiment-jobs')).toHaveCount(0, { timeout: 60_000 });

    // The customer's timeline shows the model's answer where it has one, and says whose it is.
    const scored = (await client.api.sentiment.customer.query({ customerId: id })).points.filter((p) => p.source === 'model');
    expect(scored.length).toBeGreaterThan(0);
    await openApp(page, `/customers/${id}`);
    const entry = page.locator(`[data-testid="timeline-interaction"]`).filter({ has: page.locator('[data-testid="sentiment-badge"]') });
    await expect(entry).toHaveCount(3);
    const badges = page.getByTestId('timeline-interaction').getByTestId('sentiment-badge');
    const sources: string[] = [];
    for (let i = 0; i < 3; i++) {
      await badges.nth(i).click();
      sources.push((await page.getByTestId('sentiment-explanation').textContent()) ?? '');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('sentiment-explanation')).toHaveCount(0);
    }
    expect(sources.filter((s) => s.includes('By the model tiny-sentiment.gguf'))).toHaveLength(scored.length);
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
