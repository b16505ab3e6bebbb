// Both transports hand their connections to this one dispatcher: tRPC's WebSocket protocol
// serving the Patron router, with the core injected as context.
import type { IncomingMessage } from 'node:http';
import { getWSConnectionHandler } from '@trpc/server/adapters/ws';
import type { WebSocket } from 'ws';
import type { Core } from '../core/core';
import { patronRouter } from '../core/router';
import { toErrorShape } from '../core/trpc';

export type ConnectionHandler = (socket: WebSocket, req: IncomingMessage) => void;

export function serveRouter(core: Core): ConnectionHandler {
  return getWSConnectionHandler({
    // Only applyWSSHandler uses `wss`; connections reach this handler from both transports.
    wss: undefined as never,
    router: patronRouter,
    createContext: () => ({ core }),
    onError({ error, path }) {
      // Expected errors (bad input, not found) go back to the caller; only surprises are logged.
      const shape = toErrorShape(error);
      if (shape.code === 'internal') console.error(`[patron] ${path ?? 'request'} failed:`, error.cause ?? error);
    },
  }) as ConnectionHandler;
}
