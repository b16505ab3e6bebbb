// tRPC client for tests over the browser-mode WebSocket. Imports nothing of the core (Playwright
// specs load this file; the core's JSON imports are not for its loader). The MessagePort client the
// way Electron wires it is in port-client.ts.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import type { AppRouter } from '../../src-main/core/router';

export function wsClientFor(origin: string, token: string) {
  const host = new URL(origin).host;
  class AuthedWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie: `patron_token=${token}`, origin, host } });
    }
  }
  const ws = createWSClient({ url: `ws://${host}/trpc`, WebSocket: AuthedWebSocket as unknown as typeof globalThis.WebSocket });
  return { api: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }), close: () => ws.close() };
}

