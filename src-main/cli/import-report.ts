// What an import run did, for the command line: a few lines for a person and one JSON object for
// a script. Every rejected row is listed (the job's result keeps only the first hundred; the run's
// rejected.csv holds them all), each with its physical line in the file, its column and its code.
import type { ImportSummary } from '../core/import/importer';
import { count, n, say } from './output';
import type { RejectedRow } from './import-rejects';

export interface ImportJson {
  jobId: number;
  file: string;
  sheet: string | null;
  kind: ImportSummary['kind'];
  dryRun: boolean;
  /** Data rows read (blank rows aside). */
  rows: number;
  /** Rows that passed the checks: written, merged, or already there. */
  imported: number;
  /** Customers created, updated with new values, and rows merged into a customer earlier in the file. */
  created: number;
  updated: number;
  merged: number;
  unchanged: number;
  /** Every rejected row: physical line, column header (null: the whole row), problem code and parameters. */
  rejected: RejectedRow[];
  /**
   * Rows kept with a field that could not be read, in the same shape. The import keeps no such
   * row today: a field it cannot read rejects its row (validate-*.ts), so this list is empty.
   */
  warnings: RejectedRow[];
  orders: ImportSummary['orders'];
  orderItems: ImportSummary['orderItems'];
  products: ImportSummary['products'];
  interactions: ImportSummary['interactions'];
  feedback: ImportSummary['feedback'];
  /** The run's rejected.csv (the original rows plus line and problem), to fix and import again. */
  rejectsFile: string | null;
  mergesFile: string | null;
  /** Customers in the database afterwards. */
  customers: number;
  seconds: number;
}

export function importJson(jobId: number, s: ImportSummary, rejected: RejectedRow[], customers: number): ImportJson {
  return {
    jobId,
    file: s.file,
    sheet: s.sheet,
    kind: s.kind,
    dryRun: s.dryRun,
    rows: s.rows,
    imported: s.accepted,
    created: s.customers.created,
    updated: s.customers.updated,
    merged: s.customers.merged,
    unchanged: s.customers.unchanged,
    rejected,
    warnings: [],
    orders: s.orders,
    orderItems: s.orderItems,
    products: s.products,
    interactions: s.interactions,
    feedback: s.feedback,
    rejectsFile: s.rejectsFile,
    mergesFile: s.mergesFile,
    customers,
    seconds: s.seconds,
  };
}

/** What the rows became, in the words of the kind imported. */
function whatHappened(j: ImportJson): string {
  const customers = `customers: ${n(j.created)} created, ${n(j.updated)} updated, ${n(j.merged)} merged, ${n(j.unchanged)} unchanged`;
  switch (j.kind) {
    case 'customers':
      return customers;
    case 'orders':
      return `${count(j.orders.created, 'order')} created (${n(j.orders.existing)} already there), ${count(j.orderItems.created, 'order line')}, ${count(j.products.created, 'new product')}; ${customers}`;
    case 'interactions':
      return `${count(j.interactions.created, 'message')} created (${n(j.interactions.duplicates)} already there); ${customers}`;
    case 'feedback':
      return `${count(j.feedback.created, 'review')} created (${n(j.feedback.duplicates)} already there); ${customers}`;
  }
}

const SHOWN = 10;

export function sayImport(json: ImportJson, problems: (r: RejectedRow) => string): void {
  const verb = json.dryRun ? 'Checked (nothing was written)' : 'Imported';
  say(`${verb}: ${n(json.imported)} of ${count(json.rows, 'row')} from "${json.file}"${json.sheet ? ` (sheet "${json.sheet}")` : ''}; ${n(json.rejected.length)} rejected.`);
  say(`  ${whatHappened(json)}`);
  for (const [title, list] of [
    ['Rejected', json.rejected],
    ['Kept with a field left empty', json.warnings],
  ] as const) {
    if (!list.length) continue;
    say(`${title} (${list.length > SHOWN ? `first ${SHOWN} of ${n(list.length)}` : n(list.length)}):`);
    for (const r of list.slice(0, SHOWN)) say(`  line ${r.line}${r.column ? `, column "${r.column}"` : ''}: ${problems(r)} [${r.code}]`);
  }
  if (json.rejectsFile) say(`All rejected rows, to fix and import again: ${json.rejectsFile}`);
  say(`Patron ${json.dryRun ? 'has' : 'now has'} ${count(json.customers, 'customer')}.`);
}
