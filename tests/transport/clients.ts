// tRPC clients for tests: over the browser-mode WebSocket, or over a MessagePort pair the way
// Electron wires the renderer to the core.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { MessageChannel } from 'node:worker_threads';
import WebSocket from 'ws';
import type { Core } from '../../src-main/core/core';
import type { AppRouter } from '../../src-main/core/router';
import { portAsSocket } from '../../src-main/transport/port-socket';
import { serveRouter } from '../../src-main/transport/serve-router';
import { portWebSocketClass } from '../../src-renderer/src/api/port-websocket';

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

export function portClientFor(core: Core) {
  const { port1, port2 } = new MessageChannel();
  const { socket, req } = portAsSocket(port1);
  serveRouter(core)(socket, req);
  const ws = createWSClient({ url: 'patron://core', WebSocket: portWebSocketClass(Promise.resolve(port2 as unknown as MessagePort)) });
  return {
    api: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }),
    close: () => {
      ws.close();
      port1.close();
    },
  };
}
