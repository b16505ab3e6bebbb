// The highlighted row of the Ctrl+K results must be easy to read in both themes: every line of it
// (the name and the grey line under it) is measured against the row's own background, as the
// browser painted them, to WCAG's 4.5:1 for normal text.
import { expect, test, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

type Rgba = [number, number, number, number];

const parse = (css: string): Rgba => {
  const n = css.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
  return [n[0], n[1], n[2], n[3] ?? 1];
};
const over = (top: Rgba, under: Rgba): Rgba => {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
};
const luminance = ([r, g, b]: Rgba) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** The selected row's text colours and the background layers behind it, innermost first. */
async function selectedRowColours(page: Page) {
  const row = page.locator('[data-action][data-selected]');
  await expect(row).toHaveCount(1);
  return row.evaluate((el) => {
    const backgrounds: string[] = [];
    for (let n: Element | null = el; n; n = n.parentElement) backgrounds.push(getComputedStyle(n).backgroundColor);
    const texts = [...el.querySelectorAll('p, span, mark, div')]
      .filter((t) => [...t.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim()))
      .map((t) => ({ text: t.textContent ?? '', color: getComputedStyle(t).color }));
    return { backgrounds, texts };
  });
}

async function expectReadable(page: Page, theme: string) {
  const { backgrounds, texts } = await selectedRowColours(page);
  // Composite the layers from the page down to the row.
  const bg = backgrounds.reduceRight<Rgba>((under, css) => over(parse(css), under), [255, 255, 255, 1]);
  expect(texts.length, theme).toBeGreaterThanOrEqual(2);
  for (const t of texts) {
    const ratio = contrast(over(parse(t.color), bg), bg);
    expect(ratio, `${theme}: "${t.text}" (${t.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}))`).toBeGreaterThanOrEqual(4.5);
  }
}

test('the highlighted search result is readable in the light and the dark theme', async ({ page }) => {
  await page.goto(`/?token=${E2E_TOKEN}`);
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  const name = `Contrast Check ${Date.now().toString(36)}`;
  const email = `contrast-${Date.now().toString(36)}@example.com`;
  await page.goto('/#/customers');
  const start = page.getByTestId('start-screen');
  await expect(start.or(page.getByTestId('customer-count'))).toBeVisible();
  await ((await start.count()) ? start.getByRole('button', { name: 'Add a customer' }) : page.getByRole('button', { name: 'New customer' })).click();
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('textbox', { name: /^Email/ }).fill(email);
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  for (const theme of ['light', 'dark']) {
    const toggle = page.getByRole('button', { name: theme === 'dark' ? 'Switch to dark theme' : 'Switch to light theme' });
    if (await toggle.count()) await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Search customers and messages…').fill(email);
    await expect(page.getByTestId('search-customer').first()).toContainText(name);
    await expectReadable(page, theme);
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
});
