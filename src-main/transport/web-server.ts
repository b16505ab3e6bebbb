// Browser mode: the same router over a WebSocket on 127.0.0.1, closed to everyone but the person
// holding the printed link. Every request needs the token (from the link, then an HttpOnly
// cookie); a Host or Origin that is not this server's own is refused, which defeats DNS
// rebinding and other sites' pages. The server makes no outbound connection.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { ConnectionHandler } from './serve-router';

const COOKIE = 'patron_token';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServerOptions {
  /** Built renderer (index.html and assets). */
  staticDir: string;
  handler: ConnectionHandler;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({ noServer: true, maxPayload: 50 * 1024 * 1024 });
  let port = 0;

  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const refuse = (req: IncomingMessage): { status: number; message: string } | null => {
    if (!ownHosts().includes(req.headers.host ?? '')) return { status: 403, message: 'Refused: this server only answers requests addressed to itself.' };
    const origin = req.headers.origin;
    if (origin !== undefined && !ownHosts().some((h) => origin === `http://${h}`)) {
      return { status: 403, message: 'Refused: requests from other sites are not allowed.' };
    }
    if (!hasToken(req, token)) return { status: 401, message: 'Patron needs its access link. Open the link that `npm run web` printed.' };
    return null;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const queryToken = url.searchParams.get('token');
    const refusal = refuse(req);
    if (refusal) return sendText(res, refusal.status, refusal.message);
    if (queryToken) {
      // Move the token from the address bar into a cookie the page cannot read.
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(302, { Location: url.pathname + url.search });
      return res.end();
    }
    serveStatic(opts.staticDir, url.pathname, res);
  });

  server.on('upgrade', (req, socket, head) => {
    const refusal = refuse(req);
    if (refusal || !(req.url ?? '').startsWith('/trpc')) {
      socket.end(`HTTP/1.1 ${refusal?.status ?? 404} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => opts.handler(ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const fromQuery = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
  const fromCookie = /(?:^|;\s*)patron_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const fromHeader = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  return [fromQuery, fromCookie, fromHeader].some((t) => t != null && safeEqual(t, token));
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) return sendText(res, 404, 'Not found');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return sendText(res, 500, `The UI is not built (${file} is missing). Run \`npm run web\` again.`);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
  });
  createReadStream(file).pipe(res);
}
