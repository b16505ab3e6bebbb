// The dashboard's predictions section on the sample shop, in Chromium against browser mode with the
// real core: the sales forecast draws history, a dashed forecast and its 80%/95% bands, by day,
// week and month; the churn card lists customers at risk with why, one click from their page;
// "how these are worked out" shows the BG/NBD parameters and the churn check's AUC; a new CLV
// horizon starts a run whose figures the value card then names; the labels follow the language.
// Screenshots in English and Chinese, light and dark, for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { useLanguage, useTheme } from './app-page';
import { wsClientFor } from '../transport/clients';
import { loadPinnedSampleShop } from './sample-shop';

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/predict-dashboard';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);

/** The forecast chart: a solid history line, a dashed forecast line and two band areas with a real shape. */
async function forecastDrawn(page: Page) {
  const chart = page.getByTestId('forecast-chart');
  await expect(chart.locator('path.recharts-area-area')).toHaveCount(2);
  for (const band of await chart.locator('path.recharts-area-area').all()) expect(((await band.getAttribute('d')) ?? '').length).toBeGreaterThan(50);
  await expect(chart.locator('path.recharts-line-curve[stroke-dasharray="6 4"]')).toHaveCount(1);
  expect(await chart.locator('path.recharts-line-curve').count()).toBeGreaterThanOrEqual(2);
}

test('predictions on the dashboard: forecast with bands by day/week/month, churn at risk with reasons, how it is worked out, CLV horizon, both languages and themes', async ({ page }) => {
  test.setTimeout(300_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    // The predictions run after the segments run: wait for the one of the pinned day.
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'predictions' });
    const overview = await client.api.predictions.overview.query({});
    expect(overview.atRisk.length).toBeGreaterThan(0);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`/?token=${E2E_TOKEN}#/dashboard`);
    await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
    await useLanguage(page, 'en');
    await useTheme(page, 'light');
    const section = page.getByTestId('dashboard-predictions');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('heading', { name: 'Predictions', exact: true })).toBeVisible();
    await expect(page.getByTestId('predictions-as-of')).toContainText('Nov 30, 2026');

    // The forecast: an ETS model named in the caption, the bands drawn.
    await expect(page.getByTestId('forecast-caption')).toHaveText(/^Forecast by ETS\([AMN,d]+\).* · as of Nov 30, 2026 · 80% and 95% ranges · Fitted on \d+ complete weeks\.$/);
    await forecastDrawn(page);
    // A tooltip names the period and the ranges in money.
    const surface = (await page.getByTestId('forecast-chart').locator('.recharts-surface').first().boundingBox())!;
    await page.mouse.move(surface.x + surface.width * 0.93, surface.y + surface.height * 0.5);
    await expect(page.getByText('80% range', { exact: true }).last()).toBeVisible();
    await expect(page.getByText(/^¥[\d.]+[KM]? – ¥[\d.]+[KM]?$/).first()).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('predictions-forecast').screenshot({ path: join(SHOTS, 'forecast-en-light-tooltip.png') });

    const period = page.getByTestId('predictions-forecast');
    await period.getByText('Day', { exact: true }).click();
    await expect(page.getByTestId('forecast-caption')).toContainText('complete days');
    await forecastDrawn(page);
    await period.screenshot({ path: join(SHOTS, 'forecast-day-en-light.png') });
    await period.getByText('Month', { exact: true }).click();
    await expect(page.getByTestId('forecast-caption')).toContainText('complete months');
    await forecastDrawn(page);
    await period.screenshot({ path: join(SHOTS, 'forecast-month-en-light.png') });
    await period.getByText('Week', { exact: true }).click();
    await expect(page.getByTestId('forecast-caption')).toContainText('complete weeks');

    // Churn: the bands' counts add up to every customer scored; the most valuable at risk with reasons.
    const bands = overview.bands.reduce((s, b) => s + b.customers, 0);
    expect(bands).toBe(overview.totals.customers);
    await expect(page.getByTestId('churn-band-high')).toContainText(overview.bands.find((b) => b.band === 'high')?.customers.toLocaleString('en-US') ?? '0');
    const rows = page.getByTestId('churn-at-risk-row');
    await expect(rows).toHaveCount(overview.atRisk.length);
    await expect(rows.first()).toContainText(overview.atRisk[0].name);
    await expect(rows.first()).toContainText(/\d+% risk/);
    expect(((await page.getByTestId('churn-reasons').first().textContent()) ?? '').length).toBeGreaterThan(5);
    await expect(rows.first()).toHaveAttribute('href', new RegExp(`/customers/${overview.atRisk[0].customerId}$`));
    await expect(page.getByTestId('churn-show-all')).toHaveAttribute('href', /churn_risk.*gte.*40/);
    await expect(page.getByTestId('value-by-segment').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('value-caption')).toHaveText('Over the next 12 months, discounted at 10% a year.');
    await page.getByTestId('dashboard-predictions').screenshot({ path: join(SHOTS, 'predictions-en-light.png') });

    // How these are worked out: what the run rests on, BG/NBD's parameters, the churn check.
    await page.getByTestId('predictions-how').click();
    const dialog = page.getByRole('dialog', { name: 'How these are worked out' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('details-rests-on')).toContainText(overview.run!.orders.toLocaleString('en-US'));
    for (const p of ['r (shape of purchase rates)', 'α (scale of purchase rates)', 'a (dropout shape)', 'b (dropout shape)', 'Log-likelihood']) {
      await expect(dialog.getByTestId('details-bgnbd')).toContainText(p);
    }
    await expect(dialog.getByTestId('details-bgnbd')).toContainText(new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(overview.fits!.bgnbd!.params.r));
    await expect(dialog.getByTestId('details-gg')).toContainText('γ (spread between customers)');
    await expect(dialog).toContainText(/Correlation between how often customers buy and how much they spend: -?\d\.\d\d/);
    await expect(dialog.getByTestId('details-churn-check')).toHaveText(/^On the last \d+ days, churn risk ranked leavers with AUC 0\.\d\d; recency alone 0\.\d\d\./);
    await dialog.screenshot({ path: join(SHOTS, 'details-en-light.png') });

    // A 6-month horizon: saved, a new run starts, and the value card names the new horizon.
    await dialog.getByTestId('settings-horizon').fill('0');
    await expect(dialog.getByText('A whole number of months from 1 to 60.')).toBeVisible();
    await expect(dialog.getByTestId('settings-save')).toBeDisabled();
    await dialog.getByTestId('settings-horizon').fill('6');
    await dialog.getByTestId('settings-save').click();
    await page.screenshot({ path: join(SHOTS, 'details-settings-en-light.png') });
    await expect
      .poll(
        async () => {
          const o = await client.api.predictions.overview.query({});
          return o.jobId === null && o.run?.horizonMonths === 6 && !o.stale;
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('value-caption')).toHaveText('Over the next 6 months, discounted at 10% a year.', { timeout: 30_000 });

    await useTheme(page, 'dark');
    await forecastDrawn(page);
    await page.getByTestId('dashboard-predictions').screenshot({ path: join(SHOTS, 'predictions-en-dark.png') });

    // Chinese: the section's headings and labels follow.
    await useLanguage(page, 'zh');
    for (const heading of ['预测', '销售预测', '流失风险', '客户价值']) await expect(section.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.getByTestId('forecast-caption')).toContainText('预测模型 ETS(');
    await expect(page.getByTestId('value-caption')).toHaveText('未来 6 个月，按年折现率 10% 折现。');
    await expect(page.getByTestId('churn-reasons').first()).toHaveText(/[\u4e00-\u9fff]/);
    await page.getByTestId('dashboard-predictions').screenshot({ path: join(SHOTS, 'predictions-zh-dark.png') });
    await useTheme(page, 'light');
    await page.getByTestId('dashboard-predictions').screenshot({ path: join(SHOTS, 'predictions-zh-light.png') });
    await page.getByTestId('predictions-how').click();
    const zhDialog = page.getByRole('dialog', { name: '预测是怎么算的' });
    await expect(zhDialog.getByTestId('details-churn-check')).toContainText('AUC');
    await zhDialog.screenshot({ path: join(SHOTS, 'details-zh-light.png') });
    await page.keyboard.press('Escape');

    // A customer at risk is one click from their page.
    await rows.first().click();
    await expect(page).toHaveURL(new RegExp(`#/customers/${overview.atRisk[0].customerId}$`));
  } finally {
    client.close();
  }
});
