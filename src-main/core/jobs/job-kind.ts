// What a kind of long work declares to the job system. A job works in steps: each step's writes
// and the new checkpoint commit in one transaction, so a process killed mid-job resumes from
// the last committed step and never redoes finished items.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Db } from '../db/open';

export interface StepOutcome<C> {
  /** Saved with the step's writes; the job continues from it after a restart. */
  checkpoint: C;
  done: number;
  total: number;
}

export interface JobContext<I, C> {
  jobId: number;
  input: I;
  /** Undefined on a first run; the last committed checkpoint when resumed. */
  checkpoint: C | undefined;
  signal: AbortSignal;
  db: Db;
  sqlite: Database.Database;
  /** Runs `work` and records `outcome` in one transaction; throws if cancelled before committing. */
  step(work: () => void, outcome: StepOutcome<C>): Promise<void>;
  /** Progress without a commit (e.g. counting the work before the first step). */
  progress(done: number, total: number): void;
  /** Runs work that holds a transaction open across awaits; every other write waits for it. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export interface JobKind<I = unknown, C = unknown, R = unknown> {
  kind: string;
  input: z.ZodType<I>;
  run(ctx: JobContext<I, C>): Promise<R>;
  /** Undoes committed steps when the job is cancelled or fails, so it leaves nothing behind. */
  rollback?(ctx: { jobId: number; input: I; db: Db; sqlite: Database.Database }): void;
}

export function defineJob<I, C, R>(kind: JobKind<I, C, R>): JobKind<I, C, R> {
  return kind;
}
