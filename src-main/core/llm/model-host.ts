// Entry point of the model host process, forked by the core (runtime.ts). It speaks the protocol
// in protocol.ts over the IPC channel and exits when the core goes away.
import { EngineError, HostEngine } from './host-engine';
import { hostFailure } from './host-errors';
import type { FromHost, HostError, ToHost } from './protocol';

const engine = new HostEngine();
const aborts = new Map<number, AbortController>();
let gpu: 'auto' | false = process.env.PATRON_LLM_GPU === 'cpu' ? false : 'auto';

function send(msg: FromHost): void {
  process.send?.(msg);
}

function toHostError(err: unknown): HostError {
  return err instanceof EngineError ? err.error : hostFailure(err);
}

// Text chunks are batched for ~30 ms, still smooth to read: a fast model emits hundreds of tokens
// a second, and one IPC message per token would cost the core more than it helps the reader. The
// first chunk goes at once: holding it back would add 30 ms to the time to first token (the draft
// bench measured 31–37 ms of app overhead with it held, 2–9 ms without).
function chunker(id: number) {
  let pending = '';
  let first = true;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    if (pending) send({ type: 'chunk', id, text: pending });
    pending = '';
  };
  return {
    push(text: string) {
      pending += text;
      if (first) {
        first = false;
        flush();
        return;
      }
      timer ??= setTimeout(flush, 30);
    },
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}

async function handle(msg: ToHost): Promise<void> {
  switch (msg.type) {
    case 'probe':
      try {
        send({ type: 'probed', info: await engine.probe(gpu) });
      } catch (err) {
        send({ type: 'load_failed', error: toHostError(err) });
      }
      return;
    case 'load':
      gpu = msg.request.gpu;
      try {
        send({ type: 'loaded', info: await engine.load(msg.request) });
      } catch (err) {
        send({ type: 'load_failed', error: toHostError(err) });
      }
      return;
    case 'abort':
      aborts.get(msg.id)?.abort();
      return;
    case 'generate':
    case 'batch': {
      const controller = new AbortController();
      aborts.set(msg.id, controller);
      try {
        if (msg.type === 'generate') {
          const out = chunker(msg.id);
          const result = await engine.generate(msg.params, controller.signal, (t) => out.push(t));
          out.flush();
          send({ type: 'generated', id: msg.id, result });
        } else {
          const result = await engine.batch(msg.params, controller.signal, (item) => send({ type: 'item', id: msg.id, item }));
          send({ type: 'batched', id: msg.id, result });
        }
      } catch (err) {
        send({ type: 'failed', id: msg.id, error: toHostError(err) });
      } finally {
        aborts.delete(msg.id);
      }
    }
  }
}

process.on('message', (msg: ToHost) => void handle(msg));
// The core closed the channel (it exited or crashed): nothing is left to serve.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
