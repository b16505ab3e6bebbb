// What a kind of long work declares to the job system: its typed input, checkpoint, progress
// detail and result. A job works in steps: each step's writes and the new checkpoint commit in one
// transaction, so a process killed mid-job resumes from the last committed step and never redoes
// finished items.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { JobLane } from '../../shared/job-kinds';
import type { Db } from '../db/open';

export interface StepOutcome<C, D> {
  /** Saved with the step's writes; the job continues from it after a restart. */
  checkpoint: C;
  done: number;
  total: number;
  /** What the progress line shows beside done/total (e.g. rows rejected so far). */
  detail?: D;
}

export interface JobContext<I, C, D> {
  jobId: number;
  input: I;
  /** Undefined on a first run; the last committed checkpoint when resumed. */
  checkpoint: C | undefined;
  signal: AbortSignal;
  db: Db;
  sqlite: Database.Database;
  /** Runs `work` and records `outcome` in one transaction; throws if cancelled before committing. */
  step(work: () => void, outcome: StepOutcome<C, D>): Promise<void>;
  /** Progress without a commit (e.g. counting the work before the first step). */
  progress(done: number, total: number, detail?: D): void;
  /** Runs work that holds a transaction open across awaits; every other write waits for it. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export interface RollbackContext<I> {
  jobId: number;
  input: I;
  db: Db;
  sqlite: Database.Database;
}

export interface JobKind<K extends string = string, I = unknown, C = unknown, D = unknown, R = unknown, In = I> {
  kind: K;
  /** Only kinds outside JOB_KINDS (tests) say their lane here; the catalogue's own come from there. */
  lane?: JobLane;
  /** Parsed by `start` (defaults filled in); `In` is what a caller may pass. */
  input: z.ZodType<I, In>;
  /** Checked when a job resumes: a checkpoint from another version of the kind fails clearly. */
  checkpoint: z.ZodType<C>;
  /** Shape of the progress detail (declared so the UI's type is the core's). */
  detail?: z.ZodType<D>;
  /** What the job is about, for its title ("orders.csv"); null when the kind says it all. */
  subject?(input: I): string | null;
  run(ctx: JobContext<I, C, D>): Promise<R>;
  /** Undoes committed steps when the job is cancelled or fails, so it leaves nothing behind. */
  rollback?(ctx: RollbackContext<I>): void;
}

export function defineJob<K extends string, I, C, D = never, R = unknown, In = I>(kind: JobKind<K, I, C, D, R, In>): JobKind<K, I, C, D, R, In> {
  return kind;
}

/** A kind of any types, for the runner's registry (its methods are called with what it stored). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds kinds of every input type; each is called only with input its own schema parsed
export type AnyJobKind = JobKind<string, any, any, any, any, any>;

/** What a caller passes to start a job of this kind (before the schema's defaults). */
export type RawInputOf<J> = J extends { input: z.ZodType<infer _I, infer In> } ? In : never;
export type ResultOf<J> = J extends { run(ctx: never): Promise<infer R> } ? R : never;
export type DetailOf<J> = J extends { detail?: z.ZodType<infer D> } ? D : never;
