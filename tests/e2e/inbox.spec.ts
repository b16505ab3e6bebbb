// The inbox on the pinned sample shop, in Chromium against browser mode with the real core: open
// messages most urgent first with the reasons in words, j/k to move, r to draft a reply to a Chinese
// complaint, the draft in the editor with its checks (re-checked as the owner edits), "Mark as
// sent" taking it out of the inbox, the counts and the response time following, the reply on the
// customer's timeline, with how long the message waited for its answer; Copy offering "Mark as
// sent"; e then u (undo). Without a model the template fills the editor; with the tiny model
// tokens stream into it and Stop stops them. Screenshots in English and Chinese, light and dark,
// for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { openApp, useLanguage, useTheme } from './app-page';
import { buildTinyGguf } from '../fixtures/tiny-gguf';
import { wsClientFor } from '../transport/clients';
import { loadPinnedSampleShop } from './sample-shop';
import { ASPECTS, SENTIMENT_LABELS, type Aspect, type SentimentLabel } from '../../src-main/shared/sentiment';
import { sentiment as enSentiment } from '../../src-renderer/src/i18n/en/sentiment';

const en = enSentiment.sentiment;

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/inbox/shots';
const PIN = '2026-11-30';
const ANCHOR = Date.parse(`${PIN}T12:00:00Z`);
const HAN = /[\u4e00-\u9fff]/;
const ANSWERED_EN = /^Answered in \d+ (minutes?|hours?|days?|weeks?|months?|years?)$/;
const ANSWERED_ZH = /^\d+(分钟|小时|天|周|个月|年)后回复$/;

type Client = ReturnType<typeof wsClientFor>;

const selectedRow = (page: Page) => page.locator('[data-testid="inbox-row"][aria-selected="true"]');
const rowById = (page: Page, id: string | number) => page.locator(`[data-testid="inbox-row"][data-id="${id}"]`);

async function pick(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Chinese complaints at the top of the list, through the filters as the owner would; the first one selected. */
async function showChineseComplaints(page: Page) {
  await pick(page, 'Language', 'Chinese');
  await pick(page, 'Sentiment', 'Negative');
  const first = page.getByTestId('inbox-row').first();
  await expect(first).toHaveAttribute('data-language', 'zh');
  await expect(first).toHaveAttribute('data-label', 'negative');
  // Back from the select to the list, where the keys work.
  await first.click();
  await expect(page.getByTestId('inbox-list')).toBeFocused();
  return (await first.getAttribute('data-id'))!;
}

/** The reply on the customer's timeline as outbound, reached from the "sent" notification. */
async function replyOnTimeline(page: Page, body: string) {
  await page.getByTestId('sent-notice').getByRole('button', { name: 'Open timeline' }).click();
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
  const entry = page.getByTestId('timeline-interaction').filter({ hasText: body });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('To customer');
}

async function removeModels(client: Client) {
  for (const m of await client.api.models.installed.query()) await client.api.models.remove.mutate({ file: m.file });
}

test('without a model: the inbox by urgency with reasons, j/k, r on a Chinese complaint fills the template with passing checks, edit, mark as sent, e and u', async ({ page }) => {
  test.setTimeout(420_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  try {
    await removeModels(client);
    // Predictions in, so the reasons can name segments, churn risk and value.
    await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'predictions' });
    const before = await client.api.inbox.stats.query();
    expect(before.open).toBeGreaterThan(20);
    mkdirSync(SHOTS, { recursive: true });

    await page.setViewportSize({ width: 1440, height: 960 });
    await openApp(page, '/inbox');
    await useTheme(page, 'light');
    await expect(page.getByRole('heading', { level: 2, name: 'Inbox' })).toBeVisible();
    await expect(page.getByTestId('inbox-open')).toHaveText(`${before.open.toLocaleString('en-US')} open`);
    await expect(page.getByTestId('nav-inbox-count')).toHaveText(before.open.toLocaleString('en-US'));
    await expect(page.getByTestId('inbox-median')).toContainText('Median response time (last 30 days)');
    const medianBefore = await page.getByTestId('inbox-median-value').textContent();

    // Most urgent first, each with its reasons in words.
    const rows = page.getByTestId('inbox-row');
    await expect(rows.first()).toBeVisible();
    const list = await client.api.inbox.list.query({ filter: {}, limit: 50 });
    await expect(rows.first()).toHaveAttribute('data-id', String(list.items[0].id));
    await expect(rows.first().getByTestId('inbox-row-name')).toHaveText(list.items[0].customerName);
    for (let i = 0; i < 5; i++) await expect(rows.nth(i).getByTestId('inbox-row-reasons')).toContainText(/waiting \d+ (minutes?|hours?|days?|weeks?|months?|years?)/);
    await expect(rows.getByTestId('inbox-row-reasons').filter({ hasText: /^(Negative|Mixed), about [a-z&, ]+ · / }).first()).toBeVisible();

    // The keys, one click away.
    await page.getByTestId('inbox-keyboard').click();
    await expect(page.getByText('Work through the inbox from the keyboard')).toBeVisible();
    await page.waitForTimeout(300); // the popover's fade-in, for the picture
    await page.screenshot({ path: join(SHOTS, 'inbox-keyboard-en-light.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByText('Work through the inbox from the keyboard')).toBeHidden();

    // j/k move the selection, and the panel follows; far down the list stays on screen.
    await expect(selectedRow(page)).toHaveAttribute('data-id', String(list.items[0].id));
    await page.keyboard.press('j');
    await expect(selectedRow(page)).toHaveAttribute('data-id', String(list.items[1].id));
    await expect(page.getByTestId('reply-panel')).toHaveAttribute('data-message-id', String(list.items[1].id));
    await page.keyboard.press('k');
    await expect(selectedRow(page)).toHaveAttribute('data-id', String(list.items[0].id));
    for (let i = 0; i < 14; i++) await page.keyboard.press('j');
    await expect(selectedRow(page)).toHaveAttribute('data-id', String(list.items[14].id));
    await expect(selectedRow(page)).toBeInViewport();

    // r on a Chinese complaint: the template fills the editor in Chinese, every check passes.
    const id = await showChineseComplaints(page);
    await expect(page.getByTestId('language-picker').getByRole('radio', { name: 'Chinese (the customer’s)' })).toBeChecked();
    await page.keyboard.press('r');
    const editor = page.getByTestId('draft-editor');
    await expect(editor).toHaveAttribute('data-mode', 'template');
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue(HAN);
    const checks = page.getByTestId('checks');
    await expect(checks).toHaveAttribute('data-state', 'current');
    await expect(checks).toHaveAttribute('data-failed', '0');
    await expect(checks.getByTestId('check')).toHaveCount(4);
    await expect(page.getByTestId('draft-template-note')).toContainText('An AI model on this computer would write a reply');
    await expect(page.getByTestId('draft-template-note').getByRole('link', { name: 'Choose a model' })).toHaveAttribute('href', /#\/models$/);
    await expect(page.getByTestId('draft-source').first()).toBeVisible();
    const template = await editor.inputValue();

    // Typing is typing: "j" goes into the editor, not to the next message.
    await editor.press('End');
    await page.keyboard.type(' j');
    await expect(editor).toHaveValue(`${template} j`);
    await expect(selectedRow(page)).toHaveAttribute('data-id', id);
    // A number in no record is flagged with the reason, as the owner edits.
    await editor.fill(`${template}\n订单号 98765。`);
    await expect(checks.locator('[data-check="facts"]')).toHaveAttribute('data-ok', 'false');
    await expect(checks.locator('[data-check="facts"]')).toContainText('Numbers not found in the records or the shop facts: 98765');
    const reply = `${template}\n如有任何问题，请随时联系我们。`;
    await editor.fill(reply);
    await expect(checks).toHaveAttribute('data-failed', '0');
    await expect(checks).toHaveAttribute('data-state', 'current');

    // The pictures: the Chinese draft, English and Chinese UI, light and dark.
    await page.screenshot({ path: join(SHOTS, 'inbox-zh-draft-en-light.png') });
    await useTheme(page, 'dark');
    await page.screenshot({ path: join(SHOTS, 'inbox-zh-draft-en-dark.png') });
    await useLanguage(page, 'zh');
    await expect(page.getByRole('heading', { level: 2, name: '收件箱' })).toBeVisible();
    await expect(rows.first().getByTestId('inbox-row-reasons')).toContainText(/已等待\d+(分钟|小时|天|周|个月|年)/);
    await expect(checks.getByTestId('checks-summary')).toHaveText('全部检查通过');
    await page.screenshot({ path: join(SHOTS, 'inbox-zh-draft-zh-dark.png') });
    await useTheme(page, 'light');
    await page.screenshot({ path: join(SHOTS, 'inbox-zh-draft-zh-light.png') });
    await useLanguage(page, 'en');

    // Escape leaves the editor for the list.
    await editor.focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('inbox-list')).toBeFocused();

    // Mark as sent: out of the inbox, the counts and the response time follow, on the timeline.
    await page.getByTestId('draft-send').click();
    await expect(rowById(page, id)).toHaveCount(0);
    // The notice says how long this message waited for its answer.
    await expect(page.getByTestId('sent-answered')).toHaveText(ANSWERED_EN);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'inbox-sent-answered-en-light.png') });
    await expect(page.getByTestId('inbox-open')).toHaveText(`${(before.open - 1).toLocaleString('en-US')} open`);
    await expect(page.getByTestId('nav-inbox-count')).toHaveText((before.open - 1).toLocaleString('en-US'));
    const after = await client.api.inbox.stats.query();
    expect(after.answered).toBe(before.answered + 1);
    expect(after.medianResponseMs).not.toBe(before.medianResponseMs);
    if (medianBefore !== null) await expect(page.getByTestId('inbox-median-value')).not.toHaveText(medianBefore);
    expect((await client.api.inbox.get.query({ id: Number(id) })).handled).toBe(true);
    await replyOnTimeline(page, '如有任何问题，请随时联系我们。');

    // An English message, drafted in English: the other pair of pictures.
    await openApp(page, '/inbox');
    await pick(page, 'Language', 'English');
    await rows.first().click();
    await page.keyboard.press('r');
    await expect(editor).toHaveAttribute('data-mode', 'template');
    await expect(editor).not.toHaveValue(HAN);
    await expect(checks).toHaveAttribute('data-state', 'current');
    await page.screenshot({ path: join(SHOTS, 'inbox-en-draft-en-light.png') });
    await useTheme(page, 'dark');
    await page.screenshot({ path: join(SHOTS, 'inbox-en-draft-en-dark.png') });
    await useLanguage(page, 'zh');
    await page.screenshot({ path: join(SHOTS, 'inbox-en-draft-zh-dark.png') });
    await useTheme(page, 'light');
    await useLanguage(page, 'en');

    // Copy logs nothing by itself; the notice asks whether it was sent, and one click logs what was copied.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const copiedId = (await selectedRow(page).getAttribute('data-id'))!;
    const copiedText = await editor.inputValue();
    await page.getByTestId('draft-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copiedText);
    const copied = page.getByTestId('copied-notice');
    await expect(copied).toContainText('Reply copied. Sent it?');
    expect((await client.api.inbox.get.query({ id: Number(copiedId) })).handled).toBe(false);
    await page.waitForTimeout(400); // the notification's slide-in, for the picture
    await page.screenshot({ path: join(SHOTS, 'inbox-copied-en-light.png') });
    await copied.getByRole('button', { name: 'Mark as sent' }).click();
    await expect(rowById(page, copiedId)).toHaveCount(0);
    await expect(page.getByTestId('sent-notice').last()).toBeVisible();
    expect((await client.api.inbox.get.query({ id: Number(copiedId) })).handled).toBe(true);
    await expect(page.getByTestId('inbox-open')).toHaveText(`${(before.open - 2).toLocaleString('en-US')} open`);

    // e marks the selected message handled (it leaves at once, with Undo); u brings it back.
    await page.getByTestId('inbox-list').focus();
    const handledId = (await selectedRow(page).getAttribute('data-id'))!;
    await page.keyboard.press('e');
    await expect(rowById(page, handledId)).toHaveCount(0);
    await expect(page.getByText(/^Marked handled: /)).toBeVisible();
    await expect.poll(async () => (await client.api.inbox.get.query({ id: Number(handledId) })).handled).toBe(true);
    await page.keyboard.press('u');
    await expect(rowById(page, handledId)).toHaveCount(1);
    await expect(rowById(page, handledId)).toHaveAttribute('aria-selected', 'true');
    await expect.poll(async () => (await client.api.inbox.get.query({ id: Number(handledId) })).handled).toBe(false);

    // Filters that hide everything say so, with a way back (a combination the API says matches nothing).
    let none: { sentiment: SentimentLabel; aspect: Aspect } | null = null;
    for (const sentiment of SENTIMENT_LABELS)
      for (const aspect of ASPECTS) if (!none && (await client.api.inbox.list.query({ filter: { sentiment, aspect }, limit: 1 })).total === 0) none = { sentiment, aspect };
    expect(none).not.toBeNull();
    await pick(page, 'Sentiment', en.labels[none!.sentiment]);
    await pick(page, 'Topic', en.aspects[none!.aspect]);
    const empty = page.getByTestId('inbox-empty');
    await expect(empty).toHaveAttribute('data-reason', 'filtered');
    await expect(empty).toContainText('No open message matches these filters');
    await expect(empty).toContainText(`${(before.open - 2).toLocaleString('en-US')} open messages are hidden by the filters`);
    await page.screenshot({ path: join(SHOTS, 'inbox-filtered-empty-en-light.png') });
    await empty.getByRole('button', { name: 'Reset filters' }).click();
    await expect(rows.first()).toBeVisible();

    // A message arriving while the inbox is open counts at once (change events), no reload.
    await client.api.interactions.log.mutate({ customerId: list.items[0].customerId, channel: 'email', direction: 'inbound', body: 'Where is my order? It has been two weeks.' });
    await expect(page.getByTestId('inbox-open')).toHaveText(`${(before.open - 1).toLocaleString('en-US')} open`);
    await expect(page.getByTestId('nav-inbox-count')).toHaveText((before.open - 1).toLocaleString('en-US'));

    // On the customer's timeline, the message answered says how long it waited for the answer.
    const answeredMessage = await client.api.inbox.get.query({ id: Number(id) });
    await openApp(page, `/customers/${answeredMessage.customerId}`);
    const inbound = page.getByTestId('timeline-interaction').filter({ hasText: answeredMessage.body.split('\n')[0].slice(0, 20) });
    const answered = inbound.getByTestId('timeline-answered');
    await expect(answered).toHaveText(ANSWERED_EN);
    await inbound.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'timeline-answered-en-light.png') });
    await useLanguage(page, 'zh');
    await expect(answered).toHaveText(ANSWERED_ZH);
    await page.screenshot({ path: join(SHOTS, 'timeline-answered-zh-light.png') });
    await useLanguage(page, 'en');
  } finally {
    client.close();
  }
});

test('with the tiny model: r on a Chinese complaint streams tokens into the editor, Stop, edit, mark as sent, on the timeline', async ({ page }) => {
  test.setTimeout(360_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const dir = mkdtempSync(join(tmpdir(), 'patron-e2e-inbox-'));
  try {
    if ((await client.api.inbox.stats.query()).open === 0) await loadPinnedSampleShop(client, { anchor: ANCHOR, pin: PIN, until: 'segments' });
    // The tiny model writes gibberish: this is about the plumbing, not the prose.
    const file = join(dir, 'tiny-inbox.gguf');
    writeFileSync(file, buildTinyGguf());
    await client.api.models.import.mutate({ path: file });
    await expect.poll(async () => (await client.api.models.status.query()).activeFile).toBe('tiny-inbox.gguf');
    const before = await client.api.inbox.stats.query();

    await page.setViewportSize({ width: 1440, height: 960 });
    await openApp(page, '/inbox');
    const id = await showChineseComplaints(page);
    const editor = page.getByTestId('draft-editor');
    // The tiny model writes a whole draft in well under a second: Stop is pressed from inside the
    // page the moment the first tokens are in the editor, as no round trip from here could.
    await page.evaluate(() => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="draft-editor"]')!;
      new MutationObserver((_, obs) => {
        if (box.dataset.status !== 'streaming') return;
        obs.disconnect();
        document.querySelector<HTMLButtonElement>('[data-testid="draft-stop"]')!.click();
      }).observe(box, { attributes: true, attributeFilter: ['data-status'] });
    });
    await page.keyboard.press('r');
    await expect(editor).toHaveAttribute('data-mode', 'model', { timeout: 60_000 });
    await expect(editor).toHaveAttribute('data-status', 'stopped', { timeout: 120_000 });
    await expect(page.getByTestId('draft-stop')).toHaveCount(0);
    const stopped = await editor.inputValue();
    expect(stopped.length).toBeGreaterThan(0);
    // Nothing more arrives after Stop; the checks run on what was written.
    await page.waitForTimeout(1500);
    await expect(editor).toHaveValue(stopped);
    await expect(page.getByTestId('checks')).toHaveAttribute('data-state', 'current');

    // Regenerate replaces it with a whole draft, streamed token by token to its end.
    await page.getByTestId('draft-button').click();
    await expect(editor).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const whole = await editor.inputValue();
    expect(whole.length).toBeGreaterThan(stopped.length);
    await expect(page.getByTestId('checks')).toHaveAttribute('data-state', 'current');
    await expect(page.getByTestId('checks').getByTestId('check')).toHaveCount(4);
    await page.screenshot({ path: join(SHOTS, 'inbox-model-draft-en-light.png') });

    // The owner rewrites it and marks it sent.
    const reply = '您好，非常抱歉给您带来不便。我们已经在处理，会尽快给您答复。';
    await editor.fill(reply);
    await expect(page.getByTestId('checks')).toHaveAttribute('data-state', 'current');
    await expect(page.getByTestId('checks').locator('[data-check="language"]')).toHaveAttribute('data-ok', 'true');
    await page.getByTestId('draft-send').click();
    await expect(rowById(page, id)).toHaveCount(0);
    await expect(page.getByTestId('inbox-open')).toHaveText(`${(before.open - 1).toLocaleString('en-US')} open`);
    await replyOnTimeline(page, reply);
  } finally {
    await removeModels(client).catch(() => {});
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
