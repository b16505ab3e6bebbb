// Smart lists where the owner makes them, in Chromium against browser mode with the real core and
// the sample shop: two chips (city, spend) narrow the customers, the count follows a chip as it is
// edited (before it is applied) and the table's rows match; any/all and NOT change it as the core
// counts; the filter is saved as a list that shows in the navbar with its count, opens from there,
// refuses a name already taken, and comes back after a delete with Undo. The filter travels in the
// address (the segments page links to a group this way). "Ask in words" with no model says what it
// needs; with the tiny model, its answer shows as chips (or its failure in words), never as SQL,
// and applies only on Apply. Screenshots in English and Chinese for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT, E2E_TOKEN } from '../../playwright.config';
import { openApp, useLanguage } from './app-page';
import type { Filter } from '../../src-main/shared/filters';
import { buildTinyGguf } from '../fixtures/tiny-gguf';
import { wsClientFor } from '../transport/clients';

test.use({ actionTimeout: 15_000 });

const SHOTS = process.env.PATRON_E2E_SHOTS ?? '/tmp/seg/shots';
const SHANGHAI = '上海';



const number = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

/** The customers page's count ("1,234 customers match") as a number. */
async function shownCount(page: Page): Promise<number> {
  return number(await page.getByTestId('customer-count').textContent());
}

test('a filter of chips narrows the customers, counts live, saves as a list in the navbar, opens, deletes with undo; ask without a model says what it needs', async ({ page }) => {
  test.setTimeout(240_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const count = async (filter: Filter) => (await client.api.lists.count.query({ filter })).count;
  let loaded = false;
  try {
    for (const m of await client.api.models.installed.query()) await client.api.models.remove.mutate({ file: m.file });
    if ((await client.api.app.overview.query()).sampleCustomers === 0) {
      const { jobId } = await client.api.sample.load.mutate({ seed: 42, customers: 2000 });
      loaded = true;
      await expect.poll(async () => (await client.api.jobs.get.query({ id: jobId })).status, { timeout: 90_000 }).toBe('done');
    }
    for (const l of await client.api.lists.all.query()) await client.api.lists.remove.mutate({ id: l.id });
    mkdirSync(SHOTS, { recursive: true });

    await openApp(page, '/customers');
    // No lists yet: the navbar says how to make one.
    await expect(page.getByTestId('nav-lists-empty')).toContainText('No lists yet: filter the customers and save the filter as a list');
    // No model: the ask box says what it needs before anyone types, and where to get it.
    const ask = page.getByTestId('ask-box');
    await expect(ask.getByTestId('ask-no-model')).toContainText('Asking in words needs a local AI model');
    await expect(ask.getByRole('link', { name: 'Choose a model' })).toHaveAttribute('href', '#/models');

    // First chip: City is 上海.
    const editor = page.getByTestId('filter-editor');
    await editor.getByTestId('add-condition').click();
    let form = page.getByTestId('condition-form');
    await expect(form.getByRole('combobox', { name: 'Field' })).toHaveValue('City');
    await form.getByRole('combobox', { name: 'Value' }).fill(SHANGHAI);
    await form.getByRole('combobox', { name: 'Value' }).press('Enter');
    await expect(form).toHaveCount(0);
    const chips = editor.getByTestId('filter-chip');
    await expect(chips).toHaveText([`City is ${SHANGHAI}`]);
    const city: Filter['conditions'][number] = { field: 'city', op: 'is', value: SHANGHAI };
    const inShanghai = await count({ match: 'all', conditions: [city] });
    expect(inShanghai).toBeGreaterThan(20);
    await expect.poll(() => shownCount(page)).toBe(inShanghai);

    // Second chip: Spent over ¥1,000.
    await editor.getByTestId('add-condition').click();
    form = page.getByTestId('condition-form');
    await form.getByRole('combobox', { name: 'Field' }).click();
    await form.getByRole('combobox', { name: 'Field' }).fill('Spent');
    await form.getByRole('option', { name: 'Spent', exact: true }).click();
    await form.getByRole('combobox', { name: 'Condition' }).click();
    await form.getByRole('option', { name: 'over', exact: true }).click();
    await form.getByRole('textbox', { name: 'Value' }).fill('1000');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(chips).toHaveText([`City is ${SHANGHAI}`, 'Spent over ¥1,000']);
    const spend = (v: number): Filter['conditions'][number] => ({ field: 'total_spent', op: 'gt', value: v });
    const both1000 = await count({ match: 'all', conditions: [city, spend(1000)] });
    await expect.poll(() => shownCount(page)).toBe(both1000);

    // Editing the spend chip: the count follows the draft before it is applied.
    const both3000 = await count({ match: 'all', conditions: [city, spend(3000)] });
    expect(both3000).toBeLessThan(both1000);
    expect(both3000).toBeGreaterThan(0);
    await chips.nth(1).click();
    form = page.getByTestId('condition-form');
    await form.getByRole('textbox', { name: 'Value' }).fill('3000');
    await expect.poll(async () => number(await form.getByTestId('condition-count').textContent())).toBe(both3000);
    await expect.poll(() => shownCount(page)).toBe(both1000);
    await page.screenshot({ path: join(SHOTS, 'lists-chip-edit-en.png') });
    await form.getByRole('textbox', { name: 'Value' }).press('Enter');
    await expect(chips.nth(1)).toHaveText('Spent over ¥3,000');
    await expect.poll(() => shownCount(page)).toBe(both3000);
    // The rows are the filter's: in Shanghai, each over ¥3,000.
    const rows = page.getByTestId('customer-row');
    await expect(rows.first()).toBeVisible();
    const shown = Math.min(await rows.count(), 8);
    for (let i = 0; i < shown; i++) {
      await expect(rows.nth(i).getByRole('gridcell').nth(2)).toHaveText(SHANGHAI);
      expect(number(await rows.nth(i).getByTestId('customer-spend').textContent()) / 100).toBeGreaterThan(3000);
    }

    // Any of: Shanghai or over ¥3,000.
    await editor.getByTestId('filter-match').getByText('any of').click();
    const either = await count({ match: 'any', conditions: [city, spend(3000)] });
    expect(either).toBeGreaterThan(inShanghai);
    await expect.poll(() => shownCount(page)).toBe(either);
    await editor.getByTestId('filter-match').getByText('all of').click();
    await expect.poll(() => shownCount(page)).toBe(both3000);

    // NOT: big spenders outside Shanghai. Backspace on a chip removes it; Escape closes a popover.
    await chips.first().click();
    form = page.getByTestId('condition-form');
    await form.getByRole('switch', { name: 'Not (the opposite)' }).click();
    await form.getByRole('combobox', { name: 'Value' }).press('Enter');
    await expect(chips.first()).toHaveText(`City is not ${SHANGHAI}`);
    const notShanghai = await count({ match: 'all', conditions: [{ ...city, not: true }, spend(3000)] });
    await expect.poll(() => shownCount(page)).toBe(notShanghai);
    await chips.first().click();
    await expect(page.getByTestId('condition-form').getByRole('combobox', { name: 'Value' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('condition-form')).toHaveCount(0);
    await chips.first().focus();
    await page.keyboard.press('Backspace');
    await expect(chips).toHaveText(['Spent over ¥3,000']);
    // Back to the two chips, through the address (how other pages link to a group of customers).
    const twoChips: Filter = { match: 'all', conditions: [city, spend(3000)] };
    await page.goto(`/?filter=${encodeURIComponent(JSON.stringify(twoChips))}#/customers`);
    await expect(chips).toHaveText([`City is ${SHANGHAI}`, 'Spent over ¥3,000']);

    // Save as a list: its name becomes the title; the navbar lists it with its count.
    await page.getByTestId('save-list').click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'List name' }).fill('Shanghai big spenders');
    await page.getByRole('dialog').getByRole('button', { name: 'Save list' }).click();
    await expect(page.getByTestId('customers-title')).toHaveText('Shanghai big spenders');
    await expect(page).toHaveURL(/\?list=\d+#\/customers$/);
    const navItem = page.getByTestId('nav-list').filter({ hasText: 'Shanghai big spenders' });
    await expect(navItem).toContainText(String(both3000));
    await page.screenshot({ path: join(SHOTS, 'lists-saved-en.png') });

    // A name already taken is refused in words, under the field.
    await client.api.lists.create.mutate({ name: 'Taken', filter: { match: 'all', conditions: [city] } });
    await page.getByTestId('list-actions').click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'List name' }).fill('Taken');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByRole('dialog')).toContainText('Taken');
    await expect(page.getByRole('dialog').locator('.mantine-InputWrapper-error')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // Elsewhere, then back through the navbar.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page).toHaveURL(/#\/import$/);
    await expect(page).not.toHaveURL(/list=/);
    await navItem.click();
    await expect(page.getByTestId('customers-title')).toHaveText('Shanghai big spenders');
    await expect(chips).toHaveText([`City is ${SHANGHAI}`, 'Spent over ¥3,000']);
    await expect.poll(() => shownCount(page)).toBe(both3000);

    // Delete, then Undo: the list is back, same filter.
    await page.getByTestId('list-actions').click();
    await page.getByTestId('delete-list').click();
    await expect(navItem).toHaveCount(0);
    await expect(page.getByTestId('customers-title')).toHaveText('Customers');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(navItem).toContainText(String(both3000));
    await expect(page.getByTestId('customers-title')).toHaveText('Shanghai big spenders');

    // Edited, the list says so until "Update list" stores the new filter; the navbar count follows.
    await chips.nth(1).click();
    await page.getByTestId('condition-form').getByRole('textbox', { name: 'Value' }).fill('5000');
    await page.getByTestId('condition-form').getByRole('textbox', { name: 'Value' }).press('Enter');
    await expect(page.getByTestId('list-edited')).toBeVisible();
    const both5000 = await count({ match: 'all', conditions: [city, spend(5000)] });
    await page.getByTestId('update-list').click();
    await expect(page.getByTestId('list-edited')).toHaveCount(0);
    await expect(navItem).toContainText(String(both5000));
    await expect(page).toHaveURL(/\?list=\d+#\/customers$/);
    await chips.nth(1).click();
    await page.getByTestId('condition-form').getByRole('textbox', { name: 'Value' }).fill('3000');
    await page.getByTestId('condition-form').getByRole('textbox', { name: 'Value' }).press('Enter');
    await page.getByTestId('update-list').click();
    await expect(navItem).toContainText(String(both3000));

    // Chinese: the chips read as a native speaker writes them.
    await useLanguage(page, 'zh');
    await expect(chips).toHaveText([`城市是${SHANGHAI}`, '消费超过¥3,000']);
    await expect(ask.getByTestId('ask-no-model')).toContainText('用一句话找客户需要一个本地 AI 模型');
    await page.screenshot({ path: join(SHOTS, 'lists-saved-zh.png') });
    await chips.nth(1).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'lists-chip-edit-zh.png') });
    await page.keyboard.press('Escape');
    await useLanguage(page, 'en');

    // A group with NOT inside, through the address (the segments page links to its groups so).
    const grouped: Filter = {
      match: 'all',
      conditions: [
        { field: 'days_since_last_order', op: 'gt', value: 90 },
        { match: 'any', conditions: [{ field: 'rfm_segment', op: 'in', value: ['at_risk', 'cant_lose'] }, { field: 'tag', op: 'in', value: ['VIP'], not: true }] },
      ],
    };
    await page.goto(`/?filter=${encodeURIComponent(JSON.stringify(grouped))}#/customers`);
    await expect(page.getByTestId('customers-title')).toHaveText('Customers');
    const group = editor.getByTestId('filter-group');
    await expect(chips.first()).toHaveText('Last order more than 90 days ago');
    await expect(group.getByTestId('filter-chip')).toHaveText(['Segment is At risk or Can’t lose them', 'NOT tagged VIP']);
    await expect.poll(() => shownCount(page)).toBe(await count(grouped));
    // The group's own all/any.
    await group.getByTestId('group-match').getByText('all of').click();
    const groupAll: Filter = { ...grouped, conditions: [grouped.conditions[0], { ...(grouped.conditions[1] as Filter), match: 'all' }] };
    await expect.poll(() => shownCount(page)).toBe(await count(groupAll));
    // "Add group": a new bordered group, started with its first condition.
    await editor.getByTestId('add-group').click();
    form = page.getByTestId('condition-form');
    await form.getByRole('combobox', { name: 'Field' }).click();
    await form.getByRole('combobox', { name: 'Field' }).fill('Tag');
    await form.getByRole('option', { name: 'Tag', exact: true }).click();
    await form.getByRole('combobox', { name: 'Values' }).click();
    await form.getByRole('option', { name: 'VIP', exact: true }).click();
    // Escape closes the values' list first (more can be picked while it is open), then the popover.
    await page.keyboard.press('Escape');
    await expect(form.getByRole('listbox')).toHaveCount(0);
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(editor.getByTestId('filter-group')).toHaveCount(2);
    await expect(editor.getByTestId('filter-group').nth(1).getByTestId('filter-chip')).toHaveText(['Tagged VIP']);
    await useLanguage(page, 'zh');
    await expect(chips).toHaveText(['超过90天没有下单', '分群是 有流失风险 或 重点挽回', '不带标签 VIP', '带标签 VIP']);
    await page.screenshot({ path: join(SHOTS, 'lists-groups-zh.png') });
    await useLanguage(page, 'en');
    await page.screenshot({ path: join(SHOTS, 'lists-groups-en.png') });
  } finally {
    for (const l of await client.api.lists.all.query().catch(() => [])) await client.api.lists.remove.mutate({ id: l.id }).catch(() => {});
    if (loaded) await client.api.sample.remove.mutate();
    client.close();
  }
});

test('with a model, "ask in words" shows its answer as chips to check (or says in words why not), and the list changes only on Apply', async ({ page }) => {
  test.setTimeout(240_000);
  const client = wsClientFor(`http://127.0.0.1:${E2E_PORT}`, E2E_TOKEN);
  const dir = mkdtempSync(join(tmpdir(), 'patron-e2e-lists-'));
  try {
    // The tiny model is for the plumbing: its answers are not meant to be good ones.
    const file = join(dir, 'tiny-ask.gguf');
    writeFileSync(file, buildTinyGguf());
    await client.api.models.import.mutate({ path: file });
    await expect.poll(async () => (await client.api.models.status.query()).activeFile).toBe('tiny-ask.gguf');
    for (const name of ['Ada Shanghai', 'Bo Beijing']) await client.api.customers.create.mutate({ name, city: name.endsWith('Shanghai') ? '上海' : '北京' });

    await openApp(page, '/customers');
    const ask = page.getByTestId('ask-box');
    await expect(ask.getByTestId('ask-no-model')).toHaveCount(0);
    const before = number(await page.getByTestId('customer-count').textContent());
    await ask.getByRole('textbox', { name: 'Ask for customers in words' }).fill('customers in Shanghai who spent over 1000 and have not bought in 90 days');
    await ask.getByRole('textbox', { name: 'Ask for customers in words' }).press('Enter');
    // Progress while the model thinks, then chips to check, or the reason in plain words.
    await expect(ask.getByTestId('ask-answer').or(ask.getByTestId('ask-error'))).toBeVisible({ timeout: 180_000 });
    await expect(ask).not.toContainText(/SELECT|WHERE|"field"|\{/);
    if (await ask.getByTestId('ask-answer').isVisible()) {
      // Nothing changes until Apply.
      expect(number(await page.getByTestId('customer-count').textContent())).toBe(before);
      const chips = ask.getByTestId('filter-chip');
      if ((await chips.count()) > 0 && (await ask.getByTestId('ask-apply').isEnabled())) {
        await ask.getByTestId('ask-apply').click();
        await expect(page.getByTestId('filter-editor').getByTestId('filter-chip').first()).toBeVisible();
      }
    } else {
      await expect(ask.getByTestId('ask-error')).toContainText('The request could not be turned into a filter');
    }
    await page.screenshot({ path: join(SHOTS, 'lists-ask-en.png') });
  } finally {
    for (const m of await client.api.models.installed.query()) await client.api.models.remove.mutate({ file: m.file });
    client.close();
  }
});
