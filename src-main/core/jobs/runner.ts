// The job system: one queue, one job running at a time (writes go one transaction at a time),
// persisted in the jobs table so a restart resumes what was queued or running.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { WriteGate } from '../db/write-gate';
import { jobs } from '../db/schema';
import { AppError, type ErrorShape } from '../errors';
import type { JobKind } from './job-kind';
import { ProgressTracker, type ProgressSnapshot } from './progress';

export type JobStatus = (typeof jobs.$inferSelect)['status'];

export interface JobEvent extends ProgressSnapshot {
  id: number;
  kind: string;
  status: JobStatus;
  error: ErrorShape | null;
  result: unknown;
}

export interface JobRow {
  id: number;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  error: ErrorShape | null;
  result: unknown;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

class Cancelled extends Error {}

/** The columns a job is shown with (input and checkpoint stay inside the core). */
const JOB_ROW = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  done: jobs.done,
  total: jobs.total,
  error: jobs.error,
  result: jobs.result,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};

export class JobRunner {
  readonly events = new EventEmitter();
  private readonly kinds = new Map<string, JobKind<any, any, any>>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly trackers = new Map<number, ProgressTracker>();
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    private readonly writes: WriteGate = new WriteGate(),
  ) {
    this.events.setMaxListeners(100);
  }

  register(kind: JobKind<any, any, any>): void {
    this.kinds.set(kind.kind, kind);
  }

  /** Queues a job after validating its input against the kind's schema. */
  start(kindName: string, rawInput: unknown): number {
    const kind = this.kinds.get(kindName);
    if (!kind) throw new AppError('job_unknown_kind', `There is no kind of job called "${kindName}".`);
    const parsed = kind.input.safeParse(rawInput);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid_input', `${issue.path.join('.') || 'input'}: ${issue.message}`, issue.path.join('.'));
    }
    const row = this.db.insert(jobs).values({ kind: kindName, input: parsed.data ?? null }).returning({ id: jobs.id }).get();
    this.emit(row.id, 'queued');
    this.kick();
    return row.id;
  }

  /** Jobs left queued or running by a previous process continue from their checkpoint. */
  resumeInterrupted(): number[] {
    const rows = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(inArray(jobs.status, ['queued', 'running']))
      .all();
    this.db.update(jobs).set({ status: 'queued' }).where(inArray(jobs.status, ['running'])).run();
    if (rows.length) this.kick();
    return rows.map((r) => r.id);
  }

  cancel(id: number): void {
    const row = this.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id)).get();
    if (!row) throw new AppError('not_found', `Job ${id} does not exist.`);
    if (row.status !== 'queued' && row.status !== 'running') {
      throw new AppError('job_not_cancellable', `Job ${id} has already ended (${row.status}).`);
    }
    const controller = this.controllers.get(id);
    if (controller) controller.abort();
    else this.finishUnstarted(id);
  }

  list(limit = 50): JobRow[] {
    return this.db.select(JOB_ROW).from(jobs).orderBy(desc(jobs.id)).limit(limit).all() as JobRow[];
  }

  get(id: number): JobRow {
    const row = this.db.select(JOB_ROW).from(jobs).where(eq(jobs.id, id)).get();
    if (!row) throw new AppError('not_found', `Job ${id} does not exist.`);
    return row as JobRow;
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops taking work; the running job is aborted without rollback so it resumes next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const c of this.controllers.values()) c.abort('shutdown');
    await this.idle();
  }

  private kick(): void {
    if (this.draining || this.closed) return;
    this.draining = (async () => {
      try {
        for (;;) {
          if (this.closed) break;
          const next = this.db
            .select()
            .from(jobs)
            .where(eq(jobs.status, 'queued'))
            .orderBy(jobs.id)
            .limit(1)
            .get();
          if (!next) break;
          await this.runOne(next);
        }
      } finally {
        this.draining = null;
      }
    })();
  }

  private async runOne(row: typeof jobs.$inferSelect): Promise<void> {
    const kind = this.kinds.get(row.kind);
    if (!kind) {
      this.finish(row.id, 'failed', { error: { code: 'job_unknown_kind', message: `No handler for job kind "${row.kind}".` } });
      return;
    }
    const controller = new AbortController();
    this.controllers.set(row.id, controller);
    const tracker = new ProgressTracker();
    this.trackers.set(row.id, tracker);
    tracker.update(row.done, row.total, true);
    this.db.update(jobs).set({ status: 'running', startedAt: row.startedAt ?? Date.now() }).where(eq(jobs.id, row.id)).run();
    this.emit(row.id, 'running');

    const { signal } = controller;
    const throwIfCancelled = () => {
      if (signal.aborted) throw new Cancelled();
    };
    const markProgress = (done: number, total: number) => {
      const snap = tracker.update(done, total);
      if (snap) this.emit(row.id, 'running');
    };
    const saveStep = this.sqlite.transaction((work: () => void, checkpoint: unknown, done: number, total: number) => {
      work();
      // Cancel that lands during the step's work rolls the step back with it.
      throwIfCancelled();
      this.db.update(jobs).set({ checkpoint: checkpoint as never, done, total }).where(eq(jobs.id, row.id)).run();
    });

    try {
      const result = await kind.run({
        jobId: row.id,
        input: row.input,
        checkpoint: (row.checkpoint ?? undefined) as never,
        signal,
        db: this.db,
        sqlite: this.sqlite,
        exclusive: (work) => this.writes.exclusive(work),
        progress: (done, total) => {
          throwIfCancelled();
          markProgress(done, total);
        },
        step: async (work, outcome) => {
          throwIfCancelled();
          saveStep(work, outcome.checkpoint, outcome.done, outcome.total);
          markProgress(outcome.done, outcome.total);
          // Yield so RPC calls and cancel requests are served between steps.
          await new Promise((resolve) => setImmediate(resolve));
          throwIfCancelled();
        },
      });
      this.finish(row.id, 'done', { result: result ?? null });
    } catch (err) {
      if (signal.aborted && signal.reason === 'shutdown') {
        // Leave it 'running': the next start resumes it from its checkpoint.
        this.controllers.delete(row.id);
        return;
      }
      const cancelled = err instanceof Cancelled || signal.aborted;
      try {
        kind.rollback?.({ jobId: row.id, input: row.input, db: this.db, sqlite: this.sqlite });
      } catch (rollbackErr) {
        this.finish(row.id, 'failed', { error: toShape(rollbackErr, 'Undoing the job failed') });
        return;
      }
      if (cancelled) this.finish(row.id, 'cancelled', {});
      else this.finish(row.id, 'failed', { error: toShape(err) });
    }
  }

  private finishUnstarted(id: number): void {
    const row = this.db.select().from(jobs).where(eq(jobs.id, id)).get();
    const kind = row && this.kinds.get(row.kind);
    // A queued job may hold committed steps from before a restart: undo them too.
    if (row?.checkpoint != null && kind?.rollback) kind.rollback({ jobId: id, input: row.input, db: this.db, sqlite: this.sqlite });
    this.finish(id, 'cancelled', {});
  }

  private finish(id: number, status: JobStatus, extra: { result?: unknown; error?: ErrorShape }): void {
    this.controllers.delete(id);
    this.db
      .update(jobs)
      .set({ status, finishedAt: Date.now(), result: (extra.result ?? null) as never, error: (extra.error ?? null) as never })
      .where(eq(jobs.id, id))
      .run();
    this.emit(id, status, true);
    this.trackers.delete(id);
  }

  private emit(id: number, status: JobStatus, force = false): void {
    const row = this.db
      .select({ kind: jobs.kind, done: jobs.done, total: jobs.total, error: jobs.error, result: jobs.result })
      .from(jobs)
      .where(eq(jobs.id, id))
      .get();
    if (!row) return;
    const tracker = this.trackers.get(id);
    const snap = tracker ? (force ? tracker.update(row.done, row.total, true)! : tracker.snapshot()) : { done: row.done, total: row.total, ratePerSec: null, etaSec: null };
    const event: JobEvent = { id, kind: row.kind, status, ...snap, error: row.error as ErrorShape | null, result: row.result };
    this.events.emit('job', event);
  }
}

function toShape(err: unknown, prefix?: string): ErrorShape {
  if (err instanceof AppError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: prefix ? `${prefix}: ${message}` : message };
}
