// Downloads the person started: progress (bytes, speed, time left), pause and resume (the part
// file stays; resuming asks for the rest with Range), cancel, and the check each file passed.
// Not a job: the job queue runs one job at a time, and an hour-long download must not hold up an
// import. State survives a restart as "paused"; nothing resumes on its own, since the only network
// access Patron makes is one the person asked for.
import { EventEmitter } from 'node:events';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { getSetting, setSetting } from '../app/service';
import type { Db } from '../db/open';
import { downloadRetryable } from '../../shared/model-problems';
import { AppError, type ErrorShape } from '../errors';
import { ProgressTracker } from '../jobs/progress';
import { downloadModel, type ChecksumCheck } from './download';
import { inspectModelFile } from './inspect';
import type { ModelStore } from './store';

/** 'cancelled' only appears on the event that removes an entry. */
export type DownloadStatus = 'downloading' | 'paused' | 'verifying' | 'done' | 'failed' | 'cancelled';

export interface DownloadRequest {
  /** Catalog id, or null for a URL the person typed. */
  catalogId: string | null;
  file: string;
  url: string;
  source: string;
  sha256: string | null;
}

export interface DownloadState extends DownloadRequest {
  status: DownloadStatus;
  received: number;
  total: number | null;
  bytesPerSec: number | null;
  etaSec: number | null;
  /** Which check the finished file passed. */
  check: ChecksumCheck | null;
  error: ErrorShape | null;
  /** Whether trying again can help (a dropped connection can; a file that is not a model cannot). */
  retryable: boolean;
}

const KEY = 'models.downloads';

export class DownloadManager {
  readonly events = new EventEmitter();
  private readonly states = new Map<string, DownloadState>();
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly db: Db,
    private readonly store: ModelStore,
    private readonly onInstalled: (state: DownloadState) => void,
  ) {
    this.events.setMaxListeners(100);
    for (const s of Object.values(getSetting<Record<string, DownloadState>>(db, KEY, {}))) {
      // Interrupted by a restart: shown as paused, resumed only when asked.
      const status = s.status === 'downloading' || s.status === 'verifying' ? 'paused' : s.status;
      this.states.set(s.file, { ...s, status, bytesPerSec: null, etaSec: null, retryable: s.error ? downloadRetryable(s.error) : true });
    }
  }

  list(): DownloadState[] {
    return [...this.states.values()];
  }

  get(file: string): DownloadState | undefined {
    return this.states.get(file);
  }

  private persist(): void {
    setSetting(this.db, KEY, Object.fromEntries(this.states));
  }

  private update(file: string, patch: Partial<DownloadState>, persist = false): void {
    const next = { ...this.states.get(file)!, ...patch };
    this.states.set(file, next);
    if (persist) this.persist();
    this.events.emit('download', next);
  }

  /** Starts, or resumes from the part file, the download of `req.file`. */
  async start(req: DownloadRequest): Promise<DownloadState> {
    const dest = this.store.pathOf(req.file);
    if (this.running.has(req.file)) return this.states.get(req.file)!;
    if (await stat(dest).then(() => true, () => false)) throw new AppError('conflict', `"${req.file}" is already installed.`);
    await mkdir(this.store.dir, { recursive: true });
    const prev = this.states.get(req.file);
    // A different URL or checksum (another source) cannot continue someone else's part file.
    if (prev && (prev.url !== req.url || prev.sha256 !== req.sha256)) await rm(`${dest}.part`, { force: true });
    const received = await stat(`${dest}.part`).then((s) => s.size, () => 0);
    this.states.set(req.file, { ...req, status: 'downloading', received, total: prev?.total ?? null, bytesPerSec: null, etaSec: null, check: null, error: null, retryable: true });
    this.update(req.file, {}, true);
    const controller = new AbortController();
    const done = this.run(req, dest, controller.signal).finally(() => this.running.delete(req.file));
    this.running.set(req.file, { controller, done });
    return this.states.get(req.file)!;
  }

  private async run(req: DownloadRequest, dest: string, signal: AbortSignal): Promise<void> {
    const tracker = new ProgressTracker(250);
    const part = `${dest}.part`;
    try {
      const outcome = await downloadModel({
        url: req.url,
        partFile: part,
        name: req.file,
        expectedSha256: req.sha256,
        signal,
        onProgress: (received, total) => {
          const snap = tracker.update(received, total ?? received);
          if (snap) this.update(req.file, { received, total, bytesPerSec: snap.ratePerSec, etaSec: snap.etaSec });
        },
      });
      this.update(req.file, { status: 'verifying', received: outcome.size, total: outcome.size }, true);
      // The bytes match; now make sure they are a model llama.cpp can take.
      await inspectModelFile(part, req.file).catch(async (err: unknown) => {
        await rm(part, { force: true });
        throw err;
      });
      await rename(part, dest);
      this.update(req.file, { status: 'done', check: outcome.check, bytesPerSec: null, etaSec: 0 }, true);
      this.onInstalled({ ...this.states.get(req.file)!, sha256: outcome.sha256 });
    } catch (err) {
      if (signal.aborted) {
        // Paused, cancelled or shutting down: cancel removes the state itself.
        if (this.states.has(req.file)) this.update(req.file, { status: 'paused', bytesPerSec: null, etaSec: null }, true);
        return;
      }
      const detail = err instanceof Error ? err.message : String(err);
      const error = err instanceof AppError ? err.toShape() : new AppError('download_failed', `The download of "${req.file}" failed: ${detail}`, undefined, { file: req.file, detail }).toShape();
      // What is kept is what a retry continues from (nothing, when the file was refused).
      const received = await stat(part).then((s) => s.size, () => 0);
      this.update(req.file, { status: 'failed', error, retryable: downloadRetryable(error), received, bytesPerSec: null, etaSec: null }, true);
    }
  }

  /** Stops the transfer and keeps what arrived, to resume later. */
  async pause(file: string): Promise<DownloadState> {
    const r = this.running.get(file);
    if (!r) throw new AppError('not_found', `No download of "${file}" is running.`);
    r.controller.abort();
    await r.done;
    return this.states.get(file)!;
  }

  /** Stops and deletes the part file. */
  async cancel(file: string): Promise<void> {
    const r = this.running.get(file);
    const last = this.states.get(file);
    this.states.delete(file);
    r?.controller.abort();
    await r?.done;
    await rm(`${this.store.pathOf(file)}.part`, { force: true });
    this.persist();
    if (last) this.events.emit('download', { ...last, status: 'cancelled', bytesPerSec: null, etaSec: null });
  }

  /** Clears a finished or failed entry from the list. */
  dismiss(file: string): void {
    if (this.running.has(file)) throw new AppError('conflict', `The download of "${file}" is still running.`);
    this.states.delete(file);
    this.persist();
  }

  /** Resolves when the download of `file` has stopped (tests). */
  async settled(file: string): Promise<DownloadState | undefined> {
    await this.running.get(file)?.done;
    return this.states.get(file);
  }

  async close(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort();
    await Promise.all(all.map((r) => r.done));
  }
}
