// tRPC client for tests over a MessagePort pair, the way Electron wires the renderer to the core.
import { createTRPCClient, createTRPCUntypedClient, createWSClient, wsLink, type TRPCUntypedClient } from '@trpc/client';
import { MessageChannel } from 'node:worker_threads';
import type { Core } from '../../src-main/core/core';
import { CoreHost } from '../../src-main/core/host';
import { patronRouter, type AppRouter } from '../../src-main/core/router';
import { portAsSocket } from '../../src-main/transport/port-socket';
import { serveRouter } from '../../src-main/transport/serve-router';
import { portWebSocketClass } from '../../src-renderer/src/api/port-websocket';

export function portClientFor(core: Core) {
  const { port1, port2 } = new MessageChannel();
  const { socket, req } = portAsSocket(port1);
  serveRouter(CoreHost.around(core))(socket, req);
  const ws = createWSClient({ url: 'patron://core', WebSocket: portWebSocketClass(Promise.resolve(port2 as unknown as MessagePort)) });
  const untyped = createTRPCUntypedClient<AppRouter>({ links: [wsLink({ client: ws })] });
  return {
    api: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }),
    /** The same connection, called by path ("customers.list"): for tests that go through every call. */
    byPath: (path: string, input: unknown) => callByPath(untyped, path, input),
    close: () => {
      ws.close();
      port1.close();
    },
  };
}

const procedures = new Map<string, unknown>(Object.entries(patronRouter._def.procedures));

/** A procedure's type ('query', 'mutation' or 'subscription') by its path. */
function procedureType(path: string): string {
  const proc = procedures.get(path);
  if ((typeof proc === 'function' || typeof proc === 'object') && proc !== null && '_def' in proc) {
    const def = proc._def;
    if (typeof def === 'object' && def !== null && 'type' in def && typeof def.type === 'string') return def.type;
  }
  throw new Error(`no procedure ${path} in the router`);
}

/** Calls a procedure by path; a subscription settles at its first event or error. */
function callByPath(untyped: TRPCUntypedClient<AppRouter>, path: string, input: unknown): Promise<unknown> {
  const type = procedureType(path);
  if (type === 'subscription') {
    // Streamed calls validate their input before the first event: the error arrives on onError.
    return new Promise((resolve, reject) => {
      const sub = untyped.subscription(path, input, { onData: () => (sub.unsubscribe(), resolve(undefined)), onError: (e) => (sub.unsubscribe(), reject(e)) });
    });
  }
  return type === 'query' ? untyped.query(path, input) : untyped.mutation(path, input);
}
