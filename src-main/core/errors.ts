// One error shape crosses the boundary: {code, message, field?, params?, issues?} (see
// src-main/shared/problems.ts). The UI words it by code and parameters in the person's language;
// the message is plain English naming what is wrong, for logs and the command line.
import type { ErrorCode, ErrorShape, FieldIssue, ProblemParams } from '../shared/problems';

export type { ErrorCode, ErrorShape, FieldIssue } from '../shared/problems';

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly field?: string,
    /** The facts the UI needs to word it (e.g. which customer holds an email). */
    readonly params?: ProblemParams[C],
    /** invalid_input: every field that is wrong, not just the first. */
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): ErrorShape<C> {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues?.length ? { issues: this.issues } : {}),
    };
  }
}

export const notFound = (what: string, id: number | string) => new AppError('not_found', `${what} ${id} does not exist.`);
