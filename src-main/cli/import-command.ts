// `import FILE --as customers|orders|interactions|feedback [--mapping auto|TEMPLATE]
// [--day-first|--month-first] [--sheet NAME] [--dry-run]`: the import page's steps without the
// page. The file is read as the page reads it (import.inspect), the columns are the page's
// suggestion or a saved template, and the rows go in through the same import job, one
// transaction for the whole file.
import { basename } from 'node:path';
import { AppError } from '../core/errors';
import { IMPORT_KINDS } from '../core/import/fields';
import { inspectFile } from '../core/import/inspect';
import { inspectSource } from '../core/import/read-source';
import type { SourceInput } from '../core/import/schemas';
import { choiceOption, fromCaller, parse, UsageError } from './args';
import { jobError } from './failure';
import { followJob } from './follow-job';
import { chooseImport } from './import-choices';
import { readRejects, rejectText } from './import-rejects';
import { importJson, sayImport, type ImportJson } from './import-report';
import { customerCount, dataDirOf, withCore } from './open-core';
import { progressText, say } from './output';

export const IMPORT_USAGE = `npm run cli -- import FILE --as customers|orders|interactions|feedback [options]

Imports a CSV, TSV or XLSX file the way the import page does, as one transaction: every row goes
in, or (cancelled with Ctrl+C, or failed) none does.

  --as KIND              what the rows are: customers, orders, interactions (messages) or feedback
  --mapping auto|NAME    auto (default): the columns Patron recognises from the headers, as the
                         import page suggests them; NAME: a template saved on the import page
  --day-first            read 05/01/2024 as 5 January (otherwise: what the file's dates suggest)
  --month-first          read 05/01/2024 as May 1
  --sheet NAME           the sheet of a workbook (default: the first visible one)
  --dry-run              check every row and count what would happen; write nothing
  --data-dir DIR         the data folder (default: the app's)

Ends with one JSON line: rows, imported, created, updated, merged, rejected [{line, column, code}],
warnings, customers (the count afterwards). An unreadable file exits 1 with {"error": {code, ...}}
and changes nothing.`;

export async function importCommand(argv: string[]): Promise<ImportJson> {
  const { values, positionals } = parse(argv, {
    as: { type: 'string' },
    mapping: { type: 'string', default: 'auto' },
    'day-first': { type: 'boolean' },
    'month-first': { type: 'boolean' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `Import one file at a time (got ${positionals.length}).` : 'Name the file to import.', 'file');
  const kind = choiceOption(values.as, 'as', IMPORT_KINDS);
  if (!kind) throw new UsageError(`Say what the rows are with --as ${IMPORT_KINDS.join('|')}.`, 'as');
  if (values['day-first'] && values['month-first']) throw new UsageError('--day-first and --month-first cannot both be given.', 'day-first');
  const dateOrder = values['day-first'] ? 'DMY' : values['month-first'] ? 'MDY' : undefined;
  const source: SourceInput = { path: fromCaller(positionals[0]), ...(values.sheet !== undefined ? { sheet: values.sheet } : {}) };

  // A file that cannot be read is refused before the data folder is opened: nothing changes.
  await inspectSource(source);
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    say(`Database: ${core.paths.dbFile}`);
    const info = await inspectFile(core.db, source);
    const choices = chooseImport(core.db, info, kind, { mapping: values.mapping, dateOrder });
    const how = info.format === 'xlsx' ? `sheet "${info.sheet}"` : `${info.encoding}, ${JSON.stringify(info.delimiter)}-separated`;
    say(`Reading "${info.fileName}" (${how}, header on line ${info.headerLine || 'none'}) as ${kind}.`);
    const columns = Object.entries(choices.mapping).map(([field, column]) => `${info.headers[column]} → ${field}`);
    say(`Columns (${choices.template ? `template "${choices.template}"` : 'as suggested'}): ${columns.join(', ')}`);
    say(`Dates read ${choices.options.dateOrder === 'DMY' ? 'day first' : 'month first'}; amounts in ${choices.options.currency}${choices.options.decimalComma ? ' with a decimal comma' : ''}.`);

    const job = await followJob(
      core,
      'import.run',
      { source, kind, mapping: choices.mapping, options: choices.options, dryRun: values['dry-run'] ?? false },
      (e) => (e.kind === 'import.run' && e.status === 'running' ? progressText(`Importing ${basename(source.path)}`, e, 'rows') : null),
    );
    if (job.kind !== 'import.run') throw new AppError('internal', `Job ${job.id} is a ${job.kind} job, not an import.`);
    if (job.status !== 'done' || !job.result) throw jobError(job);
    const json = importJson(job.id, job.result, await readRejects(core.paths.dataDir, job.id), customerCount(core));
    sayImport(json, rejectText);
    return json;
  });
}
