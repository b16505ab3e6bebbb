// Destructive actions can be taken back: deleting a note or a task and removing a tag show a
// toast with Undo that puts the same record back through the core's write path (it survives a
// reload); deleting a customer asks first. In English and in Chinese.
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

async function newCustomer(page: Page, name: string) {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/#/customers');
  const start = page.getByTestId('start-screen');
  await expect(start.or(page.getByRole('button', { name: 'New customer' })).first()).toBeVisible();
  const button = (await start.count()) ? start.getByRole('button', { name: 'Add a customer' }) : page.getByRole('button', { name: 'New customer' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('a deleted note, a deleted task and a removed tag come back with Undo; a customer is deleted only after a confirm', async ({ page }) => {
  const stamp = Date.now();
  const name = `Undo Tester ${stamp}`;
  await newCustomer(page, name);

  // A note: deleted in one click, a toast offers Undo, and Undo brings the same note back.
  const note = `Allergic to jasmine ${stamp}`;
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  const noteItem = page.getByTestId('timeline-note').filter({ hasText: note });
  await expect(noteItem).toBeVisible();
  await noteItem.getByRole('button', { name: 'Delete note' }).click();
  await expect(noteItem).toHaveCount(0);
  const noteToast = page.locator('.mantine-Notification-root').filter({ hasText: 'Note deleted.' });
  await noteToast.getByRole('button', { name: 'Undo' }).click();
  await expect(noteItem).toBeVisible();

  // A task, the same way.
  const task = `Send samples ${stamp}`;
  await page.getByRole('tab', { name: 'Task' }).click();
  await page.getByRole('textbox', { name: 'Task' }).fill(task);
  await page.getByRole('button', { name: 'Add task' }).click();
  const taskItem = page.getByTestId('timeline-task').filter({ hasText: task });
  await expect(taskItem).toBeVisible();
  await taskItem.getByRole('button', { name: 'Delete task' }).click();
  await expect(taskItem).toHaveCount(0);
  const taskToast = page.locator('.mantine-Notification-root').filter({ hasText: 'Task deleted.' });
  await taskToast.getByRole('button', { name: 'Undo' }).click();
  await expect(taskItem).toBeVisible();

  // A tag taken off the customer.
  const tags = page.getByTestId('customer-tags');
  await tags.getByLabel('Add a tag').fill('Wholesale');
  await tags.getByLabel('Add a tag').press('Enter');
  await expect(tags.getByText('Wholesale', { exact: true })).toBeVisible();
  await tags.getByRole('button', { name: 'Remove tag Wholesale' }).click();
  await expect(tags.getByText('Wholesale', { exact: true })).toHaveCount(0);
  const tagToast = page.locator('.mantine-Notification-root').filter({ hasText: 'Tag “Wholesale” removed.' });
  await tagToast.getByRole('button', { name: 'Undo' }).click();
  await expect(tags.getByText('Wholesale', { exact: true })).toBeVisible();

  // What Undo restored was written by the core: it is all there after a reload.
  await page.reload();
  await expect(noteItem).toBeVisible();
  await expect(taskItem).toBeVisible();
  await expect(tags.getByText('Wholesale', { exact: true })).toBeVisible();

  // In Chinese the toast and its button speak Chinese.
  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await noteItem.getByRole('button', { name: '删除备注' }).click();
  const zhToast = page.locator('.mantine-Notification-root').filter({ hasText: '备注已删除。' });
  await zhToast.getByRole('button', { name: '撤销' }).click();
  await expect(noteItem).toBeVisible();
  await page.getByRole('banner').getByText('English', { exact: true }).click();

  // Deleting the customer asks first; Cancel keeps them.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: `Delete ${name}?` }).getByRole('button', { name: 'Delete customer' }).click();
  await expect(page).toHaveURL(/#\/customers$/);
});
