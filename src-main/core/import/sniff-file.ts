// What kind of file a person picked, from its first bytes rather than its name: an XLSX workbook
// (a zip), a text file in some encoding, or something Patron cannot read, which gets one code
// (file_unreadable with its reason, or file_empty) and one plain sentence saying so.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ProblemParams, UnreadableReason } from '../../shared/problems';
import { AppError } from '../errors';
import { detectEncoding, type DetectedEncoding } from './detect-encoding';

export const SAMPLE_BYTES = 64 * 1024;

export type SniffedFile =
  | { format: 'xlsx'; size: number }
  | { format: 'csv'; size: number; encoding: DetectedEncoding; sample: Buffer; complete: boolean };

export const unreadable = (file: string, why: string, reason: UnreadableReason = 'other', format?: string) =>
  new AppError('file_unreadable', `Patron cannot read "${basename(file)}": ${why}`, 'path', { file: basename(file), reason, ...(format ? { format } : {}) });

/** A file with nothing to import (no bytes, blank, a header and no rows): one code, the reason in its params. */
export const nothingToImport = (file: string, why: string, params: Omit<ProblemParams['file_empty'], 'file'>) =>
  new AppError('file_empty', `Patron cannot read "${basename(file)}": ${why}`, 'path', { file: basename(file), ...params });

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

const BINARY_KINDS: [number[], UnreadableReason, string | undefined, string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf', undefined, 'it is a PDF document, not a spreadsheet. Export the table from the program that made it as CSV or XLSX.'],
  [[0x89, 0x50, 0x4e, 0x47], 'image', 'PNG', 'it is a PNG picture, not a spreadsheet.'],
  [[0xff, 0xd8, 0xff], 'image', 'JPEG', 'it is a JPEG picture, not a spreadsheet.'],
  [[0x47, 0x49, 0x46, 0x38], 'image', 'GIF', 'it is a GIF picture, not a spreadsheet.'],
  [[0x52, 0x61, 0x72, 0x21], 'archive', 'RAR', 'it is a RAR archive. Unpack it and import the CSV or XLSX inside.'],
  [[0x1f, 0x8b], 'archive', 'gzip', 'it is a compressed (gzip) file. Unpack it and import the CSV or XLSX inside.'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'database', undefined, 'it is a database file, not a spreadsheet.'],
];

export function readHead(file: string, bytes = SAMPLE_BYTES): { head: Buffer; size: number } {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw unreadable(file, 'it is a folder, not a file.', 'folder');
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new AppError('not_found', `The file ${file} does not exist (it may have been moved or deleted).`, 'path');
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(file, 'Patron is not allowed to open it (check the file\u2019s permissions).', 'no_permission');
    throw unreadable(file, (err as Error).message, 'os_error');
  }
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(bytes, size));
    const n = head.length ? readSync(fd, head, 0, head.length, 0) : 0;
    return { head: head.subarray(0, n), size };
  } finally {
    closeSync(fd);
  }
}

/** Looks at a file's first bytes and says how to read it, or throws one clear AppError. */
export function sniffFile(file: string): SniffedFile {
  const { head, size } = readHead(file);
  if (size === 0) throw nothingToImport(file, 'the file is empty.', { reason: 'empty' });
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx', size };
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) throw unreadable(file, 'it is an empty zip archive, not a workbook.', 'empty_zip');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw unreadable(file, 'it is an old-style Excel (.xls) workbook. Open it in Excel or WPS, save it as .xlsx or CSV, and import that.', 'old_xls');
  }
  for (const [magic, reason, format, why] of BINARY_KINDS) if (startsWith(head, magic)) throw unreadable(file, why, reason, format);
  const complete = head.length >= size;
  const encoding = detectEncoding(head, complete);
  if (!encoding.encoding.startsWith('utf-16') && looksBinary(head)) {
    throw unreadable(file, 'it is not a spreadsheet or a text file (it contains binary data). Save the table as CSV or XLSX and import that.', 'binary');
  }
  return { format: 'csv', size, encoding, sample: head, complete };
}

/** NUL bytes or many control characters: not text. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n * 0.05;
}
