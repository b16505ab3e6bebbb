// Makes a MessagePort look like the server side of a `ws` WebSocket, so tRPC's WebSocket
// protocol runs unchanged over Electron's MessagePortMain (or Node's worker MessagePort in tests).
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

/** What MessagePortMain and worker_threads' MessagePort have in common. */
export interface PortLike {
  on(event: 'message', listener: (msg: unknown) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(data: unknown): void;
  start?(): void;
  close(): void;
}

const OPEN = 1;
const CLOSED = 3;

class PortSocket extends EventEmitter {
  readyState = OPEN;
  readonly OPEN = OPEN;

  constructor(private readonly port: PortLike) {
    super();
    port.on('message', (msg) => {
      // MessagePortMain delivers {data, ports}; worker MessagePort delivers the data itself.
      const data = msg && typeof msg === 'object' && 'data' in msg ? (msg as { data: unknown }).data : msg;
      this.emit('message', Buffer.from(String(data)), false);
    });
    port.on('close', () => this.markClosed());
    port.start?.();
  }

  send(data: string): void {
    if (this.readyState === OPEN) this.port.postMessage(data);
  }

  close(): void {
    this.port.close();
    this.markClosed();
  }

  terminate(): void {
    this.close();
  }

  private markClosed(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.emit('close');
  }
}

export function portAsSocket(port: PortLike): { socket: WebSocket; req: IncomingMessage } {
  const req = { url: '/', headers: { host: 'localhost' } } as unknown as IncomingMessage;
  return { socket: new PortSocket(port) as unknown as WebSocket, req };
}
