import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHost } from '../../src-main/core/host';
import { serveRouter } from '../../src-main/transport/serve-router';
import { startWebServer, type WebServer } from '../../src-main/transport/web-server';
import { tempCore, tempDir } from '../core/temp-core';
import { wsClientFor } from './clients';

let env: ReturnType<typeof tempCore>;
let server: WebServer;

beforeAll(async () => {
  env = tempCore();
  const staticDir = tempDir('patron-static-');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Patron</title>');
  server = await startWebServer({ staticDir, handler: serveRouter(CoreHost.around(env.core)) });
});
afterAll(async () => {
  await server.close();
  await env.cleanup();
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function wsStatus(headers: Record<string, string>) {
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/trpc`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, at a random port, with a random token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a request without the token (401)', async () => {
    const res = await get('/');
    expect(res.status).toBe(401);
    expect(res.body).toMatch(/npm run web/);
    expect((await get('/index.html', { cookie: 'patron_token=wrong' })).status).toBe(401);
  });

  it('refuses a foreign Host even with the token (DNS rebinding)', async () => {
    expect((await get(`/?token=${server.token}`, { host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/', { host: `attacker.test:${server.port}`, cookie: `patron_token=${server.token}` })).status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    expect((await get('/', { origin: 'http://evil.example', cookie: `patron_token=${server.token}` })).status).toBe(403);
  });

  it('trades the token in the link for an HttpOnly cookie, then serves the app', async () => {
    const res = await get(`/?token=${server.token}`);
    expect(res.status).toBe(302);
    expect(String(res.headers['set-cookie'])).toMatch(/patron_token=.*HttpOnly.*SameSite=Strict/);
    const page = await get('/', { cookie: `patron_token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Patron</title>');
  });

  it('refuses WebSocket connections without the token or from another origin', async () => {
    const own = `http://127.0.0.1:${server.port}`;
    expect(await wsStatus({ origin: own })).toBe(401);
    expect(await wsStatus({ origin: 'http://evil.example', cookie: `patron_token=${server.token}` })).toBe(403);
    expect(await wsStatus({ origin: own, cookie: `patron_token=${server.token}` })).toBe(101);
  });

  it('serves the router: calls work and bad input comes back naming the field', async () => {
    const { api, close } = wsClientFor(server.origin, server.token);
    try {
      const { id } = await api.customers.create.mutate({ name: 'Ada Lovelace', email: 'ada@example.com' });
      expect((await api.customers.get.query({ id })).name).toBe('Ada Lovelace');
      const err = await api.customers.create.mutate({ name: 'Bad', email: 'not-an-email' }).catch((e) => e);
      expect(err.data.app).toMatchObject({ code: 'invalid_input', field: 'email' });
      expect(err.data.app.message).toMatch(/email: "not-an-email" is not a valid email address/);
    } finally {
      close();
    }
  });
});
