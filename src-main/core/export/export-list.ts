// Exports a list to a file: the core function the export job (and anything else in the core)
// calls. Electron passes the path from a save dialog; browser mode writes into dataDir/exports
// and fetches the bytes with export.read.
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { customersSource } from './list-customers';
import { feedbackSource, messagesSource, orderLinesSource, ordersSource } from './list-records';
import { rejectsSource } from './list-rejects';
import type { ExportLanguage } from './columns';
import type { ListSource } from './list-source';
import type { ExportInput, ExportListSpec } from './schemas';
import { writeList, type WriteControl } from './write-list';
import { privacyModeOn } from '../privacy/privacy-mode';

export interface ExportResult {
  /** Absolute path of the written file. */
  path: string;
  /** Its name; for files in dataDir/exports, what export.read takes. */
  fileName: string;
  format: 'csv' | 'xlsx';
  rows: number;
  bytes: number;
}

/** The list to export; `lang` words what the list itself says (a rejected row's problem). */
export async function listSource(sqlite: Database.Database, dataDir: string, spec: ExportListSpec, lang: ExportLanguage = 'en'): Promise<ListSource> {
  switch (spec.kind) {
    case 'customers':
      return customersSource(sqlite, spec);
    case 'orders':
      return ordersSource(sqlite, spec);
    case 'order_lines':
      return orderLinesSource(sqlite, spec);
    case 'messages':
      return messagesSource(sqlite, spec);
    case 'feedback':
      return feedbackSource(sqlite, spec);
    case 'rejects':
      return rejectsSource(dataDir, spec.jobId, lang);
  }
}

export const exportsDir = (dataDir: string) => join(dataDir, 'exports');

const stamp = (d = new Date()) =>
  `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-` +
  `${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}${String(d.getSeconds()).padStart(2, '0')}`;

export function defaultExportPath(dataDir: string, name: string, format: 'csv' | 'xlsx', unique = ''): string {
  return join(exportsDir(dataDir), `${name.replace(/\s+/g, '-')}-${stamp()}${unique}.${format}`);
}

export async function exportList(sqlite: Database.Database, dataDir: string, input: ExportInput, ctl: WriteControl & { unique?: string } = {}): Promise<ExportResult> {
  const list = await listSource(sqlite, dataDir, input.list, input.language);
  const target = input.path ?? defaultExportPath(dataDir, list.name, input.format, ctl.unique);
  mkdirSync(dirname(target), { recursive: true });
  const written = await writeList(list, input.format, target, { mask: privacyModeOn(sqlite), ...ctl }, input.language);
  return { ...written, fileName: target.split(/[\\/]/).pop()!, format: input.format };
}
