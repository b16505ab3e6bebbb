// Streams a file's rows, checked, to the writer. Small files are read and checked right here,
// between the writes. A big file is read and checked in a worker thread, so that on a laptop's
// second core the next rows are being checked while this thread writes the last ones: the
// import then takes about as long as its writes alone. Either way the writer gets the rows in
// file order, one batch at a time, and an error in the writer stops the reading.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorShape } from '../errors';
import { RowChecker, type CheckedRow, type CheckSettings } from './check-row';
import { streamSource, type SourceLayout } from './read-source';
import { decodeBatch, type EncodedBatch } from './row-codec';
import type { CellSource } from './source-row';

export type RowSink = (line: number, src: CellSource, checked: CheckedRow) => void;

export interface CheckedStreamOptions {
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
  /** After each batch has gone to the sink, with its row count; may throw to stop. */
  afterBatch?: (rows: number) => void;
  /**
   * After a batch, when the next one is not ready yet (the reader is behind): a moment for a
   * short piece of work that would otherwise wait for the end. Only with the worker thread.
   */
  whenIdle?: () => void;
  /** Check in a worker thread (the default for files of 2 MB and more). */
  inWorker?: boolean;
}

const WORKER_FROM_BYTES = 2 * 1024 * 1024;
/**
 * The worker's garbage dies young, and what survives a young-generation collection is about the
 * same at any size (the rows in flight), so a bigger young generation means fewer collections of
 * the same cost. At 48 MB (16 MB semi-spaces) a 1,000,000-line file took 197 of them instead of
 * 360-380 at 16 MB, the worker's pauses 0.4-0.5 s instead of 0.7-2.1 s, and the import 12.8 s
 * instead of 15.6-17.1 s, for 8-13 MB more peak memory.
 */
const LIMITS = { maxYoungGenerationSizeMb: 48 };

export interface CheckWorkerData {
  layout: SourceLayout;
  settings: CheckSettings;
  /** Int32 slot: batches sent and not yet written. */
  control: SharedArrayBuffer;
}

export type ToCheckWorker = { type: 'start'; data: CheckWorkerData };

export type FromCheckWorker =
  | { type: 'batch'; batch: EncodedBatch; bytes: number }
  | { type: 'done'; bytes: number }
  /** The reading thread's failure: an AppError's shape (code, params...), or a bare message for a surprise. */
  | { type: 'error'; error: ErrorShape | { message: string } };

export async function streamCheckedRows(layout: SourceLayout, settings: CheckSettings, sink: RowSink, opts: CheckedStreamOptions = {}): Promise<void> {
  if (opts.inWorker ?? layout.size >= WORKER_FROM_BYTES) return inWorker(layout, settings, sink, opts);
  const checker = new RowChecker(settings);
  let failure: { error: unknown } | null = null;
  await streamSource(
    layout,
    (batch) => {
      try {
        for (let i = 0; i < batch.length; i++) sink(batch[i].line, batch[i], checker.check(batch[i]));
        opts.afterBatch?.(batch.length);
      } catch (error) {
        failure = { error };
        throw error;
      }
    },
    { signal: opts.signal, onBytes: opts.onBytes },
  );
  // Never go on after a failed batch, whatever the reader did with the error.
  if (failure) throw (failure as { error: unknown }).error;
}

/** Longest stretch of batches handled before the event loop gets a turn (timers, RPC, cancel). */
const SLICE_MS = 50;

function inWorker(layout: SourceLayout, settings: CheckSettings, sink: RowSink, opts: CheckedStreamOptions): Promise<void> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const control = new SharedArrayBuffer(4);
  const behind = new Int32Array(control);
  const worker = takeWorker();
  worker.ref();
  worker.postMessage({ type: 'start', data: { layout, settings, control } } satisfies ToCheckWorker);
  const looseHeap = tightHeap();
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      looseHeap();
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => finish(signal!.reason instanceof Error ? signal!.reason : new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    // Node hands a port's queued messages over in one go (up to a thousand per turn), and the
    // worker refills the queue as fast as batches are taken: handled as they come, a whole import
    // ran in one turn of the event loop, starving timers and the RPC socket (a cancel or a note
    // waited for the end). Batches are handled in slices of SLICE_MS; what arrives meanwhile waits
    // in `pending`, uncounted, so the worker stops at its limit and the turn ends.
    const pending: (FromCheckWorker | { type: 'exit'; code: number })[] = [];
    let sliceStart = performance.now();
    let resuming = false;
    const pump = () => {
      while (pending.length && !settled) {
        if (performance.now() - sliceStart > SLICE_MS) {
          resuming = true;
          setImmediate(() => {
            resuming = false;
            sliceStart = performance.now();
            pump();
          });
          return;
        }
        handle(pending.shift()!);
      }
    };
    worker.on('message', (m: FromCheckWorker) => {
      if (settled) return;
      pending.push(m);
      if (!resuming) pump();
    });
    const handle = (m: FromCheckWorker | { type: 'exit'; code: number }) => {
      try {
        if (m.type === 'batch') {
          opts.onBytes?.(m.bytes);
          decodeBatch(m.batch, sink);
          opts.afterBatch?.(m.batch.rows);
          const queued = Atomics.sub(behind, 0, 1) - 1;
          Atomics.notify(behind, 0);
          // The worker counts a batch before it posts it: none counted means none on its way.
          if (queued === 0) opts.whenIdle?.();
        } else if (m.type === 'exit') {
          // Reached only when no 'done' came before it (that one settles first).
          finish(new Error(`The import's reading thread stopped unexpectedly (exit code ${m.code}).`));
        } else if (m.type === 'done') {
          opts.onBytes?.(m.bytes);
          finish();
        } else {
          const e = m.error;
          finish('code' in e ? new AppError(e.code, e.message, e.field, e.params, e.issues) : new Error(e.message));
        }
      } catch (error) {
        finish(error);
      }
    };
    worker.on('error', (error) => finish(error));
    // In line behind the messages still waiting: a worker that posted 'done' and then exited is fine.
    worker.on('exit', (code) => {
      if (settled) return;
      pending.push({ type: 'exit', code });
      if (!resuming) pump();
    });
  });
}

/**
 * Rows streaming through both threads leave much short-lived garbage that outlives a young-
 * generation collection; by default V8 then lets the heap grow to several times the live data
 * before a full collection (a 200 MB heap for 40 MB live on a 1,000,000-row file, 440 MB peak
 * RSS in all). Growing at most 50% between full collections keeps it near 360 MB at about the
 * same speed. The setting is process-wide, so it is put back when the rows end.
 */
function tightHeap(): () => void {
  setFlagsFromString('--heap-growing-percent=50');
  return () => setFlagsFromString('--heap-growing-percent=0');
}

/** A worker started ahead of need (see warmUpCheckWorker), until an import takes it. */
let spare: { worker: Worker; timer: NodeJS.Timeout } | null = null;
const SPARE_FOR_MS = 60_000;

/**
 * Starts the checking worker, when the file at `path` is big enough to need it, while the caller
 * does other work (inspecting the file): loading its modules takes a few hundred milliseconds.
 * Unused, it stops after a minute.
 */
export function warmUpCheckWorker(path: string): void {
  if (spare || (statSync(path, { throwIfNoEntry: false })?.size ?? 0) < WORKER_FROM_BYTES) return;
  const worker = startWorker();
  worker.unref();
  const timer = setTimeout(() => {
    if (spare?.worker === worker) spare = null;
    void worker.terminate();
  }, SPARE_FOR_MS);
  timer.unref();
  // A spare that fails to start is simply not used.
  worker.on('error', () => {
    if (spare?.worker === worker) spare = null;
  });
  spare = { worker, timer };
}

function takeWorker(): Worker {
  const s = spare;
  spare = null;
  if (!s) return startWorker();
  clearTimeout(s.timer);
  return s.worker;
}

/**
 * The worker's entry: import-check-worker.js beside the running bundle (Electron build), or
 * check-worker.ts beside this file, run through tsx (tests, browser mode, benches).
 */
function startWorker(): Worker {
  const here = dirname(fileURLToPath(import.meta.url));
  const js = join(here, 'import-check-worker.js');
  if (existsSync(js)) return new Worker(js, { resourceLimits: LIMITS });
  const ts = pathToFileURL(join(here, 'check-worker.ts')).href;
  return new Worker(join(here, '..', 'tsx-worker-boot.mjs'), { argv: [ts], resourceLimits: LIMITS });
}
