// Every problem code in English (see problems.ts). The import's sentences are the ones people
// already know from the rejected-rows file; values are quoted as they were written in the file.
import { MODEL_PROBLEM_EN } from './model-problem-text';
import type { ProblemMessages, UnreadableReason } from './problems';

const q = (v: string) => `"${v.length > 80 ? v.slice(0, 80) : v}"`;

const DATE_ORDER = { DMY: 'day/month/year', MDY: 'month/day/year' } as const;
const MONEY = { unit_price: 'unit price', line_total: 'line total', order_total: 'order total' } as const;

const UNREADABLE: Record<UnreadableReason, (p: { format?: string; sheet?: string; sheets?: string[] }) => string> = {
  folder: () => 'it is a folder, not a file.',
  no_permission: () => 'Patron is not allowed to open it (check the file\u2019s permissions).',
  os_error: () => 'the computer would not let Patron read it.',
  pdf: () => 'it is a PDF document, not a spreadsheet. Export the table from the program that made it as CSV or XLSX.',
  image: (p) => `it is a ${p.format ? `${p.format} ` : ''}picture, not a spreadsheet.`,
  archive: (p) => `it is a ${p.format ?? 'compressed'} archive. Unpack it and import the CSV or XLSX inside.`,
  database: () => 'it is a database file, not a spreadsheet.',
  empty_zip: () => 'it is an empty zip archive, not a workbook.',
  old_xls: () => 'it is an old-style Excel (.xls) workbook. Open it in Excel or WPS, save it as .xlsx or CSV, and import that.',
  binary: () => 'it is not a spreadsheet or a text file (it contains binary data). Save the table as CSV or XLSX and import that.',
  damaged_workbook: () => 'the workbook is incomplete or damaged (it may not have finished downloading or copying). Get a fresh copy and try again.',
  not_a_workbook: () => 'it is a zip archive but not an Excel workbook. Save the table as .xlsx or CSV and import that.',
  no_visible_sheet: () => 'the workbook has no visible sheet.',
  sheet_missing: (p) => `the workbook has no sheet called ${q(p.sheet ?? '')}.${p.sheets?.length ? ` Its sheets are: ${p.sheets.join(', ')}.` : ''}`,
  other: () => 'it is not a file Patron can read.',
};

export const EN: ProblemMessages = {
  invalid_input: () => 'Please check what you entered.',
  not_found: () => 'This no longer exists. It may have been deleted.',
  filter_invalid: (p) => {
    const what = p.field ? `"${p.field}"` : 'A condition';
    switch (p.reason) {
      case 'unknown_field':
        return `The filter names a field Patron does not know: ${what}.`;
      case 'bad_op':
        return `${what} cannot be compared with "${p.op ?? '?'}".`;
      case 'too_deep':
        return 'The filter nests groups too deeply (three levels at most).';
      case 'too_many':
        return 'The filter has too many conditions (50 at most).';
      default:
        return `${what} has a value that does not fit it.`;
    }
  },
  list_name_taken: (p) => (p.name ? `There is already a list called "${p.name}".` : 'There is already a list with this name.'),
  conflict: (p) => (p.customerName ? `${p.customerName} already has this.` : 'This already exists.'),
  db_newer_schema: () => 'This database was made by a newer version of Patron. Update Patron to open it.',
  db_migration_changed: (p) =>
    `This database was set up by a different build of Patron${p.tag ? ` (its step ${q(p.tag)} differs from this version's)` : ''}. Patron did not change it: open it with the build that made it, or restore a backup.`,
  db_open_failed: () => 'The database could not be opened.',
  passphrase_required: () => 'This database is encrypted. Enter its passphrase to open it.',
  wrong_passphrase: () => 'That passphrase is not right. Nothing was changed; try again.',
  locked: () => 'Patron is locked. Enter the passphrase to unlock it.',
  owner_only: (p) => (p.profile ? `The profile “${p.profile}” may not do this: only the owner can. Ask the owner.` : 'This profile may not do this: only the owner can. Ask the owner.'),
  wrong_pin: (p) => (p.profile ? `That PIN is not right for “${p.profile}”.` : 'That PIN is not right.'),
  pin_wait: (p) => (p.seconds ? `Too many wrong PINs. Wait ${p.seconds} seconds, then try again.` : 'Too many wrong PINs. Wait a moment, then try again.'),
  last_owner: () => 'The last owner cannot be removed or made staff while other profiles remain. Make another profile the owner first, or remove the other profiles.',
  profile_name_taken: (p) => (p.name ? `There is already a profile called “${p.name}”.` : 'There is already a profile with this name.'),
  backup_failed: (p) => `The backup${p.file ? ` to ${q(p.file)}` : ''} could not be written${p.reason ? ` (${p.reason})` : ''}. Your data was not changed.`,
  backup_invalid: (p) =>
    `${p.file ? q(p.file) : 'This file'} ${
      p.reason === 'missing'
        ? 'does not exist'
        : p.reason === 'not_database'
          ? 'is not a database'
          : p.reason === 'not_patron'
            ? 'is a database, but not a Patron backup'
            : 'is damaged'
    }, so it cannot be restored. Nothing was replaced.`,
  backup_newer_schema: (p) => `This backup was made by a newer version of Patron${p.tag ? ` (it has step ${q(p.tag)})` : ''}. Update Patron to restore it. Nothing was replaced.`,
  restore_failed: (p) => `The restored data did not open${p.reason ? ` (${p.reason})` : ''}. Your previous data was put back.`,
  job_unknown_kind: (p) => (p.kind ? `There is no kind of job called ${q(p.kind)}.` : 'There is no such kind of job.'),
  job_not_cancellable: () => 'This job has already ended.',
  cancelled: () => 'Cancelled.',
  file_unreadable: (p) => `Patron cannot read ${p.file ? q(p.file) : 'this file'}: ${UNREADABLE[p.reason ?? 'other'](p)}`,
  file_empty: (p) => {
    const what = `${p.file ? q(p.file) : 'This file'}${p.sheet ? ` (sheet ${q(p.sheet)})` : ''}`;
    if (p.reason === 'header_only') return `${what} has a header row${p.line ? ` (line ${p.line})` : ''} but no rows of data below it, so there is nothing to import.`;
    if (p.reason === 'empty') return `${what} is empty.`;
    return `${what} has no rows to import.`;
  },
  import_interrupted: () => 'The import was interrupted; nothing from it was kept. Start the import again.',
  campaign_too_large: (p) =>
    `${p.count !== undefined ? `These are ${p.count.toLocaleString('en')} customers` : 'These are too many customers'}; a campaign can hold at most ${p.max ?? 500}, since you read every message. Choose a smaller list or segment.`,
  campaign_empty: (p) =>
    p.leftOut ? `None of these customers can be written to: ${p.leftOut === 1 ? 'this one has' : `all ${p.leftOut} have`} no consent or no contact for any channel.` : 'There are no customers in this list or segment.',
  ...MODEL_PROBLEM_EN,
  internal: () => 'Something went wrong.',

  required: () => 'This is required.',
  too_long: (p) => `At most ${p.max} characters.`,
  too_short: (p) => `At least ${p.min} characters.`,
  too_large: (p) => `At most ${p.max}.`,
  not_allowed: () => 'This value is not one of the choices.',
  invalid: () => 'This is not valid.',
  email_taken: (p) => (p.customerName ? `${p.customerName} already has this email address.` : 'Another customer already has this email address.'),
  phone_taken: (p) => (p.customerName ? `${p.customerName} already has this phone number.` : 'Another customer already has this phone number.'),

  email_invalid: (p) => `${q(p.value)} is not a valid email address.`,
  phone_invalid: (p) => `${q(p.value)} is not a phone number (too few digits).`,
  date_empty: (p) => (p.what === 'order_date' ? 'The order date is empty.' : 'The date is empty.'),
  date_order_mismatch: (p) => `${q(p.value)} does not fit the chosen date order (${DATE_ORDER[p.order]}); check the day/month order setting.`,
  date_not_real: (p) => `${q(p.value)} is not a real date or time.`,
  date_unparseable: (p) => `${q(p.value)} is not a date Patron understands (use a form like 2024-01-05).`,
  yes_no_invalid: (p) => `${q(p.value)} is not a yes or no.`,
  person_missing: () => 'The row has no name, email or phone.',
  language_unknown: (p) => `${q(p.value)} is not a language Patron knows (English or Chinese).`,
  customer_key_missing: (p) => `The row has no customer email or phone, so Patron cannot tell whose ${p.what} it is.`,
  customer_unknown: (p) => {
    const who = [p.email && `the email ${p.email}`, p.phone && `the phone ${p.phone}`].filter(Boolean).join(' or ');
    return `No customer has ${who}. Import the customers first, or let the import create them.`;
  },
  feedback_kind_unknown: (p) => `${q(p.value)} is not a kind of feedback Patron knows (review, complaint or survey).`,
  rating_invalid: (p) => `The rating ${q(p.value)} is not a number of stars.`,
  rating_out_of_range: (p) => `The rating ${p.value} is outside 1 to 5 stars.`,
  nps_invalid: (p) => `The NPS score ${q(p.value)} is not a whole number.`,
  nps_out_of_range: (p) => `The NPS score ${p.value} is outside 0 to 10.`,
  feedback_empty: () => 'The row has no rating, score or text.',
  message_empty: () => 'The message is empty.',
  channel_unknown: (p) => `${q(p.value)} is not a channel Patron knows (email, phone, SMS, WeChat, WhatsApp, social or in person).`,
  direction_unknown: (p) => `${q(p.value)} is neither inbound (from the customer) nor outbound (to the customer).`,
  amount_invalid: (p) => `${q(p.value)} is not an amount of money.`,
  amount_negative: (p) => `The ${MONEY[p.what]} is negative (${p.value}).`,
  order_no_empty: () => 'The order number is empty.',
  order_status_unknown: (p) => `${q(p.value)} is not an order status Patron knows (paid, refunded or cancelled).`,
  product_empty: () => 'The product is empty.',
  quantity_invalid: (p) => `The quantity ${q(p.value)} is not a whole number.`,
  quantity_negative: (p) => `The quantity is negative (${p.value}).`,
  quantity_zero: () => 'The quantity is 0.',
  price_missing: () => 'The line has no price.',
  amount_missing: () => 'The order has no amount.',
  currency_invalid: (p) => `${q(p.value)} is not a currency code (like CNY or USD).`,
  order_line_rejected: (p) => `Order ${p.orderNo} was left out because its line ${p.line} was rejected; fix that line and import the whole order again.`,
  row_too_wide: (p) =>
    `This row has ${p.values} values but the header has ${p.columns} columns; a value probably contains an unquoted delimiter (like a comma in "1,299.00").`,
  quote_unclosed: () =>
    'A quote (") in this row is never closed, so Patron could not tell where the row ends; the rest of the file was read as part of it. Fix the quotes in this row and import again.',
  quote_stray: () => 'A value in this row has a stray quote (") after its closing quote; quotes inside a value must be doubled ("").',
};
