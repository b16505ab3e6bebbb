// The import's inputs at the boundary (zod): which file and how to read it, what kind of rows,
// which column feeds which field, and how to parse dates, amounts and phones.
import iconv from 'iconv-lite';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { CHANNELS } from '../db/schema';
import { AppError } from '../errors';
import { DELIMITERS } from './detect-layout';
import { IMPORT_OPTION_DEFAULTS } from '../../shared/import-settings';
import { IMPORT_KINDS, KINDS, type ImportKind } from './fields';

export const sourceInput = z.object({
  /** Absolute path of the file (a save/open dialog's path, or what import.uploadFinish returned). */
  path: z.string().min(1).max(4096),
  /** XLSX: the sheet to read (default: the first visible one). */
  sheet: z.string().max(200).optional(),
  /** CSV: override the detected encoding (an iconv-lite name: utf-8, gb18030, utf-16le...). */
  encoding: z
    .string()
    .max(40)
    .refine((e) => iconv.encodingExists(e), 'Patron does not know this text encoding')
    .optional(),
  /** CSV: override the detected delimiter. */
  delimiter: z.enum(DELIMITERS).optional(),
  /** Override the detected header row: its line (1-based), or 0 when the file has no header row. */
  headerLine: z.number().int().min(0).max(100_000).optional(),
});
export type SourceInput = z.infer<typeof sourceInput>;

export const importOptions = z.object({
  /** How to read 05/01/2024: day first (DMY) or month first (MDY). 2024-01-05 and 2024年1月5日 are read either way. */
  dateOrder: z.enum(['DMY', 'MDY']).default(IMPORT_OPTION_DEFAULTS.dateOrder),
  /** Read "1.299" as 1299 and "1,299" as 1.299 (Europe). Amounts with both separators need no hint. */
  decimalComma: z.boolean().default(IMPORT_OPTION_DEFAULTS.decimalComma),
  /** Currency for amounts that name none. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency is a three-letter code like CNY')
    .default(IMPORT_OPTION_DEFAULTS.currency),
  /** Country of phone numbers written without a country code. */
  defaultCountry: z
    .string()
    .refine((c) => isSupportedCountry(c), 'Not a country code libphonenumber knows (like CN or US)')
    .default(IMPORT_OPTION_DEFAULTS.defaultCountry),
  /** For customers that match: only fill in what is missing (fill), or let the file's values win (overwrite). */
  onMatch: z.enum(['fill', 'overwrite']).default(IMPORT_OPTION_DEFAULTS.onMatch),
  /** Orders, messages and reviews for customers not in Patron: create the customer (true) or reject the row. */
  createCustomers: z.boolean().default(IMPORT_OPTION_DEFAULTS.createCustomers),
  /** Messages: the channel when the file has no channel column. */
  defaultChannel: z.enum(CHANNELS).default(IMPORT_OPTION_DEFAULTS.defaultChannel),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const mappingInput = z.record(z.string().max(40), z.number().int().min(0).max(10_000));

export const importRequest = z.object({
  source: sourceInput,
  kind: z.enum(IMPORT_KINDS),
  /** Field key → column index (0-based) in the file. Unmapped fields are left out. */
  mapping: mappingInput,
  options: importOptions.prefault({}),
});
export type ImportRequest = z.infer<typeof importRequest>;
export type ImportRequestInput = z.input<typeof importRequest>;

export const importJobInput = importRequest.extend({
  /** Check the whole file and count what would happen, then roll everything back. */
  dryRun: z.boolean().default(false),
});
export type ImportJobInput = z.infer<typeof importJobInput>;

/** Refuses a mapping that names unknown fields or columns, or leaves a required field out. */
export function checkMapping(kind: ImportKind, mapping: Record<string, number>, columns: number): void {
  const known = new Set(KINDS[kind].fields.map((f) => f.key));
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) throw new AppError('invalid_input', `A ${kind} import has no field "${field}".`, `mapping.${field}`);
    if (column >= columns) throw new AppError('invalid_input', `Field "${field}" is mapped to column ${column + 1}, but the file has ${columns} columns.`, `mapping.${field}`);
  }
  for (const r of KINDS[kind].requires) {
    if (!r.anyOf.some((f) => f in mapping)) throw new AppError('invalid_input', r.message, `mapping.${r.anyOf[0]}`);
  }
}
