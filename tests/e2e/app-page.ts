// What the browser-mode specs do to the app's page: open it at a route in a language, switch the
// language or the theme from the header as a person would.
import { expect, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

export async function openApp(page: Page, hash: string, lang: 'en' | 'zh' = 'en') {
  await page.goto(`/?token=${E2E_TOKEN}#${hash}`);
  await expect(page.getByRole('navigation', { name: /Main navigation|主导航/ })).toBeVisible();
  await useLanguage(page, lang);
}

export async function useLanguage(page: Page, lang: 'en' | 'zh') {
  await page.getByRole('banner').getByText(lang === 'zh' ? '中文' : 'English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
}

export async function useTheme(page: Page, theme: 'light' | 'dark') {
  const html = page.locator('html');
  if ((await html.getAttribute('data-mantine-color-scheme')) !== theme) {
    await page.getByRole('banner').getByRole('button', { name: /Switch to (dark|light) theme|切换到(深|浅)色主题/ }).click();
  }
  await expect(html).toHaveAttribute('data-mantine-color-scheme', theme);
}
