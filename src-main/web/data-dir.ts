import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Patron keeps its data when not told otherwise: the same folder Electron's userData uses. */
export function defaultDataDir(): string {
  if (process.env.PATRON_DATA_DIR) return process.env.PATRON_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Patron');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Patron');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Patron');
}
