// Every problem code has words in English and Chinese (the type check makes the tables complete;
// this renders each with sample parameters, so no message throws, is empty, or leaves a parameter
// out), and problems read back from outside fall back instead of failing.
import { describe, expect, it } from 'vitest';
import { isProblem, PROBLEM_MESSAGES, problemText, type ProblemCode, type ProblemParams } from '../../src-main/shared/problems';

/** One sample per code: a code added without a sample here is a type error. */
const SAMPLES: { [K in ProblemCode]: ProblemParams[K] } = {
  invalid_input: {},
  not_found: { id: 7 },
  conflict: { customerId: 3, customerName: '王芳' },
  db_newer_schema: {},
  db_migration_changed: { tag: '0003_money_sort_key' },
  db_open_failed: {},
  passphrase_required: {},
  wrong_passphrase: {},
  locked: {},
  owner_only: { profile: 'Li' },
  wrong_pin: { profile: 'Li' },
  pin_wait: { seconds: 30 },
  last_owner: {},
  profile_name_taken: { name: 'Li' },
  backup_failed: { file: '/backups/patron.sqlite', reason: 'the disk is full' },
  backup_invalid: { file: 'old.sqlite', reason: 'damaged' },
  backup_newer_schema: { tag: '0099_future' },
  restore_failed: { reason: 'disk I/O error' },
  job_unknown_kind: { kind: 'bogus.kind' },
  job_not_cancellable: { id: 4, status: 'done' },
  cancelled: {},
  filter_invalid: { reason: 'unknown_field', path: 'conditions.0', field: 'shoe_size' },
  list_name_taken: { name: 'Shanghai regulars' },
  file_unreadable: { file: 'report.pdf', reason: 'pdf' },
  file_empty: { file: 'header-only.csv', reason: 'header_only', line: 1 },
  import_interrupted: {},
  campaign_too_large: { count: 612, max: 500 },
  campaign_empty: { leftOut: 3 },
  model_missing: { file: 'qwen.gguf' },
  model_invalid: { file: 'qwen.gguf', reason: 'truncated' },
  model_load_failed: { file: 'qwen.gguf' },
  model_out_of_memory: { file: 'qwen.gguf' },
  model_crashed: { file: 'qwen.gguf', during: 'load' },
  model_output_invalid: {},
  download_failed: { file: 'qwen.gguf', reason: 'network' },
  download_refused: { file: 'qwen.gguf', status: 404, host: 'hf-mirror.com' },
  download_checksum: { file: 'qwen.gguf', check: 'catalog' },
  download_disk_full: { file: 'qwen.gguf' },
  internal: {},
  required: {},
  too_long: { max: 100 },
  too_short: { min: 3 },
  too_large: { max: 500 },
  not_allowed: {},
  invalid: {},
  email_taken: { customerName: 'Ann Lee' },
  phone_taken: { customerName: 'Ann Lee' },
  email_invalid: { value: 'wang@' },
  phone_invalid: { value: '12' },
  date_empty: { what: 'order_date' },
  date_order_mismatch: { value: '13/01/2024', order: 'MDY' },
  date_not_real: { value: '2024-02-30' },
  date_unparseable: { value: '2023年13月45日' },
  yes_no_invalid: { value: 'maybe' },
  person_missing: {},
  language_unknown: { value: 'Klingon' },
  customer_key_missing: { what: 'review' },
  customer_unknown: { email: 'nobody@x.com', phone: null },
  feedback_kind_unknown: { value: 'praise' },
  rating_invalid: { value: 'great' },
  rating_out_of_range: { value: '7' },
  nps_invalid: { value: 'ten' },
  nps_out_of_range: { value: '11' },
  feedback_empty: {},
  message_empty: {},
  channel_unknown: { value: 'pigeon' },
  direction_unknown: { value: 'sideways' },
  amount_invalid: { value: 'abc' },
  amount_negative: { what: 'unit_price', value: '-5' },
  order_no_empty: {},
  order_status_unknown: { value: 'lost' },
  product_empty: {},
  quantity_invalid: { value: 'many' },
  quantity_negative: { value: '-1' },
  quantity_zero: {},
  price_missing: {},
  amount_missing: {},
  currency_invalid: { value: 'RMBX' },
  order_line_rejected: { orderNo: 'SO-9', line: 12 },
  row_too_wide: { values: 8, columns: 7 },
  quote_unclosed: {},
  quote_stray: {},
};

const CODES = Object.keys(SAMPLES) as ProblemCode[];
const HAN = /\p{Script=Han}/u;

/** The sample's values that a message must show (numbers and strings; not the enum-like words it translates). */
function shownValues(code: ProblemCode): string[] {
  const p: Record<string, unknown> = SAMPLES[code];
  return Object.entries(p)
    .filter(([k]) => !['what', 'order', 'reason', 'status', 'customerId', 'id', 'during', 'check', 'tag', 'host', 'path'].includes(k))
    .flatMap(([, v]) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : []));
}

describe('problem messages', () => {
  it('cover the same codes in both languages, and the samples cover them all', () => {
    expect(Object.keys(PROBLEM_MESSAGES.en).sort()).toEqual([...CODES].sort());
    expect(Object.keys(PROBLEM_MESSAGES.zh).sort()).toEqual([...CODES].sort());
  });

  it.each(CODES)('%s reads in English and Chinese, with its parameters', (code) => {
    const problem = { code, params: SAMPLES[code] };
    for (const lang of ['en', 'zh'] as const) {
      const text = problemText(lang, problem, 'FALLBACK');
      expect(text).not.toBe('FALLBACK');
      expect(text.trim().length).toBeGreaterThan(3);
      expect(text).not.toMatch(/undefined|null|\[object|NaN/);
      for (const v of shownValues(code)) expect(text).toContain(v);
    }
    expect(problemText('zh', problem)).toMatch(HAN);
    // English words stay English: only the values may be Chinese.
    expect(problemText('en', problem).replace(/王芳|2023年13月45日/g, '')).not.toMatch(HAN);
  });

  it('words each reason a file cannot be read', () => {
    const reasons = ['folder', 'no_permission', 'os_error', 'pdf', 'image', 'archive', 'database', 'empty_zip', 'old_xls', 'binary', 'damaged_workbook', 'not_a_workbook', 'no_visible_sheet', 'sheet_missing', 'other'] as const;
    const texts = reasons.map((reason) => problemText('zh', { code: 'file_unreadable', params: { file: 'x.xlsx', reason, format: 'PNG', sheet: '订单', sheets: ['Sheet1'] } }));
    expect(new Set(texts).size).toBe(reasons.length);
    expect(texts[reasons.indexOf('sheet_missing')]).toContain('订单');
    expect(problemText('en', { code: 'file_unreadable', params: { file: 'x.png', reason: 'image', format: 'PNG' } })).toBe('Patron cannot read "x.png": it is a PNG picture, not a spreadsheet.');
  });

  it('errors stored without parameters still read (their parameters are all optional)', () => {
    expect(problemText('zh', { code: 'file_unreadable', params: {} })).toBe('无法读取此文件：Patron 无法读取这种文件。');
    expect(problemText('en', { code: 'conflict', params: {} })).toBe('This already exists.');
  });

  it('falls back to the given text for a code this build does not know, or parameters that do not fit', () => {
    const read: unknown = JSON.parse('{"code":"from_the_future","params":{}}');
    expect(isProblem(read)).toBe(false);
    expect(isProblem({ code: 'email_invalid', params: { value: 'x' } })).toBe(true);
    expect(isProblem({ code: 'email_invalid' })).toBe(false);
    // A known code whose parameters are missing (a file from an older version): the fallback, not a crash.
    const old: unknown = JSON.parse('{"code":"email_invalid","params":{}}');
    if (!isProblem(old)) throw new Error('a known code with a parameters object is a problem');
    expect(problemText('zh', old, '"x" is not a valid email address.')).toBe('"x" is not a valid email address.');
  });
});
