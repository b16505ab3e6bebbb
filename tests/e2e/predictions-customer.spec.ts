// Predictions where a person meets them, in Chromium against browser mode with the real core and
// the sample shop: a customer at high churn risk shows the risk as a percentage with its reasons in
// words (English, then Chinese exactly as reason-text.ts words them); a suggestion opens "also
// bought" with its rules, as does a best seller on the dashboard; "churn risk over 50%" as a
// smart-list chip counts what SQL counts, and the list bar shows its summed predicted value; the
// segments page shows each segment's value. Screenshots in English and Chinese, light and dark.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import i18next from 'i18next';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { openApp, useLanguage, useTheme } from './app-page';
import { reasonText } from '../../src-renderer/src/components/predict/reason-text';
import { zh } from '../../src-renderer/src/i18n/zh';
import type { ChurnReason } from '../../src-main/shared/predictions';
import { wsClientFor } from '../transport/clients';
import { loadPinnedSampleShop } from './sample-shop';

test.use({ actionTimeout: 15_000 });

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/predpages/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);
const number = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

/** Screenshots in both languages and themes; `open` shows what to take (a drawer) and `close` hides it again. */
async function shots(page: Page, name: string, show?: { open(): Promise<void>; close(): Promise<void> }) {
  for (const lang of ['en', 'zh'] as const) {
    await useLanguage(page, lang);
    for (const theme of ['light', 'dark'] as const) {
      await useTheme(page, theme);
      await page.mouse.move(0, 0);
      if (show) await show.open();
      await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${theme}.png`), fullPage: !show });
      if (show) await show.close();
    }
  }
  await useTheme(page, 'light');
  await useLanguage(page, 'en');
}

test('predictions: a customer’s churn risk with reasons in both languages, also bought from a suggestion and a best seller, churn-risk chip counts as SQL does', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    // Start from the pinned sample shop: an earlier spec may have removed the sample or pinned another
    // day, and an unanchored shop's risks depend on the day the suite runs.
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'predictions' });

    const { dbFile } = await client.api.app.info.query();
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    // A customer at high risk with reasons, preferring one with suggestions (for "also bought").
    const candidates = db
      .prepare(`SELECT customer_id AS id FROM customer_predictions WHERE churn_risk >= 0.7 AND reasons <> '[]' ORDER BY churn_risk DESC, customer_id LIMIT 40`)
      .pluck()
      .all() as number[];
    expect(candidates.length).toBeGreaterThan(0);
    let chosen: { id: number; reasons: ChurnReason[]; suggestions: number } | null = null;
    for (const id of candidates) {
      const v = await client.api.predictions.customer.query({ customerId: id });
      if (!v.prediction?.reasons.length) continue;
      const c = { id, reasons: v.prediction.reasons, suggestions: v.suggestions.length };
      if (!chosen || (!chosen.suggestions && c.suggestions)) chosen = c;
      if (c.suggestions) break;
    }
    expect(chosen).not.toBeNull();
    const customer = chosen!;

    // The customer page: risk as a percentage, the reasons in words, what it rests on.
    await openApp(page, `/customers/${customer.id}`);
    const card = page.getByTestId('customer-predictions');
    await expect(card.getByTestId('churn-risk')).toContainText(/\d+%/);
    await expect(card.getByTestId('churn-band')).toHaveAttribute('data-band', 'high');
    const reasons = card.getByTestId('churn-reason');
    await expect(reasons).toHaveCount(customer.reasons.length);
    await expect(reasons.first()).toHaveText(/^[a-z].*[a-z)]$/);
    await expect(reasons.first()).not.toContainText('predict.');
    await expect(card.getByTestId('prediction-basis')).toContainText(/^Based on \d+ purchases?/);
    await expect(card.getByTestId('p-alive')).toContainText(/\d+%/);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await shots(page, 'customer');
    const cards = card.locator('xpath=../..');
    for (const lang of ['en', 'zh'] as const) {
      await useLanguage(page, lang);
      for (const theme of ['light', 'dark'] as const) {
        await useTheme(page, theme);
        await cards.screenshot({ path: join(SHOTS, `customer-card-${lang}-${theme}.png`) });
      }
    }
    await useTheme(page, 'light');
    await useLanguage(page, 'en');

    // In Chinese, exactly as reason-text.ts words the first reason.
    const zhT = i18next.createInstance();
    await zhT.init({ lng: 'zh', resources: { zh: { translation: zh } }, interpolation: { escapeValue: false } });
    await useLanguage(page, 'zh');
    await expect(reasons.first()).toHaveText(reasonText(customer.reasons[0], zhT.t));
    await expect(reasons.first()).toHaveText(/[\u4e00-\u9fff]/);
    await useLanguage(page, 'en');

    // A customer with no paid order: no numbers, and what predictions wait for.
    const orderless = db.prepare('SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM customer_predictions) ORDER BY id LIMIT 1').pluck().get() as number;
    await openApp(page, `/customers/${orderless}`);
    await expect(card.getByTestId('prediction-gap')).toHaveAttribute('data-gap', 'no_orders');
    await expect(card.getByTestId('prediction-gap')).toHaveText('Predictions start with the first paid order.');
    await expect(card.getByTestId('churn-risk')).toHaveCount(0);
    await openApp(page, `/customers/${customer.id}`);

    // "They may also like": a suggestion opens what is bought with it.
    const drawer = page.getByTestId('also-bought');
    if (customer.suggestions) {
      await page.getByTestId('suggestion').first().click();
      await expect(drawer.getByTestId('also-bought-rule').first()).toBeVisible();
      await expect(drawer.getByTestId('also-bought-rule').first()).toContainText(/× as likely as usual.*In \d+% of orders with .+together in \d+ orders?/s);
      await page.keyboard.press('Escape');
      await expect(drawer.getByTestId('also-bought-rule')).toHaveCount(0);
    }

    // The dashboard's best sellers: a product with rules opens them, as many as the core has.
    const withRules = db.prepare(`SELECT lhs_item AS item, count(*) AS n FROM product_rules WHERE lhs_item IS NOT NULL GROUP BY lhs_item`).all() as { item: string; n: number }[];
    const rulesOf = new Map(withRules.map((r) => [r.item, Math.min(r.n, 8)]));
    await openApp(page, '/dashboard');
    const top = page.getByTestId('top-product');
    await expect(top.first()).toBeVisible();
    const items = await top.evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
    const index = items.findIndex((item) => rulesOf.has(item));
    expect(index).toBeGreaterThanOrEqual(0);
    const name = db.prepare(`SELECT DISTINCT consequent_name FROM product_rules WHERE consequent = ?`).pluck().get(items[index]) as string | undefined;
    await top.nth(index).click();
    if (name) await expect(drawer).toContainText(`Bought with ${name}`);
    await expect(drawer.getByTestId('also-bought-rule')).toHaveCount(rulesOf.get(items[index])!);
    await page.keyboard.press('Escape');
    await expect(drawer.getByTestId('also-bought-rule')).toHaveCount(0);
    await shots(page, 'also-bought', {
      open: async () => {
        await top.nth(index).click();
        await expect(drawer.getByTestId('also-bought-rule').first()).toBeVisible();
        // The drawer slides in: shoot it once it is still.
        await page.waitForTimeout(400);
      },
      close: async () => {
        await page.keyboard.press('Escape');
        await expect(drawer.getByTestId('also-bought-rule')).toHaveCount(0);
      },
    });

    // "Churn risk over 50%" as a chip: the count is SQL's, the list bar shows its predicted value.
    const atRisk = db.prepare('SELECT count(*) FROM customer_predictions WHERE churn_risk > 0.5').pluck().get() as number;
    const atRiskClv = db.prepare('SELECT coalesce(sum(clv_cents), 0) FROM customer_predictions WHERE churn_risk > 0.5').pluck().get() as number;
    expect(atRisk).toBeGreaterThan(0);
    await openApp(page, '/customers');
    const editor = page.getByTestId('filter-editor');
    await editor.getByTestId('add-condition').click();
    const form = page.getByTestId('condition-form');
    await form.getByRole('combobox', { name: 'Field' }).click();
    await form.getByRole('combobox', { name: 'Field' }).fill('Churn risk');
    await form.getByRole('option', { name: 'Churn risk (%)', exact: true }).click();
    await form.getByRole('combobox', { name: 'Condition' }).click();
    await form.getByRole('option', { name: 'over', exact: true }).click();
    await form.getByRole('textbox', { name: 'Value' }).fill('50');
    await form.getByRole('button', { name: 'Apply' }).click();
    const chips = editor.getByTestId('filter-chip');
    await expect(chips).toHaveText(['Churn risk over 50%']);
    await expect.poll(async () => number(await page.getByTestId('customer-count').textContent())).toBe(atRisk);
    await expect(page.getByTestId('list-value')).toHaveAttribute('data-cents', String(atRiskClv));
    await expect(page.getByTestId('list-value')).toContainText(/^Predicted value .+ over the next \d+ months$/);
    await shots(page, 'customers-churn');
    await useLanguage(page, 'zh');
    await expect(chips).toHaveText(['流失风险高于50%']);
    await useLanguage(page, 'en');

    // The segments page: each segment with customers who have orders shows its summed value.
    const champions = db
      .prepare(`SELECT coalesce(sum(cp.clv_cents), 0) FROM customer_predictions cp JOIN customer_segments cs ON cs.customer_id = cp.customer_id WHERE cs.segment = 'champions'`)
      .pluck()
      .get() as number;
    await openApp(page, '/segments');
    await expect(page.locator('[data-testid="segment-row"][data-segment="champions"]').getByTestId('segment-value')).toHaveAttribute('data-cents', String(champions));
    await shots(page, 'segments');
    db.close();
  } finally {
    client.close();
  }
});
