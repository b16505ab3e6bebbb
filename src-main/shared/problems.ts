// Problems as codes: every error the core raises and every import row it rejects carries a stable
// code and the facts that go with it (`{code: 'date_unparseable', params: {value: '2023年13月45日'}}`).
// The words live in typed message tables (problem-text-en.ts, problem-text-zh.ts), one function per
// code, so a code without a message or a message reading a parameter the code does not carry is a
// type error, and rewording a sentence never breaks another language. Pure: the renderer imports
// it to word problems in the person's language; the core words the rejected-rows download with it.
import { EN } from './problem-text-en';
import { ZH } from './problem-text-zh';
import type { ModelProblemParams } from './model-problems';
import type { FilterInvalidReason } from './filters';

export type ProblemLanguage = 'en' | 'zh';

/** Why a file cannot be read at all (file_unreadable). */
export type UnreadableReason =
  | 'folder'
  | 'no_permission'
  | 'os_error'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'database'
  | 'empty_zip'
  | 'old_xls'
  | 'binary'
  | 'damaged_workbook'
  | 'not_a_workbook'
  | 'no_visible_sheet'
  | 'sheet_missing'
  | 'other';

/** Every code and the parameters it carries. */
export interface ProblemParams extends ModelProblemParams {
  // ---- Errors (AppError / ErrorShape). Their parameters are all optional: an error stored by an
  // older version, or raised where a fact is not known, still has words. ----
  /** Bad input; `issues` on the error names each field that is wrong. */
  invalid_input: Record<string, never>;
  not_found: { id?: number | string };
  /** `customerName` holds the email/phone already (a customer's email or phone is unique). */
  conflict: { customerId?: number; customerName?: string };
  db_newer_schema: Record<string, never>;
  /** `tag` names the applied migration whose text is not the one this build has. */
  db_migration_changed: { tag?: string };
  db_open_failed: Record<string, never>;
  /** The database is encrypted and no passphrase was given. */
  passphrase_required: Record<string, never>;
  /** The passphrase does not open the database (or backup); nothing was changed. */
  wrong_passphrase: Record<string, never>;
  /** The app is locked: the database is closed until the passphrase is entered. */
  locked: Record<string, never>;
  /** The signed-in profile may not do this (`action` names what: export, erase, settings...). */
  owner_only: { action?: string; profile?: string };
  /** A wrong PIN for a profile. */
  wrong_pin: { profile?: string };
  /** Too many wrong PINs in a row: wait `seconds` before the next try. */
  pin_wait: { seconds?: number };
  /** The last owner cannot be removed or made staff while other profiles remain. */
  last_owner: Record<string, never>;
  /** Another profile already has this name. */
  profile_name_taken: { name?: string };
  job_unknown_kind: { kind?: string };
  job_not_cancellable: { id?: number; status?: string };
  cancelled: Record<string, never>;
  /** A smart-list filter (from the editor or the model) that does not fit the filter language (shared/filters.ts). */
  filter_invalid: { reason?: FilterInvalidReason; path?: string; field?: string; op?: string };
  /** Another smart list already has this name. */
  list_name_taken: { name?: string };
  /** `format` names a PDF/picture/archive kind; `sheet`/`sheets` a sheet that is not in the workbook. */
  file_unreadable: { file?: string; reason?: UnreadableReason; format?: string; sheet?: string; sheets?: string[] };
  /** A file with nothing to import: no bytes, blank, no rows, or a header (at `line`) and no rows. */
  file_empty: { file?: string; reason?: 'empty' | 'blank' | 'no_rows' | 'header_only'; line?: number; sheet?: string };
  import_interrupted: Record<string, never>;
  /** A campaign's target holds more customers than one campaign may (CAMPAIGN_MAX_CUSTOMERS). */
  campaign_too_large: { count?: number; max?: number };
  /** No customer of a campaign's target can be written to: `leftOut` have no consent or no contact for any channel. */
  campaign_empty: { leftOut?: number };
  // model_*, download_*: the local model's problems, in model-problems.ts.
  internal: Record<string, never>;

  // ---- A field of a form (an invalid_input error's issues) ----
  required: Record<string, never>;
  too_long: { max: number };
  too_short: { min: number };
  too_large: { max: number };
  not_allowed: Record<string, never>;
  invalid: Record<string, never>;
  email_taken: { customerName?: string };
  phone_taken: { customerName?: string };

  // ---- A rejected import row ----
  email_invalid: { value: string };
  phone_invalid: { value: string };
  date_empty: { what: 'date' | 'order_date' };
  date_order_mismatch: { value: string; order: 'DMY' | 'MDY' };
  date_not_real: { value: string };
  date_unparseable: { value: string };
  yes_no_invalid: { value: string };
  person_missing: Record<string, never>;
  language_unknown: { value: string };
  customer_key_missing: { what: 'order' | 'message' | 'review' };
  customer_unknown: { email: string | null; phone: string | null };
  feedback_kind_unknown: { value: string };
  rating_invalid: { value: string };
  rating_out_of_range: { value: string };
  nps_invalid: { value: string };
  nps_out_of_range: { value: string };
  feedback_empty: Record<string, never>;
  message_empty: Record<string, never>;
  channel_unknown: { value: string };
  direction_unknown: { value: string };
  amount_invalid: { value: string };
  amount_negative: { what: 'unit_price' | 'line_total' | 'order_total'; value: string };
  order_no_empty: Record<string, never>;
  order_status_unknown: { value: string };
  product_empty: Record<string, never>;
  quantity_invalid: { value: string };
  quantity_negative: { value: string };
  quantity_zero: Record<string, never>;
  price_missing: Record<string, never>;
  amount_missing: Record<string, never>;
  currency_invalid: { value: string };
  /** Every line of an order is left out when one of its lines was rejected. */
  order_line_rejected: { orderNo: string; line: number };
  row_too_wide: { values: number; columns: number };
  /** A backup could not be written (`reason`: what failed, in English); the database is untouched. */
  backup_failed: { file?: string; reason?: string };
  /** The file is not a usable Patron backup: not a database, damaged, or not Patron's. Nothing was replaced. */
  backup_invalid: { file?: string; reason?: 'missing' | 'not_database' | 'damaged' | 'not_patron' };
  /** The backup was made by a newer Patron (`tag`: the migration this build does not know). */
  backup_newer_schema: { tag?: string };
  /** The restored database did not open; the current one was put back (`reason` in English). */
  restore_failed: { reason?: string };
  quote_unclosed: Record<string, never>;
  quote_stray: Record<string, never>;
}

export type ProblemCode = keyof ProblemParams;

/** A code with its parameters; `Problem<'date_unparseable'>` is one code's, `Problem` any code's. */
export type Problem<C extends ProblemCode = ProblemCode> = { [K in C]: { code: K; params: ProblemParams[K] } }[C];

/** The codes an error (AppError, ErrorShape) can carry. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'db_newer_schema'
  | 'db_migration_changed'
  | 'db_open_failed'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'locked'
  | 'owner_only'
  | 'wrong_pin'
  | 'pin_wait'
  | 'last_owner'
  | 'profile_name_taken'
  | 'backup_failed'
  | 'backup_invalid'
  | 'backup_newer_schema'
  | 'restore_failed'
  | 'job_unknown_kind'
  | 'job_not_cancellable'
  | 'cancelled'
  | 'filter_invalid'
  | 'list_name_taken'
  | 'file_unreadable'
  | 'file_empty'
  | 'import_interrupted'
  | 'campaign_too_large'
  | 'campaign_empty'
  | 'model_missing'
  | 'model_invalid'
  | 'model_load_failed'
  | 'model_crashed'
  | 'model_output_invalid'
  | 'model_out_of_memory'
  | 'download_failed'
  | 'download_refused'
  | 'download_checksum'
  | 'download_disk_full'
  | 'internal';

/** One wrong field of an invalid_input error: which field, and what is wrong with it. */
export type FieldIssue = Problem & { field: string };

/**
 * An error as it crosses the boundary (tRPC, the import worker, a stored job): its code and
 * parameters for the UI to word, `message` in plain English for logs and the command line,
 * `field` when one input is to blame, `issues` when several fields are (invalid_input).
 */
export interface ErrorShape<C extends ErrorCode = ErrorCode> {
  code: C;
  message: string;
  field?: string;
  params?: ProblemParams[C];
  issues?: FieldIssue[];
}

/** The words for each code, in one language. */
export type ProblemMessages = { [K in ProblemCode]: (p: ProblemParams[K]) => string };

export const PROBLEM_MESSAGES: Record<ProblemLanguage, ProblemMessages> = { en: EN, zh: ZH };

/**
 * A problem in a person's language. Problems come over the wire and from stored jobs and files,
 * so a code this build does not know, or parameters that do not fit, give `fallback` (the core's
 * English text, when there is one) rather than a crash.
 */
export function problemText<K extends ProblemCode>(lang: ProblemLanguage, problem: { code: K; params: ProblemParams[K] }, fallback = ''): string {
  const say: ProblemMessages[K] | undefined = Object.hasOwn(PROBLEM_MESSAGES[lang], problem.code) ? PROBLEM_MESSAGES[lang][problem.code] : undefined;
  if (!say) return fallback || problem.code;
  try {
    return say(problem.params);
  } catch {
    return fallback || problem.code;
  }
}

/** Whether `code` is one this build knows (a rejected-rows file or a stored job may be older). */
export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEM_MESSAGES.en, code);

/**
 * Whether a value read back from outside (JSON in a file, a zod issue's params) is a problem: a
 * known code with a parameters object. Which parameters a code carries is the writer's promise;
 * problemText falls back rather than fail when one is missing.
 */
export function isProblem(x: unknown): x is Problem {
  if (typeof x !== 'object' || x === null || !('code' in x) || !('params' in x)) return false;
  return typeof x.code === 'string' && isProblemCode(x.code) && typeof x.params === 'object' && x.params !== null;
}
