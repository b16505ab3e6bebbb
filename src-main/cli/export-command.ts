// `export LIST --to FILE.csv|FILE.xlsx [--job ID]`: any list the export job writes (the same job
// the Export buttons start), to a file of the person's choosing.
import { extname } from 'node:path';
import { AppError } from '../core/errors';
import { exportListSpec, type ExportListSpec } from '../core/export/schemas';
import type { ExportResult } from '../core/export/export-list';
import { fromCaller, intOption, parse, UsageError } from './args';
import { jobError } from './failure';
import { followJob } from './follow-job';
import { dataDirOf, withCore } from './open-core';
import { count, n, progressText, say } from './output';

/** The lists the export job knows, from its own schema. */
export const EXPORT_LISTS = exportListSpec.options.map((o) => o.shape.kind.value);
type ListKind = ExportListSpec['kind'];

export const EXPORT_USAGE = `npm run cli -- export LIST --to FILE.csv|FILE.xlsx [options]

Writes a whole list to a CSV (UTF-8 with a BOM, so Excel shows Chinese) or an XLSX workbook.

  LIST                   ${EXPORT_LISTS.join(', ')}
  --to FILE              the file to write; .csv or .xlsx says the format
  --job ID               rejects: the import job whose rejected rows to write
  --data-dir DIR         the data folder (default: the app's)

Ends with one JSON line: list, path, format, rows, bytes.`;

export interface ExportJson extends ExportResult {
  list: ListKind;
  jobId: number;
}

const isList = (v: string): v is ListKind => EXPORT_LISTS.some((k) => k === v);

function listSpec(kind: ListKind, job: number | undefined): ExportListSpec {
  if (kind === 'rejects') {
    if (job === undefined) throw new UsageError('Say whose rejected rows to export with --job ID (the import job; `jobs` lists them).', 'job');
    return { kind, jobId: job };
  }
  if (job !== undefined) throw new UsageError('--job goes with the rejects list only.', 'job');
  return exportListSpec.parse({ kind });
}

export async function exportCommand(argv: string[]): Promise<ExportJson> {
  const { values, positionals } = parse(argv, { to: { type: 'string' }, job: { type: 'string' } });
  const [list, ...extra] = positionals;
  if (!list || extra.length) throw new UsageError(`Name one list to export: ${EXPORT_LISTS.join(', ')}.`, 'list');
  if (!isList(list)) throw new UsageError(`There is no list called "${list}"; the lists are ${EXPORT_LISTS.join(', ')}.`, 'list');
  if (!values.to) throw new UsageError('Say where to write it with --to FILE.csv or --to FILE.xlsx.', 'to');
  const ext = extname(values.to).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError(`--to must end in .csv or .xlsx, not "${ext || values.to}".`, 'to');
  const spec = listSpec(list, intOption(values.job, 'job', 1, Number.MAX_SAFE_INTEGER));
  const path = fromCaller(values.to);

  return withCore(dataDirOf(values['data-dir']), async (core) => {
    say(`Database: ${core.paths.dbFile}`);
    const job = await followJob(core, 'export.list', { list: spec, format: ext === '.xlsx' ? 'xlsx' : 'csv', path }, (e) =>
      e.kind === 'export.list' && e.status === 'running' ? progressText(`Exporting ${list}`, e, 'rows') : null,
    );
    if (job.kind !== 'export.list') throw new AppError('internal', `Job ${job.id} is a ${job.kind} job, not an export.`);
    if (job.status !== 'done' || !job.result) throw jobError(job);
    const r = job.result;
    say(`Wrote ${count(r.rows, 'row')} of ${list} to ${r.path} (${n(Math.ceil(r.bytes / 1024))} KB).`);
    return { list, jobId: job.id, ...r };
  });
}
