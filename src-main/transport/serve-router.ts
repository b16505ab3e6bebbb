// Both transports hand their connections to this one dispatcher: tRPC's WebSocket protocol
// serving the Patron router, with the host (and through it the core, while unlocked) and the
// connection's own session injected as context.
import type { IncomingMessage } from 'node:http';
import { getWSConnectionHandler } from '@trpc/server/adapters/ws';
import type { WebSocket } from 'ws';
import type { CoreHost, Session } from '../core/host';
import type { Context } from '../core/trpc';
import { patronRouter } from '../core/router';
import { toErrorShape } from '../core/trpc';

export type ConnectionHandler = (socket: WebSocket, req: IncomingMessage) => void;

export function serveRouter(host: CoreHost): ConnectionHandler {
  // One session per connection: a window signs in once; a reconnect starts signed out.
  const sessions = new WeakMap<object, Session>();
  return getWSConnectionHandler({
    // Only applyWSSHandler uses `wss`; connections reach this handler from both transports.
    wss: undefined as never,
    router: patronRouter,
    createContext: ({ res }): Context => {
      let session = sessions.get(res);
      if (!session) sessions.set(res, (session = { profileId: null }));
      return {
        host,
        session,
        get core() {
          return host.requireCore();
        },
      };
    },
    onError({ error, path }) {
      // Expected errors (bad input, not found) go back to the caller; only surprises are logged.
      const shape = toErrorShape(error);
      if (shape.code === 'internal') console.error(`[patron] ${path ?? 'request'} failed:`, error.cause ?? error);
    },
  }) as ConnectionHandler;
}
