// Electron main: window, menu, lifecycle, and the core's utility process. Main never runs a
// query; it only hands each window a MessagePort wired straight to the core.
import { app, BrowserWindow, dialog, MessageChannelMain, shell, utilityProcess, type UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
// __dirname is provided by electron-vite's ESM shim.
import { join } from 'node:path';

const appRoot = app.getAppPath();
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(appRoot, 'resources');
// better-sqlite3 rebuilt for Electron's ABI by scripts/start-electron.mjs (tests use Node's build).
const electronSqlite = join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');

// Tests point the app at a throwaway data folder.
if (process.env.PATRON_USER_DATA) app.setPath('userData', process.env.PATRON_USER_DATA);

let core: UtilityProcess | null = null;
let quitting = false;

function startCoreProcess(): UtilityProcess {
  const child = utilityProcess.fork(join(__dirname, 'core-process.js'), [], { serviceName: 'Patron core' });
  child.postMessage({
    type: 'start',
    options: {
      dataDir: app.getPath('userData'),
      resourcesDir,
      nativeBinding: existsSync(electronSqlite) ? electronSqlite : undefined,
    },
  });
  child.on('message', (msg: { type: string; message?: string }) => {
    if (msg.type === 'fatal') dialog.showErrorBox('Patron could not open its database', msg.message ?? 'Unknown error');
  });
  child.on('exit', (code) => {
    if (quitting) return;
    // The app survives a core crash: start a new core and reconnect every window.
    console.error(`[patron] core process exited with code ${code}; restarting`);
    core = startCoreProcess();
    for (const win of BrowserWindow.getAllWindows()) win.reload();
  });
  return child;
}

function connect(win: BrowserWindow): void {
  const { port1, port2 } = new MessageChannelMain();
  core?.postMessage({ type: 'connect' }, [port1]);
  win.webContents.postMessage('patron:core-port', null, [port2]);
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 600,
    title: 'Patron',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => connect(win));
  // No navigation away and no new windows: links open in the system browser only if http(s).
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

app.whenReady().then(() => {
  core = startCoreProcess();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('before-quit', () => {
  quitting = true;
  core?.kill();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
