// How a command fails: the core's one error shape ({code, message, field?, params?}) in the JSON
// line, and an exit code a script can act on (1: it failed, nothing changed; 2: the command was
// called wrongly; 130: cancelled with Ctrl+C).
import type { JobRow } from '../core/jobs/catalog';
import { AppError, type ErrorShape } from '../core/errors';
import { UsageError } from './args';

export class Failure extends Error {
  constructor(
    readonly shape: ErrorShape,
    readonly exitCode = 1,
  ) {
    super(shape.message);
    this.name = 'Failure';
  }
}

/** A job that did not finish: its own error, or that it was cancelled. */
export function jobError(job: JobRow): Failure {
  if (job.status === 'cancelled') return new Failure({ code: 'cancelled', message: `Job ${job.id} was cancelled; nothing from it was kept.` }, 130);
  return new Failure(job.error ?? { code: 'internal', message: `Job ${job.id} ended ${job.status} without a result.` });
}

export function toFailure(err: unknown): Failure {
  if (err instanceof Failure) return err;
  if (err instanceof UsageError) return new Failure(err.toShape(), 2);
  if (err instanceof AppError) return new Failure(err.toShape());
  return new Failure({ code: 'internal', message: err instanceof Error ? err.message : String(err) });
}
