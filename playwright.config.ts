// End-to-end tests: Chromium (the system's, Playwright's, or the one from npm: tests/e2e/browser.ts)
// against browser mode (`npm run web`) with the real core and a fresh database in a temp folder for
// each run.
import { defineConfig } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findE2eBrowser } from './tests/e2e/browser';

export const E2E_PORT = Number(process.env.PATRON_E2E_PORT ?? 47_831);
export const E2E_TOKEN = 'e2e-test-token';
const dataDir = process.env.PATRON_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'patron-e2e-'));
process.env.PATRON_E2E_DATA_DIR = dataDir;
// No network (issue 15): the server runs with every outbound connection attempt counted into this
// file (tests/e2e/net-guard.cjs); tests/e2e/global-teardown.ts fails the run on any non-loopback one.
const netGuardFile = join(dataDir, 'net-guard.jsonl');
process.env.PATRON_NET_GUARD_FILE = netGuardFile;
const netGuard = join(import.meta.dirname, 'tests', 'e2e', 'net-guard.cjs');
// Started afresh by the runner (a data dir given through PATRON_E2E_DATA_DIR may hold an older run's).
if (process.env.TEST_WORKER_INDEX === undefined) writeFileSync(netGuardFile, '');
const browser = findE2eBrowser();
// The config is read by the runner and again by each worker: say once which browser runs.
if (process.env.TEST_WORKER_INDEX === undefined) process.stderr.write(`e2e browser: ${browser.source}\n`);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  globalTeardown: './tests/e2e/global-teardown.ts',
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1360, height: 850 },
    launchOptions: {
      executablePath: browser.executablePath,
      env: { ...process.env, ...browser.env },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node scripts/web.mjs --no-build',
    url: `http://127.0.0.1:${E2E_PORT}/?token=${E2E_TOKEN}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PATRON_DATA_DIR: dataDir,
      PATRON_PORT: String(E2E_PORT),
      PATRON_TOKEN: E2E_TOKEN,
      PATRON_NET_GUARD_FILE: netGuardFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${netGuard}"`.trim(),
    },
    stdout: 'pipe',
  },
});
