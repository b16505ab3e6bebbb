// Runs in an Electron utilityProcess: the core lives here, off the main and renderer threads.
// Main sends {config} once, then a MessagePort per window; each port carries the tRPC protocol.
import type { CoreOptions } from '../core/core';
import { CoreHost } from '../core/host';
import { portAsSocket, type PortLike } from '../transport/port-socket';
import { serveRouter } from '../transport/serve-router';

interface ParentMessage {
  data: { type: 'start'; options: CoreOptions } | { type: 'connect' };
  ports: PortLike[];
}

const parent = (process as unknown as { parentPort: { on(e: 'message', l: (m: ParentMessage) => void): void; postMessage(m: unknown): void } }).parentPort;
let handler: ReturnType<typeof serveRouter> | null = null;

parent.on('message', (msg) => {
  try {
    if (msg.data.type === 'start') {
      const host = new CoreHost(msg.data.options);
      host.start();
      handler = serveRouter(host);
      parent.postMessage({ type: 'ready', dbFile: host.dbFile, locked: host.state().locked });
      process.on('exit', () => void host.close());
    } else if (msg.data.type === 'connect' && handler) {
      const { socket, req } = portAsSocket(msg.ports[0]);
      handler(socket, req);
    }
  } catch (err) {
    parent.postMessage({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  }
});
