// A shop owner imports a customer spreadsheet saved by Chinese Excel-style headers (姓名/手机/邮箱)
// that has problems: a bad email, a date nobody can read, the same person twice, and a column
// Patron cannot guess. They fix the mapping, see every problem with its line number, download the
// rejected rows to fix them, and find an imported customer. Uses its own unique data, so it
// works on an empty database or after the other specs.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_TOKEN } from '../../playwright.config';

test('a person imports a CSV with bad rows, fixes the mapping, downloads the rejected rows and finds the customer', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const digits = String(Date.now()).slice(-8);
  const good = { name: '欧阳晓雨', email: `ouyang.${stamp}@example.com`, phone: `199${digits}` };
  const source = `展会${stamp}`;
  const lines = [
    '姓名,手机,邮箱,注册时间,客户来源,城市',
    `${good.name},${good.phone},${good.email},2024-01-05,${source},上海`, // line 2: new
    `李华,198${digits},li.hua.${stamp}@example,2024/2/3,${source},北京`, // line 3: bad email
    `Anna Schmidt,+49 30 ${digits.slice(0, 7)},anna.${stamp}@example.de,明年春天,Website,Berlin`, // line 4: unreadable date
    `${good.name},${good.phone},${good.email},2024-01-05,老客户,上海`, // line 5: the same person again
    `Tom Baker,+44 20 7946 ${digits.slice(-4)},tom.${stamp}@example.co.uk,05/03/2024,Website,London`, // line 6: new
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'patron-import-')), `customers-${stamp}.csv`);
  writeFileSync(file, lines.join('\r\n') + '\r\n');

  await page.goto(`/?token=${E2E_TOKEN}`);
  await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
  await expect(page).toHaveURL(/#\/import$/);

  // Pick the file: it is uploaded, read, and its columns matched from the Chinese headers.
  await page.getByTestId('import-file-input').setInputFiles(file);
  const table = page.getByTestId('mapping-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('import-file-name')).toHaveText(`customers-${stamp}.csv`);
  await expect(page.getByTestId('import-read-settings').getByRole('combobox', { name: 'Text encoding' })).toHaveValue('UTF-8');
  await expect(page.getByTestId('import-read-settings').getByRole('combobox', { name: 'Columns separated by' })).toHaveValue('Comma ( , )');
  const field = (column: string) => page.getByRole('combobox', { name: `Field for column “${column}”` });
  await expect(field('姓名')).toHaveValue('Name *');
  await expect(field('手机')).toHaveValue('Phone *');
  await expect(field('邮箱')).toHaveValue('Email *');
  await expect(field('注册时间')).toHaveValue('Customer since');

  // 客户来源 ("where the customer came from") is not guessed; the person makes it the tags.
  await expect(field('客户来源')).toHaveValue('Don’t import');
  await field('客户来源').click();
  await page.getByRole('option', { name: 'Tags', exact: true }).click();
  await expect(field('客户来源')).toHaveValue('Tags');
  await expect(page.getByTestId('requirements').locator('[data-met="true"]')).toHaveCount(1);

  // The preview shows the rows as they will be stored, and what is wrong with lines 3 and 4.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByTestId('preview-table');
  await expect(preview).toBeVisible();
  await expect(preview.locator('[data-line="2"]')).toHaveAttribute('data-status', 'created');
  await expect(preview.locator('[data-line="2"]')).toContainText(source);
  await expect(preview.locator('[data-line="3"]')).toHaveAttribute('data-status', 'rejected');
  await expect(preview.locator('[data-line="3"]')).toContainText('Column “邮箱”');
  await expect(preview.locator('[data-line="4"]')).toContainText('"明年春天" is not a date');
  await expect(preview.locator('[data-line="5"]')).toHaveAttribute('data-status', 'merged');
  await expect(page.getByTestId('count-customersCreated')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('count-rejected')).toHaveAttribute('data-value', '2');

  // Run it: the run page ends with the counts and every rejected row with its line and reason.
  await page.getByRole('button', { name: 'Start the import' }).click();
  await expect(page).toHaveURL(/#\/import\/runs\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByTestId('count-customersCreated')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('count-customersMerged')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('count-rejected')).toHaveAttribute('data-value', '2');
  const rejects = page.getByTestId('reject-row');
  await expect(rejects).toHaveCount(2);
  await expect(rejects.nth(0)).toHaveAttribute('data-line', '3');
  await expect(rejects.nth(0)).toContainText('邮箱');
  await expect(rejects.nth(0)).toContainText(`"li.hua.${stamp}@example" is not a valid email address.`);
  await expect(rejects.nth(1)).toHaveAttribute('data-line', '4');
  await expect(rejects.nth(1)).toContainText('注册时间');
  await expect(rejects.nth(1)).toContainText('"明年春天" is not a date Patron understands');

  // The merge is there to review: line 5 went into the customer from line 2.
  await page.getByRole('tab', { name: /Merges \(1\)/ }).click();
  await expect(page.getByTestId('merge-row')).toHaveCount(1);
  await expect(page.getByTestId('merge-row')).toContainText('the customer from line 2');
  await page.getByRole('tab', { name: /Rejected rows \(2\)/ }).click();

  // Download the rejected rows: the original columns plus line, column, problem code and problem
  // (in the UI's language, English here), as CSV with a BOM.
  await page.getByRole('button', { name: 'Download rejected rows' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'As CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = csv.slice(1).trim().split(/\r\n/);
  expect(rows[0]).toBe('姓名,手机,邮箱,注册时间,客户来源,城市,Line,Problem column,Problem code,Problem');
  expect(rows).toHaveLength(3);
  expect(rows[1]).toContain(`li.hua.${stamp}@example`);
  expect(rows[1]).toMatch(/,3,邮箱,email_invalid,"""li\.hua\.[^"]+@example"" is not a valid email address\."$/);
  expect(rows[2]).toMatch(/,4,注册时间,date_unparseable,"""明年春天"" is not a date Patron understands/);
  expect(csv).not.toContain(good.email);

  // The imported customer is found by search, with the tag from the fixed column.
  await page.getByRole('link', { name: 'Go to customers' }).click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(good.email);
  await expect(page.getByTestId('customer-count')).toHaveText('1 customer matches');
  const row = page.getByTestId('customer-row').first();
  await expect(row.getByTestId('customer-name')).toHaveText(good.name);
  await expect(row).toContainText(source);
  // Neither rejected row was saved.
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(`anna.${stamp}`);
  await expect(page.getByTestId('no-match')).toBeVisible();
});

test('a file Patron cannot read gets one clear message', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'patron-import-')), 'scan.pdf.csv');
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0)]));
  await page.goto(`/?token=${E2E_TOKEN}#/import`);
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const error = page.getByTestId('import-file-error');
  await expect(error).toContainText('“scan.pdf.csv” cannot be imported');
  await expect(error).toContainText('it is a PDF document, not a spreadsheet');
  await expect(page.getByTestId('mapping-table')).toHaveCount(0);
});
