// In Electron the renderer talks to the core over a MessagePort handed over by the preload.
// This class gives that port the WebSocket shape tRPC's wsLink expects, so both transports
// speak the same protocol.
export function portWebSocketClass(portPromise: Promise<MessagePort>): typeof WebSocket {
  class PortWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readyState = 0;
    private port: MessagePort | null = null;

    constructor(_url: string) {
      super();
      portPromise.then((port) => {
        this.port = port;
        port.onmessage = (e) => this.dispatchEvent(new MessageEvent('message', { data: e.data }));
        port.addEventListener('close', () => this.close());
        port.start();
        // Open on a later task, as a real socket does: the client attaches its listeners after
        // construction, and an 'open' fired before that would be lost.
        setTimeout(() => {
          this.readyState = 1;
          this.dispatchEvent(new Event('open'));
        });
      });
    }

    send(data: string) {
      this.port?.postMessage(data);
    }

    close() {
      if (this.readyState === 3) return;
      this.readyState = 3;
      // Plain Event with a code: CloseEvent is not a global everywhere the tests run.
      this.dispatchEvent(Object.assign(new Event('close'), { code: 1000, reason: '', wasClean: true }));
    }
  }
  return PortWebSocket as unknown as typeof WebSocket;
}
