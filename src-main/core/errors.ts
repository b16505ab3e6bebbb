// One error shape crosses the boundary: {code, message, field?}. The UI translates by code and
// falls back to the message, which is always plain English naming what is wrong.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'db_newer_schema'
  | 'db_open_failed'
  | 'job_unknown_kind'
  | 'job_not_cancellable'
  | 'cancelled'
  | 'internal';

export interface ErrorShape {
  code: ErrorCode;
  message: string;
  field?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): ErrorShape {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

export const notFound = (what: string, id: number | string) => new AppError('not_found', `${what} ${id} does not exist.`);
