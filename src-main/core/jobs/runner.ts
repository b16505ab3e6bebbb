// The job system: jobs queued and persisted in the jobs table so a restart resumes them, run in
// lanes (shared/job-kinds.ts): one job at a time per lane, the lanes side by side. Every write a
// job makes outside its own exclusive transaction waits for the write gate, so a model job's
// small commits never land inside an import's open transaction.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { JOB_KINDS, type JobKindName, type JobLane, type JobStatus } from '../../shared/job-kinds';
import { changeBus } from '../changes/bus';
import type { Db } from '../db/open';
import { WriteGate } from '../db/write-gate';
import { jobs } from '../db/schema';
import { AppError, type ErrorShape } from '../errors';
import { currentActor, OWNER_ACTOR, runAs, type Actor } from '../privacy/actor';
import type { JobEvent, JobInput, JobRow } from './catalog';
import type { AnyJobKind, RawInputOf } from './job-kind';
import { ProgressTracker } from './progress';

export type { JobEvent, JobRow } from './catalog';

class Cancelled extends Error {}

/** The columns a job is shown with (the checkpoint stays inside the core; input gives the subject). */
const JOB_ROW = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  input: jobs.input,
  done: jobs.done,
  total: jobs.total,
  error: jobs.error,
  result: jobs.result,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};
type StoredRow = typeof jobs.$inferSelect;

export class JobRunner {
  readonly events = new EventEmitter();
  private readonly kinds = new Map<string, AnyJobKind>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly trackers = new Map<number, ProgressTracker>();
  private readonly details = new Map<number, unknown>();
  private readonly draining = new Map<JobLane, Promise<void>>();
  /** Who started each job in this process: its writes are audited as them. A job resumed after a restart runs as the owner/app. */
  private readonly actors = new Map<number, Actor>();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly sqlite: Database.Database,
    private readonly writes: WriteGate = new WriteGate(),
  ) {
    this.events.setMaxListeners(100);
  }

  register(kind: AnyJobKind): void {
    this.kinds.set(kind.kind, kind);
  }

  /**
   * Queues a job after validating its input against the kind's schema: by name for the app's
   * kinds (typed by JobCatalog), or by the kind itself for one registered outside it (tests).
   */
  start<K extends JobKindName>(kind: K, input: JobInput<K>): number;
  start<J extends AnyJobKind>(kind: J, input: RawInputOf<J>): number;
  start(kindOrName: string | AnyJobKind, rawInput: unknown): number {
    const name = typeof kindOrName === 'string' ? kindOrName : kindOrName.kind;
    const kind = this.kinds.get(name);
    if (!kind) throw new AppError('job_unknown_kind', `There is no kind of job called "${name}".`, undefined, { kind: name });
    const parsed = kind.input.safeParse(rawInput);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid_input', `${issue.path.join('.') || 'input'}: ${issue.message}`, issue.path.join('.'));
    }
    const row = this.db.insert(jobs).values({ kind: name, input: parsed.data ?? null }).returning({ id: jobs.id }).get();
    this.actors.set(row.id, currentActor());
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

  /**
   * Stops a job. A running one is aborted at once, even while an import holds the write gate
   * (its own transaction rolls back); a queued one is marked cancelled once writes are free.
   */
  async cancel(id: number): Promise<void> {
    const row = this.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id)).get();
    if (!row) throw new AppError('not_found', `Job ${id} does not exist.`, undefined, { id });
    if (row.status !== 'queued' && row.status !== 'running') {
      throw new AppError('job_not_cancellable', `Job ${id} has already ended (${row.status}).`, undefined, { id, status: row.status });
    }
    const controller = this.controllers.get(id);
    if (controller) {
      controller.abort();
      return;
    }
    await this.writes.idle();
    // It may have started while we waited.
    const again = this.controllers.get(id);
    if (again) again.abort();
    else this.finishUnstarted(id);
  }

  list(limit = 50): JobRow[] {
    return this.db.select(JOB_ROW).from(jobs).orderBy(desc(jobs.id)).limit(limit).all().map((r) => this.toRow(r));
  }

  get(id: number): JobRow {
    const row = this.db.select(JOB_ROW).from(jobs).where(eq(jobs.id, id)).get();
    if (!row) throw new AppError('not_found', `Job ${id} does not exist.`, undefined, { id });
    return this.toRow(row);
  }

  /** Resolves when every lane's queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining.size) await Promise.all(this.draining.values());
  }

  /** Stops taking work; running jobs are aborted without rollback so they resume next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const c of this.controllers.values()) c.abort('shutdown');
    await this.idle();
  }

  private laneOf(kind: string): JobLane {
    return (JOB_KINDS as Record<string, JobLane>)[kind] ?? this.kinds.get(kind)?.lane ?? 'write';
  }

  /** Kinds of the model lane; every other kind (unknown ones too) belongs to the write lane. */
  private modelKinds(): string[] {
    return [...new Set([...Object.keys(JOB_KINDS), ...this.kinds.keys()])].filter((k) => this.laneOf(k) === 'model');
  }

  private kick(): void {
    if (this.closed) return;
    for (const lane of ['write', 'model'] as const) {
      if (this.draining.has(lane)) continue;
      const loop = (async () => {
        // Yield first: a lane with nothing to do would otherwise finish (and clear its entry)
        // before the entry below is set, leaving idle() waiting on it forever.
        await Promise.resolve();
        try {
          for (;;) {
            if (this.closed) break;
            const model = this.modelKinds();
            const next = this.db
              .select()
              .from(jobs)
              .where(and(eq(jobs.status, 'queued'), lane === 'model' ? inArray(jobs.kind, model) : notInArray(jobs.kind, model)))
              .orderBy(jobs.id)
              .limit(1)
              .get();
            if (!next) break;
            await this.runOne(next);
          }
        } finally {
          this.draining.delete(lane);
        }
      })();
      this.draining.set(lane, loop);
    }
  }

  private async runOne(row: StoredRow): Promise<void> {
    const kind = this.kinds.get(row.kind);
    await this.writes.idle();
    if (!kind) {
      this.finish(row.id, 'failed', { error: new AppError('job_unknown_kind', `No handler for job kind "${row.kind}".`, undefined, { kind: row.kind }).toShape() });
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
    const bus = changeBus(this.sqlite);
    const throwIfCancelled = () => {
      if (signal.aborted) throw new Cancelled();
    };
    const markProgress = (done: number, total: number, detail: unknown) => {
      if (detail !== undefined) this.details.set(row.id, detail);
      const snap = tracker.update(done, total);
      if (snap) this.emit(row.id, 'running');
    };
    const saveStep = this.sqlite.transaction((work: () => void, checkpoint: unknown, done: number, total: number) => {
      work();
      // Cancel that lands during the step's work rolls the step back with it.
      throwIfCancelled();
      this.db.update(jobs).set({ checkpoint: checkpoint as never, done, total }).where(eq(jobs.id, row.id)).run();
    });
    // True while this job holds the gate: its own steps then commit inside its transaction.
    let holdsGate = false;

    // The lane's loop inherits the context of whichever call kicked it: name the job's own starter.
    const actor = this.actors.get(row.id) ?? OWNER_ACTOR;
    try {
      const checkpoint = row.checkpoint == null ? undefined : kind.checkpoint.parse(row.checkpoint);
      const result = await runAs(actor, () => kind.run({
        jobId: row.id,
        input: kind.input.parse(row.input),
        checkpoint,
        signal,
        db: this.db,
        sqlite: this.sqlite,
        exclusive: async (work) => {
          try {
            const out = await this.writes.exclusive(async () => {
              holdsGate = true;
              try {
                return await work();
              } finally {
                holdsGate = false;
              }
            });
            bus.flush();
            return out;
          } catch (err) {
            bus.discard();
            throw err;
          }
        },
        progress: (done, total, detail) => {
          throwIfCancelled();
          markProgress(done, total, detail);
        },
        step: async (work, outcome) => {
          throwIfCancelled();
          if (!holdsGate) await this.writes.idle();
          throwIfCancelled();
          try {
            saveStep(work, outcome.checkpoint, outcome.done, outcome.total);
          } catch (err) {
            if (!holdsGate) bus.discard();
            throw err;
          }
          if (!holdsGate) bus.flush();
          markProgress(outcome.done, outcome.total, outcome.detail);
          // Yield so RPC calls and cancel requests are served between steps.
          await new Promise((resolve) => setImmediate(resolve));
          throwIfCancelled();
        },
      }));
      await this.writes.idle();
      this.finish(row.id, 'done', { result: result ?? null });
    } catch (err) {
      if (signal.aborted && signal.reason === 'shutdown') {
        // Leave it 'running': the next start resumes it from its checkpoint.
        this.controllers.delete(row.id);
        return;
      }
      await this.writes.idle();
      const cancelled = err instanceof Cancelled || signal.aborted;
      try {
        runAs(actor, () => this.rollback(kind, row));
      } catch (rollbackErr) {
        this.finish(row.id, 'failed', { error: toShape(rollbackErr, 'Undoing the job failed') });
        return;
      }
      if (cancelled) this.finish(row.id, 'cancelled', {});
      else this.finish(row.id, 'failed', { error: toShape(err) });
    }
  }

  /** Runs the kind's undo; what it deletes is announced like any other change. */
  private rollback(kind: AnyJobKind, row: { id: number; input: unknown }): void {
    if (!kind.rollback) return;
    const bus = changeBus(this.sqlite);
    bus.write(() => kind.rollback?.({ jobId: row.id, input: row.input, db: this.db, sqlite: this.sqlite }));
  }

  private finishUnstarted(id: number): void {
    const row = this.db.select().from(jobs).where(eq(jobs.id, id)).get();
    const kind = row && this.kinds.get(row.kind);
    // A queued job may hold committed steps from before a restart: undo them too.
    if (row?.checkpoint != null && kind) this.rollback(kind, row);
    this.finish(id, 'cancelled', {});
  }

  private finish(id: number, status: JobStatus, extra: { result?: unknown; error?: ErrorShape }): void {
    this.controllers.delete(id);
    this.actors.delete(id);
    this.db
      .update(jobs)
      .set({ status, finishedAt: Date.now(), result: (extra.result ?? null) as never, error: (extra.error ?? null) as never })
      .where(eq(jobs.id, id))
      .run();
    this.emit(id, status, true);
    this.trackers.delete(id);
    this.details.delete(id);
  }

  /** A stored row as the UI sees it: its subject worked out by its kind, the input left inside. */
  private toRow(r: { id: number; kind: string; status: JobStatus; input: unknown; done: number; total: number; error: unknown; result: unknown; createdAt: number; startedAt: number | null; finishedAt: number | null }): JobRow {
    const kind = this.kinds.get(r.kind);
    const subject = subjectOf(kind, r.input);
    const row = {
      id: r.id,
      kind: r.kind,
      status: r.status,
      subject,
      done: r.done,
      total: r.total,
      error: r.error as ErrorShape | null,
      result: r.result,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
    };
    // The stored result was written by this kind's own run (typed by JobCatalog); JSON erased it.
    return row as JobRow;
  }

  private emit(id: number, status: JobStatus, force = false): void {
    const stored = this.db.select(JOB_ROW).from(jobs).where(eq(jobs.id, id)).get();
    if (!stored) return;
    const row = this.toRow({ ...stored, status });
    const tracker = this.trackers.get(id);
    const snap = tracker ? (force ? tracker.update(row.done, row.total, true)! : tracker.snapshot()) : { done: row.done, total: row.total, ratePerSec: null, etaSec: null };
    const event = { ...row, ...snap, detail: this.details.get(id) ?? null } as JobEvent;
    this.events.emit('job', event);
  }
}

/** What a job is about, from its kind; null when its stored input no longer parses (an older version's). */
function subjectOf(kind: AnyJobKind | undefined, input: unknown): string | null {
  if (!kind?.subject) return null;
  const parsed = kind.input.safeParse(input);
  return parsed.success ? kind.subject(parsed.data) : null;
}

function toShape(err: unknown, prefix?: string): ErrorShape {
  if (err instanceof AppError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: prefix ? `${prefix}: ${message}` : message };
}
