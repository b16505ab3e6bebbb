// Starts the real desktop app where the Electron binary is installed; elsewhere (as on CI
// machines that cannot download it) the test is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();
const SKIP_REASON =
  'Electron binary is not installed here (node_modules/electron/dist is missing: its download is blocked), so the desktop smoke test cannot run. Browser mode is tested instead.';
// The list reporter shows a skip without its reason; say it where CI logs will show it.
if (!binary) console.warn(`[electron smoke test] skipped: ${SKIP_REASON}`);

test('the desktop app starts, reaches the core and shows the customers page', async () => {
  test.skip(!binary, SKIP_REASON);
  // The same steps as `npm start`: native module for Electron's ABI, then the bundles.
  execFileSync(process.execPath, ['scripts/start-electron.mjs', '--prepare-only'], { stdio: 'inherit' });
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, PATRON_USER_DATA: mkdtempSync(join(tmpdir(), 'patron-electron-')) },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('button', { name: /sample shop/i })).toBeVisible({ timeout: 30_000 });
  } finally {
    await app.close();
  }
});
