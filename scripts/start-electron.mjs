// `npm start`: run the desktop app. Electron needs better-sqlite3 built for its own ABI, while
// tests and browser mode use the Node build in node_modules; so the Electron build lives in
// .native/electron-<version>/ and the core is told to load it from there. Both stay usable.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();

function electronBinary() {
  // Requiring 'electron' downloads the binary when npm's postinstall could not; run it in a child
  // so a failed download is reported in one sentence below instead of a stack trace.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', cwd: root });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    "Patron's desktop window cannot start: the Electron binary is not installed on this machine (its download failed or was blocked). Run `npm run web` to use Patron in your browser instead.",
  );
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
// Keyed by the SQLite package too: better-sqlite3 is aliased to its SQLite3 Multiple Ciphers build.
const sqlitePkg = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'));
const target = join(root, '.native', `electron-${electronVersion}-${sqlitePkg.name}-${sqlitePkg.version}`, 'better_sqlite3.node');

if (!existsSync(target)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about a minute)...`);
  const work = join(root, '.native', `build-${electronVersion}`);
  rmSync(work, { recursive: true, force: true });
  const src = join(root, 'node_modules', 'better-sqlite3');
  const dest = join(work, 'node_modules', 'better-sqlite3');
  mkdirSync(dest, { recursive: true });
  cpSync(src, dest, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) });
  const version = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')).version;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'native-build', dependencies: { 'better-sqlite3': version } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(join(dest, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
}

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (process.argv.includes('--prepare-only')) process.exit(0);

const child = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
child.on('exit', (code) => process.exit(code ?? 0));
