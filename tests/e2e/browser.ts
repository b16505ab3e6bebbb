// Which Chromium the end-to-end tests drive. `npm install` then `npm test` must work on a clean
// machine, so when neither a system Chromium nor a Playwright-downloaded one is there, the tests use
// the Chromium that came from the npm registry with the dev dependencies: @sparticuz/chromium, a
// headless-shell build that carries its own NSS libraries and fonts and needs only libc and libgcc
// from the system (Linux x64). `PATRON_E2E_BROWSER=system|playwright|npm` forces one source (and
// fails if it is missing); `CHROMIUM_PATH` names a binary outright.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export interface E2eBrowser {
  /** Undefined: Playwright's own download, which Playwright finds itself. */
  executablePath: string | undefined;
  /** Environment the browser needs on top of the test process's. */
  env: Record<string, string>;
  /** Where it came from, for the log line. */
  source: string;
}

const SOURCES = ['system', 'playwright', 'npm'] as const;
type Source = (typeof SOURCES)[number];
const isSource = (s: string): s is Source => (SOURCES as readonly string[]).includes(s);

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function systemChromium(): E2eBrowser | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of SYSTEM_NAMES) {
      const path = join(dir, name);
      if (dir && isExecutable(path)) return { executablePath: path, env: {}, source: `system Chromium (${path})` };
    }
  }
  return null;
}

function playwrightChromium(): E2eBrowser | null {
  const path = chromium.executablePath();
  return isExecutable(path) ? { executablePath: undefined, env: {}, source: `Playwright's Chromium (${dirname(path)})` } : null;
}

/**
 * The npm-registry Chromium, unpacked once per version into node_modules/.cache (about 210 MB,
 * a few seconds). The package unpacks into os.tmpdir(), so a child process does it with TMPDIR
 * pointing at a private folder, which is then renamed into place: two test runs starting at once
 * never see a half-written browser.
 */
function npmChromium(): E2eBrowser | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    return null;
  }
  const pkgDir = dirname(dirname(entry));
  const pkg: unknown = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
  const cacheRoot = join(pkgDir, '..', '..', '.cache', 'patron-e2e-chromium');
  const dir = join(cacheRoot, version);
  if (!existsSync(join(dir, 'fonts.conf'))) unpack(pkgDir, cacheRoot, dir);
  return {
    executablePath: join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: join(dir, 'al2023', 'lib'), FONTCONFIG_PATH: dir },
    source: `@sparticuz/chromium ${version} from npm (${dir})`,
  };
}

function unpack(pkgDir: string, cacheRoot: string, dir: string): void {
  const work = join(cacheRoot, `unpacking-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The Amazon Linux libraries (NSS, NSPR, expat) are what spare the system from providing them.
  const script = `import c, { inflate } from '@sparticuz/chromium';
await c.executablePath();
await inflate(${JSON.stringify(join(pkgDir, 'bin', 'al2023.tar.br'))});`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkgDir, env: { ...process.env, TMPDIR: work }, stdio: 'inherit' });
  // Its own fonts.conf names /tmp/fonts; this one names where the fonts are, plus the system's
  // (CJK text renders where the machine has such fonts; layout works without them).
  writeFileSync(
    join(work, 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`,
  );
  try {
    renameSync(work, dir);
  } catch (err) {
    // Another run got there first: its copy is complete (renamed whole), so this one goes.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(dir, 'fonts.conf'))) throw err;
  }
}

const FINDERS: Record<Source, () => E2eBrowser | null> = { system: systemChromium, playwright: playwrightChromium, npm: npmChromium };

export function findE2eBrowser(): E2eBrowser {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, env: {}, source: `CHROMIUM_PATH (${process.env.CHROMIUM_PATH})` };
  const forced = process.env.PATRON_E2E_BROWSER;
  if (forced !== undefined) {
    if (!isSource(forced)) throw new Error(`PATRON_E2E_BROWSER must be one of ${SOURCES.join(', ')}; got "${forced}".`);
    const found = FINDERS[forced]();
    if (!found) throw new Error(`PATRON_E2E_BROWSER=${forced}, but no such Chromium was found on this machine.`);
    return found;
  }
  for (const source of SOURCES) {
    const found = FINDERS[source]();
    if (found) return found;
  }
  throw new Error(
    'No Chromium for the end-to-end tests: no system Chromium on PATH, no Playwright browser, and the npm one (@sparticuz/chromium) ' +
      'exists for Linux x64 only. Run `npx playwright install chromium`, or set CHROMIUM_PATH.',
  );
}
