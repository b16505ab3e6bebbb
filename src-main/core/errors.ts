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
  // Import/export (import/, export/): a file that cannot be read at all; an import cut short by a
  // crash or quit (nothing of it was kept).
  | 'file_unreadable'
  | 'import_interrupted'
  // The local model (models/, llm/, ai/): the UI acts on these codes (e.g. "go to the model page").
  | 'model_missing'
  | 'model_invalid'
  | 'model_load_failed'
  | 'model_crashed'
  | 'model_output_invalid'
  | 'download_failed'
  | 'download_checksum'
  | 'internal';

export interface ErrorShape {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Facts the UI needs to say it in the user's language (e.g. which customer holds an email). */
  detail?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly detail?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): ErrorShape {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export const notFound = (what: string, id: number | string) => new AppError('not_found', `${what} ${id} does not exist.`);
