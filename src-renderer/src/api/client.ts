// The typed client for the core. Same protocol in both modes: a WebSocket to the browser-mode
// server, or a MessagePort from the Electron preload.
import { createTRPCClient, createWSClient, TRPCClientError, wsLink } from '@trpc/client';
import type { AppRouter } from '../../../src-main/core/router';
import type { ErrorShape } from '../../../src-main/core/errors';
import { portWebSocketClass } from './port-websocket';

declare global {
  interface Window {
    patron?: { kind: 'electron'; platform: string };
  }
}

function electronPort(): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source === window && e.data === 'patron:core-port' && e.ports[0]) {
        window.removeEventListener('message', onMessage);
        resolve(e.ports[0]);
      }
    };
    window.addEventListener('message', onMessage);
  });
}

const inElectron = window.patron?.kind === 'electron';

export const wsClient = createWSClient({
  url: inElectron ? 'patron://core' : `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/trpc`,
  ...(inElectron ? { WebSocket: portWebSocketClass(electronPort()) } : {}),
  retryDelayMs: (attempt) => Math.min(1000 * 2 ** attempt, 10_000),
});

export const api = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });

/** The {code, message, field} every core error carries, whatever threw it. */
export function errorShape(err: unknown): ErrorShape {
  if (err instanceof TRPCClientError) {
    const app = (err.data as { app?: ErrorShape } | undefined)?.app;
    if (app) return app;
    return { code: 'internal', message: err.message };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
