// Shop facts and win-back messages on the pinned sample shop, with no model, in Chromium against
// browser mode with the real core: the owner writes shop facts and finds them after a reload (and
// is asked before leaving with unsaved edits); from the segments page starts a win-back for At risk
// (or Can't lose them), sees the job finish with messages from templates and a word on what a
// model would add, reviews from the keyboard (approve, edit then approve, skip), exports the CSV
// (exactly the approved messages) after being told they are logged, and finds one on the
// customer's timeline. Screenshots in English and Chinese, light and dark, for a person to look at.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { openApp, useLanguage, useTheme } from './app-page';
import { wsClientFor } from '../transport/clients';
import { loadPinnedSampleShop } from './sample-shop';
import { BRIEF_MAX_CHARS, CAMPAIGN_MAX_CUSTOMERS } from '../../src-main/shared/drafting';

test.use({ actionTimeout: 15_000 });

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/inbox/shots-campaigns';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);

const RETURNS = 'Returns within 30 days of delivery, unused. 退货请在签收后 30 天内办理。';
const DELIVERY = 'Orders before 3 pm leave the same day; Shanghai next day.';
const SHOP_NAME = 'Celadon Tea House';

/** Screenshots of what is on screen now in both languages and themes, back to English and light after. */
async function shoot(page: Page, name: string, fullPage = true) {
  for (const lang of ['en', 'zh'] as const) {
    await useLanguage(page, lang);
    for (const theme of ['light', 'dark'] as const) {
      await useTheme(page, theme);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${theme}.png`), fullPage });
    }
  }
  await useTheme(page, 'light');
  await useLanguage(page, 'en');
}

/** A dialog in both languages and themes: closed to switch (the header is behind it), opened again by `open`. */
async function shootDialog(page: Page, name: string, open: () => Promise<Locator>) {
  for (const lang of ['en', 'zh'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await useLanguage(page, lang);
      await useTheme(page, theme);
      const dialog = await open();
      await expect(dialog).toBeVisible();
      await page.waitForTimeout(250); // the opening transition
      await dialog.screenshot({ path: join(SHOTS, `${name}-${lang}-${theme}.png`) });
    }
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await useTheme(page, 'light');
  await useLanguage(page, 'en');
  return open();
}

test('shop facts saved; a win-back for a segment written from templates, reviewed from the keyboard, exported as CSV and logged on the timeline', async ({ page }) => {
  test.setTimeout(420_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    for (const m of await client.api.models.installed.query()) await client.api.models.remove.mutate({ file: m.file });
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });

    // ---- Shop facts: written, unsaved until saved, asked about before leaving, there after a reload.
    await openApp(page, '/facts');
    await expect(page.getByRole('heading', { name: 'Shop facts' })).toBeVisible();
    await expect(page.getByTestId('facts-rule')).toContainText('never invent a policy, a price, a date or an order number');
    // The shop's name comes first, on one line: a name, not a paragraph.
    const shopName = page.getByRole('textbox', { name: 'Shop name' });
    await expect(shopName).toHaveJSProperty('tagName', 'INPUT');
    await shopName.fill(SHOP_NAME);
    const returns = page.getByRole('textbox', { name: 'Returns and exchanges' });
    await expect(returns).toHaveAttribute('placeholder', /^For example: Returns within 30 days/);
    await returns.fill(RETURNS);
    await page.getByRole('textbox', { name: 'Delivery times' }).fill(DELIVERY);
    await expect(page.getByTestId('facts-state')).toHaveAttribute('data-state', 'unsaved');
    await expect(page.getByTestId('fact-returns').getByTestId('fact-count')).toHaveText(`${RETURNS.length} / 2,000`);
    // Leaving now asks first; staying keeps the edits.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Stay and save' }).click();
    await expect(page).toHaveURL(/#\/facts/);
    await expect(returns).toHaveValue(RETURNS);
    await shoot(page, 'facts-unsaved');
    await page.getByTestId('facts-save').click();
    await expect(page.getByTestId('facts-state')).toHaveAttribute('data-state', 'saved');
    expect(await client.api.drafting.facts.query()).toMatchObject({ name: SHOP_NAME, returns: RETURNS });
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Returns and exchanges' })).toHaveValue(RETURNS);
    await expect(page.getByRole('textbox', { name: 'Delivery times' })).toHaveValue(DELIVERY);
    await expect(page.getByTestId('facts-state')).toHaveAttribute('data-state', 'saved');
    await expect(page.getByRole('textbox', { name: 'Shop name' })).toHaveValue(SHOP_NAME);
    await expect(page.getByTestId('facts-written')).toHaveText('3 of 7 topics written');
    await useLanguage(page, 'zh');
    await expect(page.getByRole('textbox', { name: '营业时间' })).toHaveAttribute('placeholder', /^例如：门店：周一至周六/);
    await useLanguage(page, 'en');

    // ---- A win-back for a segment, started from the segments page.
    const overview = await client.api.segments.overview.query({});
    const sizes = Object.fromEntries(overview.segments.map((s) => [s.code, s.customers]));
    const code = (['at_risk', 'cant_lose'] as const).find((c) => (sizes[c] ?? 0) >= 3 && (sizes[c] ?? 0) <= CAMPAIGN_MAX_CUSTOMERS);
    expect(code, `At risk ${sizes.at_risk}, Can't lose ${sizes.cant_lose}`).toBeDefined();
    const segmentLabel = code === 'at_risk' ? 'At risk' : 'Can’t lose them';
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Segments' }).click();
    const row = page.locator(`[data-testid="segment-row"][data-segment="${code}"]`);
    const openNew = async () => {
      await row.getByTestId('segment-actions').getByRole('button').last().click();
      await page.getByTestId('group-write-messages').click();
      return page.getByRole('dialog');
    };
    await row.getByRole('button', { name: `More actions for ${segmentLabel}` }).click();
    await page.getByRole('menuitem', { name: 'Write messages to these customers' }).click();
    let dialog = page.getByRole('dialog', { name: 'New campaign' });
    await expect(dialog.getByTestId('campaign-who')).toContainText(`Segment: ${segmentLabel}`);
    await expect(dialog.getByTestId('campaign-who-count')).toHaveText(`${sizes[code!]} customers`);
    await expect(dialog.getByRole('textbox', { name: 'Campaign name' })).toHaveValue(`Win-back · ${segmentLabel}`);
    await expect(dialog).toContainText('No model is active');
    dialog = await shootDialog(page, 'new-campaign', openNew);
    await dialog.getByTestId('campaign-start').click();
    await expect(page).toHaveURL(/#\/campaigns\/\d+/);
    const campaignId = Number(/#\/campaigns\/(\d+)/.exec(page.url())![1]);

    // The job finishes; every message is written, from templates, and the page says what a model adds.
    await expect
      .poll(async () => {
        const c = await client.api.campaigns.get.query({ id: campaignId });
        return c.counts.total > 0 && c.counts.drafted === c.counts.total;
      }, { timeout: 120_000 })
      .toBe(true);
    const summary = await client.api.campaigns.get.query({ id: campaignId });
    await expect(page.getByTestId('campaign-written')).toHaveText(`${summary.counts.total} of ${summary.counts.total} written`);
    await expect(page.getByTestId('campaign-job')).toHaveCount(0);
    await expect(page.getByTestId('campaign-templates')).toContainText('These messages come from templates');
    await expect(page.getByTestId('campaign-templates').getByRole('link', { name: 'Get a model' })).toHaveAttribute('href', /#\/models/);
    const messages = await client.api.campaigns.messages.query({ id: campaignId });
    expect(messages.every((m) => m.body && m.madeBy === 'template')).toBe(true);

    // ---- Review from the keyboard: approve (a), edit then approve, skip (s), j/k to move.
    const panel = page.getByTestId('review-panel');
    await expect(panel).toHaveAttribute('data-id', String(messages[0].id));
    await expect(panel.getByTestId('review-customer')).toContainText(messages[0].customerName);
    await expect(panel.getByTestId('review-made-by')).toHaveText('From a template');
    await expect(panel.getByTestId('checks')).toBeVisible();
    await shoot(page, 'campaign-review');
    await page.keyboard.press('a');
    await expect.poll(async () => (await client.api.campaigns.get.query({ id: campaignId })).counts.approved).toBe(1);
    // It moved on to the second message; edit it, then approve with the edits.
    await expect(panel).toHaveAttribute('data-id', String(messages[1].id));
    const editor = panel.getByTestId('review-editor');
    const edited = `${messages[1].body!.trim()}\nP.S. Our tea tasting is on Saturday.`;
    await editor.fill(edited);
    await expect(panel.getByTestId('review-edited')).toBeVisible();
    await panel.getByRole('button', { name: /Save and approve/ }).click();
    await expect(panel).toHaveAttribute('data-id', String(messages[2].id));
    // Skip the third from the keyboard (the editor is left with Esc first).
    await page.keyboard.press('s');
    await expect(panel).toHaveAttribute('data-id', String(messages[3]?.id ?? messages[2].id));
    // Back to the first with k: it says Approved.
    for (let i = 0; i < 3; i++) await page.keyboard.press('k');
    await expect(panel).toHaveAttribute('data-id', String(messages[0].id));
    await expect(panel.getByTestId('review-status')).toHaveText('Approved');
    await page.keyboard.press('j');
    await expect(panel.getByTestId('review-editor')).toHaveValue(edited);
    const counts = (await client.api.campaigns.get.query({ id: campaignId })).counts;
    expect({ approved: counts.approved, skipped: counts.skipped }).toEqual({ approved: 2, skipped: 1 });
    await expect(page.getByTestId('campaign-counts').first().locator('[data-status="approved"]')).toHaveAttribute('data-count', '2');

    // ---- Export: told first that each goes on the timeline; the CSV holds exactly the approved two.
    await page.getByTestId('campaign-export').click();
    let confirm = page.getByRole('dialog', { name: 'Export approved messages' });
    await expect(confirm).toContainText('logged on its customer’s timeline');
    confirm = await shootDialog(page, 'export-confirm', async () => {
      await page.getByTestId('campaign-export').click();
      return page.getByRole('dialog');
    });
    const downloading = page.waitForEvent('download');
    await confirm.getByTestId('campaign-export-confirm').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const table = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(table.data.map((r) => r.Name)).toEqual([messages[0].customerName, messages[1].customerName]);
    expect(table.data.map((r) => r.Message)).toEqual([messages[0].body!.trim(), edited]);
    const after = (await client.api.campaigns.get.query({ id: campaignId })).counts;
    expect({ approved: after.approved, exported: after.exported, skipped: after.skipped }).toEqual({ approved: 0, exported: 2, skipped: 1 });

    // ---- The edited message is on its customer's timeline, outbound.
    await panel.getByTestId('review-customer').click();
    await expect(page).toHaveURL(new RegExp(`#/customers/${messages[1].customerId}`));
    await expect(page.getByTestId('timeline-interaction').filter({ hasText: 'P.S. Our tea tasting is on Saturday.' })).toBeVisible();
    await shoot(page, 'customer-timeline', false);
    // From here, a win-back for this one customer: the modal names them.
    await page.getByTestId('customer-winback').click();
    const one = page.getByRole('dialog', { name: 'New campaign' });
    await expect(one.getByTestId('campaign-who')).toContainText(`Customer: ${messages[1].customerName}`);
    await expect(one.getByTestId('campaign-who-count')).toHaveText('1 customer');
    await page.keyboard.press('Escape');

    // ---- The campaigns list shows it with its counts; delete asks first.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).click();
    const listRow = page.locator(`[data-testid="campaign-row"][data-id="${campaignId}"]`);
    await expect(listRow).toContainText(`Win-back · ${segmentLabel}`);
    await expect(listRow.locator('[data-status="exported"]')).toHaveAttribute('data-count', '2');
    await shoot(page, 'campaigns-list');
    await listRow.getByTestId('campaign-delete').click();
    await expect(page.getByRole('dialog', { name: 'Delete this campaign?' })).toContainText('stay on their customers’ timelines');
    await page.getByTestId('campaign-delete-confirm').click();
    await expect(listRow).toHaveCount(0);
    await expect(page.getByTestId('campaigns-empty')).toBeVisible();
    await shoot(page, 'campaigns-empty');
    // "New campaign" here picks the customers: a segment, with its count; a campaign needs a brief.
    await page.getByTestId('campaign-new').click();
    const picker = page.getByRole('dialog', { name: 'New campaign' });
    await expect(picker.getByTestId('campaign-start')).toBeDisabled();
    await picker.getByRole('combobox', { name: 'Segment' }).click();
    await page.getByRole('option', { name: new RegExp(`^${segmentLabel} · `) }).click();
    await expect(picker.getByRole('combobox', { name: 'Segment' })).toHaveValue(`${segmentLabel} · ${sizes[code!]} customers`);
    await picker.getByText('Campaign', { exact: true }).click();
    await picker.getByTestId('campaign-start').click();
    await expect(picker.getByText('Say what the campaign is about.')).toBeVisible();
    // The brief is held to what a text message can carry, and counted as it is written.
    const brief = picker.getByTestId('campaign-brief');
    await expect(brief).toHaveAttribute('maxlength', String(BRIEF_MAX_CHARS));
    const said = 'Spring teas arrive on 1 March.';
    await brief.fill(said);
    await expect(picker.getByTestId('campaign-brief-count')).toHaveText(`${said.length} / ${BRIEF_MAX_CHARS}`);
    await picker.screenshot({ path: join(SHOTS, 'new-campaign-picker-en-light.png') });
    await page.keyboard.press('Escape');
    expect(await client.api.campaigns.list.query()).toEqual([]);
  } finally {
    client.close();
  }
});
