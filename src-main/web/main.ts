// `npm run web`: the core in plain Node behind the browser-mode server. Prints the link to open.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreHost } from '../core/host';
import { AppError } from '../core/errors';
import { serveRouter } from '../transport/serve-router';
import { startWebServer } from '../transport/web-server';
import { defaultDataDir } from './data-dir';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const dataDir = defaultDataDir();
  const host = new CoreHost({ dataDir, resourcesDir: join(root, 'resources') });
  host.start();
  const port = process.env.PATRON_PORT ? Number(process.env.PATRON_PORT) : undefined;
  const server = await startWebServer({ staticDir: join(root, 'out', 'renderer'), handler: serveRouter(host), port, token: process.env.PATRON_TOKEN });
  console.log(`Patron is running in browser mode. Data: ${host.dbFile}${host.state().locked ? ' (encrypted: unlock it in the app)' : ''}`);
  console.log(`Open this link (it carries your access token; keep it private):\n\n  ${server.url}\n`);
  // A line tests and scripts can parse.
  console.log(`PATRON_URL=${server.url}`);
  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof AppError ? `Patron could not start: ${err.message}` : err);
  process.exit(1);
});
