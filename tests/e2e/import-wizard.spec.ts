// The import wizard between files: a file with a header and no rows is refused at the first step
// with one clear message (in English and in Chinese); a file that fails does not leave the previous
// file's name behind; the encoding box shows its longest name whole; and after an import has
// finished, the Import page starts fresh, with the import listed once in the history.
import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_TOKEN } from '../../playwright.config';
import { useLanguage } from './app-page';

const dir = mkdtempSync(join(tmpdir(), 'patron-wizard-'));
const stamp = Date.now().toString(36);

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function openImport(page: Page, language: 'English' | '中文' = 'English') {
  await page.goto(`/?token=${E2E_TOKEN}#/import`);
  // The page first, then the language: a click before the saved preference has loaded is undone by it.
  await expect(page.getByTestId('import-drop')).toBeVisible();
  await useLanguage(page, language === 'English' ? 'en' : 'zh');
}

const steps = (page: Page) => page.getByLabel(/^(Import steps|导入步骤)$/);

test('a file with a header and no rows gets one clear message at the file step, in English and in Chinese', async ({ page }) => {
  const headerOnly = file(`header-only-${stamp}.csv`, 'Name,Email,Phone\r\n');
  const good = file(`good-${stamp}.csv`, `Name,Email\r\nAnn ${stamp},ann.${stamp}@example.com\r\n`);
  await openImport(page);

  // A good file first, then back to the file step and a file that fails: the good file's name goes.
  await page.getByTestId('import-file-input').setInputFiles(good);
  await expect(page.getByTestId('mapping-table')).toBeVisible();
  await expect(steps(page)).toContainText(`good-${stamp}.csv`);
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByTestId('import-file-input').setInputFiles(headerOnly);
  const error = page.getByTestId('import-file-error');
  await expect(error).toContainText(`“header-only-${stamp}.csv” cannot be imported`);
  await expect(error).toContainText('has a header row (line 1) but no rows of data below it');
  await expect(page.getByTestId('mapping-table')).toHaveCount(0);
  await expect(steps(page)).not.toContainText(`good-${stamp}.csv`);

  // The same in Chinese: the message is Chinese, with no English sentence under it.
  await page.getByRole('banner').getByText('中文', { exact: true }).click();
  await page.getByTestId('import-file-input').setInputFiles(headerOnly);
  await expect(error).toContainText('只有表头');
  await expect(error).not.toContainText('header row');
});

test('the encoding box shows “GBK / GB18030 (Chinese Excel)” whole', async ({ page }) => {
  const gbk = file(`gbk-${stamp}.csv`, iconv.encode(`姓名,手机,邮箱\r\n王芳${stamp},13800138000,wf.${stamp}@example.com\r\n`, 'gb18030'));
  for (const [language, name] of [
    ['English', 'GBK / GB18030 (Chinese Excel)'],
    ['中文', 'GBK / GB18030（中文版 Excel）'],
  ] as const) {
    await openImport(page, language);
    await page.getByTestId('import-file-input').setInputFiles(gbk);
    const box = page.getByTestId('import-encoding');
    await expect(box).toHaveValue(name);
    // The whole name fits in the box: nothing scrolled out of sight.
    expect(await box.evaluate((el: HTMLInputElement) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  }
});

test('after an import has finished, the Import page starts fresh and lists the import once', async ({ page }) => {
  // Enough rows that the preview offers the whole-file check, which is a job of its own.
  const rows = Array.from({ length: 60 }, (_, i) => `Person ${i} ${stamp},p${i}.${stamp}@example.com`);
  const name = `people-${stamp}.csv`;
  const people = file(name, ['Name,Email', ...rows].join('\r\n') + '\r\n');
  await openImport(page);
  await page.getByTestId('import-file-input').setInputFiles(people);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('button', { name: 'Check the whole file' }).click();
  await expect(page.getByTestId('full-check')).toBeVisible();
  // The check's "finished" note sits over the bottom corner until it closes by itself, which it
  // does not while the pointer rests on it: move the pointer away and let it go.
  await page.mouse.move(0, 0);
  await expect(page.getByRole('alert').filter({ hasText: 'check only' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the import' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByTestId('import-drop')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the import' })).toHaveCount(0);
  await expect(page.getByTestId('preview-table')).toHaveCount(0);
  await expect(steps(page)).not.toContainText(name);
  // The check and the import were one file: one entry, the import's.
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(1);
});
