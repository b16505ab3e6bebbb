// What an import reports row by row: rejected rows (line, column, problem code and parameters)
// and merges. The first few are kept for the job's result; all of them go to CSV files in the
// run's folder as they happen. rejected.csv is the original row plus Line, Problem column, Problem
// code and Problem params (JSON): the words are chosen when it is shown or downloaded, in the
// person's language, so a person can fix the rows and import just those again.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Problem } from '../../shared/problems';
import type { MergeRecord } from './dedupe';
import { own } from './source-row';

/** A rejected row: its problem (code and parameters) and where it is. */
export type RejectRecord = Problem & {
  line: number;
  /** The field key, when one cell is to blame. */
  field: string | null;
  /** That field's column header in the file. */
  column: string | null;
  /** The cell's text (cut to 200 characters). */
  value: string | null;
};

export const REJECTS_FILE = 'rejected.csv';
export const MERGES_FILE = 'merges.csv';
export const REJECT_COLUMNS = ['Line', 'Problem column', 'Problem code', 'Problem params'];
/** merges.csv's "Merged into": this word, or the line of the file the row was merged into. */
export const INTO_EXISTING = 'existing';
const BOM = '\ufeff';

class CsvAppender {
  private fd: number;
  private buffer = '';

  constructor(file: string, header: string[]) {
    this.fd = openSync(file, 'w');
    this.buffer = BOM + Papa.unparse([header]) + '\r\n';
  }

  row(cells: (string | number | null)[]): void {
    this.buffer += Papa.unparse([cells.map((c) => (c === null ? '' : c))], { newline: '\r\n' }) + '\r\n';
    if (this.buffer.length > 64 * 1024) this.flush();
  }

  flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export class ImportDetails {
  readonly rejects: RejectRecord[] = [];
  readonly merges: MergeRecord[] = [];
  rejectCount = 0;
  mergeCount = 0;
  private rejectFile: CsvAppender | null = null;
  private mergeFile: CsvAppender | null = null;

  /**
   * `fieldColumns` maps field keys to column indexes; `dir`, when given, receives the CSV files;
   * `keep` is how many of each are held in memory for the result.
   */
  constructor(
    private readonly headers: string[],
    private readonly fieldColumns: Record<string, number>,
    private readonly dir: string | null,
    private readonly keep = 100,
  ) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  reject(line: number, cells: string[], field: string | null, problem: Problem): void {
    this.rejectCount++;
    const col = field === null ? undefined : this.fieldColumns[field];
    const column = col === undefined ? null : (this.headers[col] ?? `Column ${col + 1}`);
    // The parameters are plain data; a copy through JSON also stops them keeping a chunk of the
    // file alive (their values can be slices of it).
    const params = JSON.stringify(problem.params);
    if (this.rejects.length < this.keep) {
      const value = col === undefined ? null : own((cells[col] ?? '').slice(0, 200));
      this.rejects.push({ ...problem, params: JSON.parse(params), line, field, column, value });
    }
    if (this.dir) {
      this.rejectFile ??= new CsvAppender(join(this.dir, REJECTS_FILE), [...this.headers, ...REJECT_COLUMNS]);
      const row: (string | number | null)[] = this.headers.map((_, i) => cells[i] ?? '');
      // Cells beyond the header (a ragged row) are kept too, after the problem columns would shift them.
      this.rejectFile.row([...row, line, column, problem.code, params, ...cells.slice(this.headers.length)]);
    }
  }

  merge(m: MergeRecord): void {
    this.mergeCount++;
    if (this.merges.length < this.keep) this.merges.push({ ...m, name: own(m.name) });
    if (this.dir) {
      this.mergeFile ??= new CsvAppender(join(this.dir, MERGES_FILE), ['Line', 'Customer id', 'Customer', 'Matched by', 'Merged into', 'What changed']);
      this.mergeFile.row([m.line, m.customerId, m.name, m.matchedBy, m.into === 'existing' ? INTO_EXISTING : m.into, m.changed.join(', ')]);
    }
  }

  close(): void {
    this.rejectFile?.close();
    this.mergeFile?.close();
    this.rejectFile = this.mergeFile = null;
  }
}
