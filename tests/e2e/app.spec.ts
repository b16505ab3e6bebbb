// What a shop owner does on the first day, in Chromium against browser mode with the
// real core and a fresh database: load the sample shop and watch it fill, find a customer by a
// Chinese name, keep a note and a task, switch to Chinese, search with Ctrl+K. And the customer
// form's validation, with the core's field errors on the field they name.
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

const CJK_NAME = /^[\u4e00-\u9fff]{2,4}$/;

async function openApp(page: Page) {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
}

async function useEnglish(page: Page) {
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** Records every progress line the page shows, however briefly. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      document.querySelectorAll('[data-testid="job-progress-text"]').forEach((el) => {
        const text = el.textContent ?? '';
        if (seen[seen.length - 1] !== text) seen.push(text);
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

test('a new shop loads the sample shop, finds a customer and works with them, in English and Chinese', async ({ page }) => {
  await openApp(page);
  await useEnglish(page);

  // The empty start screen says what Patron is and offers the sample shop.
  const start = page.getByTestId('start-screen');
  await expect(start.getByRole('heading', { name: 'Welcome to Patron' })).toBeVisible();
  const progressSeen = await recordProgress(page);
  await start.getByRole('button', { name: 'Load the sample shop' }).click();

  // Progress: a bar, then counts, rate and time left while it runs.
  await expect(page.getByRole('progressbar', { name: 'Sample shop' }).first()).toBeVisible();
  const count = page.getByTestId('customer-count');
  await expect(count).toHaveText('2,000 customers', { timeout: 60_000 });
  const lines = await progressSeen();
  const midway = lines.filter((l) => {
    const m = /^([\d,]+) \/ 2,000 customers/.exec(l);
    return m && Number(m[1].replace(/,/g, '')) < 2000;
  });
  expect(midway.length, `progress lines seen: ${JSON.stringify(lines)}`).toBeGreaterThan(0);
  // "1,200 / 2,000 customers · 350/s · 3 s left"
  expect(midway.some((l) => /· [\d,]+\/s · .+ left$/.test(l)), `progress lines seen: ${JSON.stringify(lines)}`).toBe(true);
  await expect(page.getByTestId('start-screen')).toHaveCount(0);

  // The list is virtualised: only a screenful of the 2,000 rows exists in the page.
  const rows = page.getByTestId('customer-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);
  const firstName = (await rows.first().getByTestId('customer-name').textContent())!.trim();
  const firstEmail = (await rows.first().getByTestId('customer-email').textContent())!.trim();
  expect(firstEmail).toContain('@');

  // Keyboard: End jumps to the last rows (fetched by offset): the Z names, Chinese ones (张, 赵, 周...) by pinyin among them.
  await page.getByTestId('customer-scroller').focus();
  await page.keyboard.press('End');
  const chineseRow = rows.getByTestId('customer-name').filter({ hasText: CJK_NAME }).first();
  await expect(chineseRow).toBeVisible();
  const chineseName = (await chineseRow.textContent())!.trim();
  expect(chineseName).toMatch(CJK_NAME);

  // Search by the full Chinese name.
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(chineseName);
  await expect(count).toHaveText(/^\d+ customers? match(es)?$/);
  await expect(count).not.toHaveText(/2,000/);
  await expect(rows.first().getByTestId('customer-name')).toHaveText(chineseName);
  await rows.first().click();

  // The customer page: header, metrics, timeline.
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: chineseName })).toBeVisible();
  await expect(page.getByTestId('metric-total-spent')).toContainText('¥');
  await expect(page.getByTestId('timeline')).toBeVisible();

  // A note appears on the timeline at once.
  const note = `Prefers jasmine tea, call after 6 pm ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('timeline-note').filter({ hasText: note })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('');

  // A task too, and the open-task count goes up.
  const openTasks = page.getByTestId('metric-open-tasks');
  const before = Number((await openTasks.locator('p').nth(1).textContent())?.replace(/\D/g, ''));
  const task = `Send the autumn catalogue ${Date.now()}`;
  await page.getByRole('tab', { name: 'Task' }).click();
  await page.getByRole('textbox', { name: 'Task' }).fill(task);
  await page.getByLabel('Due date').fill('2031-05-20');
  await page.getByRole('button', { name: 'Add task' }).click();
  const taskItem = page.getByTestId('timeline-task').filter({ hasText: task });
  await expect(taskItem).toBeVisible();
  await expect(taskItem.getByRole('checkbox', { name: `Mark “${task}” done` })).not.toBeChecked();
  await expect(openTasks).toContainText(String(before + 1));

  // Both were saved by the core, not only drawn: they survive a reload.
  await page.reload();
  await expect(page.getByTestId('timeline-note').filter({ hasText: note })).toBeVisible();
  await expect(page.getByTestId('timeline-task').filter({ hasText: task })).toBeVisible();

  // Switch to Chinese: navigation, metrics and the page language follow.
  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '客户', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: '跟进任务' })).toBeVisible();
  await expect(page.getByTestId('metric-total-spent')).toContainText('累计消费');
  await expect(page.getByRole('button', { name: '添加备注' })).toBeVisible();
  await expect(page.getByText('Total spend')).toHaveCount(0);

  // Ctrl+K finds another customer by their email; Enter opens the top hit.
  await page.keyboard.press('Control+k');
  const search = page.getByPlaceholder('搜索客户和消息…');
  await expect(search).toBeFocused();
  await search.fill(firstEmail);
  const hits = page.getByTestId('search-customer');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(firstName);
  await expect(hits.first()).toHaveAttribute('data-selected', 'true');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: firstName })).toBeVisible();
  await expect(search).toHaveCount(0);

  // The language choice is kept by the core: a fresh load starts in Chinese.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await useEnglish(page);
});

test('the customer form shows every wrong field at once, under each field, in English and Chinese; then a duplicate', async ({ page }) => {
  await openApp(page);
  await useEnglish(page);
  const stamp = Date.now();
  const email = `mei.lin.${stamp}@example.com`;

  const openForm = async (words = { add: 'Add a customer', new: 'New customer' }) => {
    await page.goto('/#/customers');
    const start = page.getByTestId('start-screen');
    await start.or(page.getByRole('button', { name: words.new })).first().waitFor();
    const button = (await start.count()) ? start.getByRole('button', { name: words.add }) : page.getByRole('button', { name: words.new });
    await button.click();
    const dialog = page.getByRole('dialog', { name: words.new });
    await expect(dialog).toBeVisible();
    return dialog;
  };

  // In Chinese first: no name, an email that is not one, a phone that is not one. One answer from
  // the core names all three, each under its own field, in Chinese.
  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  let dialog = await openForm({ add: '添加客户', new: '新建客户' });
  await dialog.getByRole('textbox', { name: '邮箱' }).fill('mei.lin.at.example');
  await dialog.getByRole('textbox', { name: '电话' }).fill('12');
  await dialog.getByRole('button', { name: '创建客户' }).click();
  for (const name of [/^姓名/, '邮箱', '电话']) await expect(dialog.getByRole('textbox', { name })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('此项必填。')).toBeVisible();
  await expect(dialog.getByText('“mei.lin.at.example”不是有效的邮箱地址。')).toBeVisible();
  await expect(dialog.getByText('“12”不是电话号码（位数太少）。')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await useEnglish(page);

  // In English: the same at once; fixing one field clears only its error.
  dialog = await openForm();
  const nameField = dialog.getByRole('textbox', { name: /^Name/ });
  const emailField = dialog.getByRole('textbox', { name: 'Email' });
  const phoneField = dialog.getByRole('textbox', { name: 'Phone' });
  await emailField.fill('mei.lin.at.example');
  await phoneField.fill('12');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  for (const field of [nameField, emailField, phoneField]) await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('This is required.')).toBeVisible();
  await expect(dialog.getByText('"mei.lin.at.example" is not a valid email address.')).toBeVisible();
  await expect(dialog.getByText('"12" is not a phone number (too few digits).')).toBeVisible();
  await nameField.fill(`Mei Lin ${stamp}`);
  await expect(nameField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(emailField).toHaveAttribute('aria-invalid', 'true');
  await phoneField.fill('');

  // Corrected, it is created and opens.
  await emailField.fill(email);
  await expect(emailField).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: `Mei Lin ${stamp}` })).toBeVisible();
  await expect(page.getByRole('link', { name: email })).toBeVisible();

  // The same email (in other case) for someone else: a conflict, on the email field.
  dialog = await openForm();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(`Someone Else ${stamp}`);
  await dialog.getByRole('textbox', { name: 'Email' }).fill(email.toUpperCase());
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(`Mei Lin ${stamp}`, { exact: false })).toContainText('already has this email address');
  await expect(dialog).toBeVisible();
});
