// The CDNOW reference files for the customer-base tests: the published per-customer summaries and
// the reference numbers (reference_values.json), or null when the reference data is not here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDataDir } from '../../eval/lib/reference-data';

export const dataDir = referenceDataDir();
export const haveCdnow = dataDir !== null && existsSync(join(dataDir, 'cdnow', 'CDNOW_sample.txt'));
if (!haveCdnow) console.warn('predict tests: CDNOW checks SKIPPED, the reference data is not here (set PATRON_REFERENCE_DATA, or put it at ../shared/data beside the checkout).');

export const cdnowFile = (name: string) => join(dataDir as string, 'cdnow', name);

/** A CSV with a header as rows of numbers keyed by column name (CRLF and a missing last newline allowed). */
export function numericCsv(name: string): Record<string, number>[] {
  const [head, ...lines] = readFileSync(cdnowFile(name), 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], Number(v)])));
}

/** reference_values.json's "cdnow" section (untyped: tests pick the numbers they check). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cdnowReference(): any {
  return JSON.parse(readFileSync(join(dataDir as string, 'reference_values.json'), 'utf8')).cdnow;
}
