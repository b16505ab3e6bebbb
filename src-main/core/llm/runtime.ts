// The model as the rest of the core sees it: loaded once into one host process and shared by every
// request, with GPU offload where a GPU works and the CPU where it does not, and every failure
// (a refused file, a crash inside llama.cpp) turned into an AppError that names the file.
import { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import { AppError, type ErrorShape } from '../errors';
import { HostProcess, defaultHostScript, type Exit, type HostScript } from './host-process';
import type { BatchItemResult, BatchParams, BatchResult, FromHost, GenerateParams, GenerateResult, GpuInfo, HostError, LoadedInfo } from './protocol';
import { chooseThreads } from './threads';

export interface RuntimeOptions {
  host?: HostScript;
  /** 'auto' (default) offloads to a GPU when one works; false keeps everything on the CPU. */
  gpu?: 'auto' | false;
  threads?: number;
  sequences?: number;
  contextSize?: number;
}

export interface LastRun {
  kind: 'generate' | 'batch';
  tokens: number;
  ms: number;
  tokensPerSec: number;
  at: number;
}

export interface RuntimeStatus {
  state: 'idle' | 'loading' | 'ready' | 'failed' | 'crashed';
  modelPath: string | null;
  loaded: LoadedInfo | null;
  error: ErrorShape | null;
  lastRun: LastRun | null;
  threads: number;
}

interface Loaded {
  host: HostProcess;
  info: LoadedInfo;
}

const describeExit = (e: Exit) => `${e.signal ? `signal ${e.signal}` : `exit code ${e.code}`}${e.stderr ? `: ${e.stderr.split('\n').slice(-3).join(' ')}` : ''}`;
/** A host's error as the core's: same code, message and params. */
const fromHost = (e: HostError) => new AppError(e.code, e.message, undefined, e.params);

export class LlmRuntime {
  readonly events = new EventEmitter();
  private readonly opts: Required<Omit<RuntimeOptions, 'host'>> & { host: HostScript | null };
  private current: Loaded | null = null;
  private loading: { path: string; promise: Promise<Loaded> } | null = null;
  private status: RuntimeStatus;
  private nextId = 1;
  private readonly hooks = new Map<number, { onChunk?: (t: string) => void; onItem?: (i: BatchItemResult) => void }>();
  private gpuInfo: GpuInfo | null = null;
  private closed = false;

  constructor(opts: RuntimeOptions = {}) {
    this.opts = {
      host: opts.host ?? null,
      gpu: opts.gpu ?? (process.env.PATRON_LLM_GPU === 'cpu' ? false : 'auto'),
      threads: opts.threads ?? chooseThreads(),
      sequences: opts.sequences ?? 4,
      contextSize: opts.contextSize ?? 4096,
    };
    this.status = { state: 'idle', modelPath: null, loaded: null, error: null, lastRun: null, threads: this.opts.threads };
    this.events.setMaxListeners(100);
  }

  getStatus(): RuntimeStatus {
    return this.status;
  }

  /** PID of the host process (tests kill it to prove the core survives). */
  get hostPid(): number | undefined {
    return this.current?.host.pid;
  }

  private setStatus(patch: Partial<RuntimeStatus>): void {
    this.status = { ...this.status, ...patch };
    this.events.emit('status', this.status);
  }

  private spawn(): HostProcess {
    const host = new HostProcess(this.opts.host ?? defaultHostScript());
    host.onChunk = (id, text) => this.hooks.get(id)?.onChunk?.(text);
    host.onItem = (id, item) => this.hooks.get(id)?.onItem?.(item);
    host.onExit = (exit, expected) => {
      if (expected || this.current?.host !== host) return;
      this.current = null;
      const file = this.status.modelPath ? basename(this.status.modelPath) : undefined;
      const detail = describeExit(exit);
      this.setStatus({
        state: 'crashed',
        loaded: null,
        error: { code: 'model_crashed', message: `The model process stopped unexpectedly while running "${file}" (${detail}). It will restart on the next request.`, params: { file, during: 'run', detail } },
      });
    };
    return host;
  }

  /** The GPU node-llama-cpp finds on this machine (a short-lived host the first time). */
  async probeGpu(): Promise<GpuInfo> {
    if (this.current) return this.current.info;
    if (this.gpuInfo) return this.gpuInfo;
    const host = this.spawn();
    try {
      await host.ready;
      host.send({ type: 'probe' });
      const reply = await host.waitFor((m) => m.type === 'probed' || m.type === 'load_failed');
      if (reply.type !== 'probed') throw fromHost(reply.error);
      this.gpuInfo = reply.info;
      return reply.info;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const detail = describeExit(err as Exit);
      throw new AppError('model_crashed', `The model runtime could not start (${detail}).`, undefined, { during: 'load', detail });
    } finally {
      await host.stop();
    }
  }

  /** Loads `modelPath` unless it is already loaded; one load at a time, shared by all callers. */
  async load(modelPath: string): Promise<LoadedInfo> {
    if (this.closed) throw new AppError('cancelled', 'The core is shutting down.');
    if (this.current?.info.modelPath === modelPath && this.current.host.alive) return this.current.info;
    if (this.loading?.path === modelPath) return (await this.loading.promise).info;
    const promise = this.loadFresh(modelPath);
    this.loading = { path: modelPath, promise };
    try {
      return (await promise).info;
    } finally {
      if (this.loading?.promise === promise) this.loading = null;
    }
  }

  private async loadFresh(modelPath: string): Promise<Loaded> {
    const previous = this.current;
    this.current = null;
    await previous?.host.stop();
    this.setStatus({ state: 'loading', modelPath, loaded: null, error: null });
    try {
      let loaded: Loaded;
      try {
        loaded = await this.loadIn(modelPath, this.opts.gpu);
      } catch (err) {
        // A GPU load that fails (or kills the process, as a driver fault can) is retried on the CPU.
        const gpu = err instanceof LoadFailure ? err.gpu : undefined;
        if (this.opts.gpu === false || gpu === false) throw err;
        loaded = await this.loadIn(modelPath, false);
        loaded.info.fallback = err instanceof LoadFailure ? err.detail : String(err);
      }
      this.current = loaded;
      this.setStatus({ state: 'ready', loaded: loaded.info, error: null });
      return loaded;
    } catch (err) {
      const e =
        err instanceof LoadFailure ? err.toAppError(modelPath)
        : err instanceof AppError ? err
        : new AppError('model_load_failed', `The model runtime could not start: ${String(err)}`, undefined, { file: basename(modelPath), detail: String(err) });
      this.setStatus({ state: 'failed', loaded: null, error: e.toShape() });
      throw e;
    }
  }

  private async loadIn(modelPath: string, gpu: 'auto' | false): Promise<Loaded> {
    const host = this.spawn();
    let probed: GpuInfo | undefined;
    try {
      await host.ready;
      host.send({ type: 'probe' });
      const p = await host.waitFor((m) => m.type === 'probed' || m.type === 'load_failed');
      if (p.type === 'probed') probed = this.gpuInfo = gpu === 'auto' ? p.info : (this.gpuInfo ?? p.info);
      host.send({ type: 'load', request: { modelPath, gpu, threads: this.opts.threads, sequences: this.opts.sequences, contextSize: this.opts.contextSize } });
      const reply = await host.waitFor((m): m is Extract<FromHost, { type: 'loaded' | 'load_failed' }> => m.type === 'loaded' || m.type === 'load_failed');
      if (reply.type === 'load_failed') throw new LoadFailure(reply.error, reply.error.gpu ?? probed?.gpu);
      return { host, info: reply.info };
    } catch (err) {
      await host.stop();
      if (err instanceof LoadFailure) throw err;
      throw new LoadFailure(describeExit(err as Exit), probed?.gpu);
    }
  }

  private async request<R>(
    send: (host: HostProcess, id: number) => void,
    done: 'generated' | 'batched',
    signal: AbortSignal | undefined,
    hooks: { onChunk?: (t: string) => void; onItem?: (i: BatchItemResult) => void },
  ): Promise<R> {
    const loaded = this.current;
    if (!loaded) throw new AppError('model_missing', 'No model is loaded.');
    const { host } = loaded;
    const id = this.nextId++;
    this.hooks.set(id, hooks);
    const onAbort = () => host.send({ type: 'abort', id });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reply = host.waitFor((m) => (m.type === done || m.type === 'failed') && m.id === id);
      send(host, id);
      if (signal?.aborted) onAbort();
      const msg = await reply.catch((exit: Exit) => {
        if (host.stopped) throw new AppError('cancelled', 'The model was unloaded (another model was activated, or Patron is closing) before it finished.');
        const file = basename(loaded.info.modelPath);
        const detail = describeExit(exit);
        throw new AppError('model_crashed', `The model process stopped unexpectedly while running "${file}" (${detail}).`, undefined, { file, during: 'run', detail });
      });
      if (msg.type === 'failed') throw fromHost(msg.error);
      return (msg as unknown as { result: R }).result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.hooks.delete(id);
    }
  }

  private record(kind: LastRun['kind'], r: { tokens: number; ms: number; firstTokenMs: number }): void {
    const genMs = Math.max(1, r.ms - r.firstTokenMs);
    // Generation speed: tokens after the first, over the time after the first (prompt excluded).
    const tokensPerSec = r.tokens > 1 ? ((r.tokens - 1) / genMs) * 1000 : 0;
    this.setStatus({ lastRun: { kind, tokens: r.tokens, ms: r.ms, tokensPerSec, at: Date.now() } });
  }

  /** One completion of a chat turn; `onChunk` receives text as it is generated. */
  async generate(params: GenerateParams, opts: { signal?: AbortSignal; onChunk?: (text: string) => void } = {}): Promise<GenerateResult> {
    const r = await this.request<GenerateResult>((h, id) => h.send({ type: 'generate', id, params }), 'generated', opts.signal, { onChunk: opts.onChunk });
    this.record('generate', r);
    return r;
  }

  /** Many prompts sharing one system prompt, over parallel sequences. */
  async batch(params: BatchParams, opts: { signal?: AbortSignal; onItem?: (item: BatchItemResult) => void } = {}): Promise<BatchResult> {
    const r = await this.request<BatchResult>((h, id) => h.send({ type: 'batch', id, params }), 'batched', opts.signal, { onItem: opts.onItem });
    this.record('batch', { tokens: r.tokens, ms: r.ms, firstTokenMs: 0 });
    return r;
  }

  /** Frees the model (deleting its file, switching off AI). */
  async unload(): Promise<void> {
    const c = this.current;
    this.current = null;
    await c?.host.stop();
    this.setStatus({ state: 'idle', modelPath: null, loaded: null, error: null });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.loading?.promise.catch(() => undefined);
    await this.unload();
  }
}

/** A load that did not succeed: refused by llama.cpp (a HostError), or the process died while loading (its exit). */
class LoadFailure extends Error {
  constructor(
    readonly failure: HostError | string,
    readonly gpu: GpuInfo['gpu'] | undefined,
  ) {
    super(typeof failure === 'string' ? failure : failure.message);
  }

  /** The raw words: llama.cpp's log, or how the process ended. */
  get detail(): string {
    return typeof this.failure === 'string' ? this.failure : (this.failure.params.detail ?? this.failure.message);
  }

  toAppError(modelPath: string): AppError {
    const file = basename(modelPath);
    if (typeof this.failure !== 'string') return fromHost(this.failure);
    return new AppError('model_crashed', `Loading the model file "${file}" stopped the model process (${this.failure}). The file is damaged or not supported.`, undefined, {
      file,
      during: 'load',
      detail: this.failure,
    });
  }
}
