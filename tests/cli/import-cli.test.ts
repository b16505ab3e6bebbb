// `npm run cli -- import` over every file the import tests use gives what the import page gives:
// the same rows read, the same counts, the same rejected rows (physical line, column, code), the
// same customers afterwards. The page's side is the import job started with what the wizard would
// choose (its own fromInspection); the command line runs as a child process on its own data folder.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { AppError } from '../../src-main/core/errors';
import type { ImportKind } from '../../src-main/core/import/fields';
import { inspectFile } from '../../src-main/core/import/inspect';
import type { SourceInput } from '../../src-main/core/import/schemas';
import type { ImportJson } from '../../src-main/cli/import-report';
import { fromInspection } from '../../src-renderer/src/pages/import/wizard-store';
import {
  reorderWorkbook,
  writeActivityFiles,
  writeCustomerVariants,
  writeDatesAndAmounts,
  writeHeaderOnlyWorkbook,
  writeMessyCustomers,
  writeOrderLines,
  writeTenThousand,
  writeUnreadable,
  writeWorkbook,
} from '../fixtures/import-files';
import { importJob, snapshot } from '../fixtures/import-files-run';
import { openCore, tempCore, tempDir } from '../core/temp-core';
import { runCli } from './run-cli';

interface Case {
  file: string;
  kind: ImportKind;
  sheet?: string;
}

let page: ReturnType<typeof tempCore>;
let files: string;
let cliData: string;
const cases: Case[] = [];
let tenThousand: ReturnType<typeof writeTenThousand>;
let unreadable: ReturnType<typeof writeUnreadable>;

beforeAll(async () => {
  page = tempCore({ noResume: true });
  files = join(page.dir, 'files');
  mkdirSync(files);
  cliData = join(tempDir('patron-cli-'), 'data');
  for (const v of writeCustomerVariants(files)) cases.push({ file: v.file, kind: 'customers' });
  cases.push({ file: writeMessyCustomers(files).file, kind: 'customers' });
  tenThousand = writeTenThousand(files);
  cases.push({ file: tenThousand.file, kind: 'customers' });
  cases.push({ file: writeDatesAndAmounts(files), kind: 'orders' });
  const lines = join(files, 'order-lines.csv');
  writeOrderLines(lines, 3000, { customers: 1500 });
  cases.push({ file: lines, kind: 'orders' });
  const activity = writeActivityFiles(files);
  cases.push({ file: activity.orders, kind: 'orders' }, { file: activity.messages, kind: 'interactions' }, { file: activity.reviews, kind: 'feedback' });
  const book = await writeWorkbook(files);
  cases.push({ file: book, kind: 'customers' }, { file: book, kind: 'orders', sheet: 'Orders' }, { file: await reorderWorkbook(book, files), kind: 'customers' });
  unreadable = writeUnreadable(files, book, await writeHeaderOnlyWorkbook(files));
});
afterAll(() => page.cleanup());

/** What the import page does with a file: inspect, the wizard's choices for the kind, the import job. */
async function throughThePage(core: Core, c: Case) {
  const source: SourceInput = { path: c.file, ...(c.sheet ? { sheet: c.sheet } : {}) };
  const info = await inspectFile(core.db, source);
  const choice = fromInspection(info, c.kind);
  const { summary } = await importJob(core, { source, kind: c.kind, mapping: choice.mapping, options: choice.options });
  return summary;
}

const customers = (core: Core) => core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get();

describe('npm run cli -- import', () => {
  it('gives every import-test file the outcome the import page gives it', async () => {
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const summary = await throughThePage(page.core, c);
      const run = await runCli<ImportJson>(['import', c.file, '--as', c.kind, ...(c.sheet ? ['--sheet', c.sheet] : []), '--data-dir', cliData]);
      const name = `${c.file}${c.sheet ? ` (${c.sheet})` : ''}`;
      expect(run.code, `${name}\n${run.stderr}`).toBe(0);
      const cli = run.json;
      expect({ name, rows: cli.rows, imported: cli.imported, created: cli.created, updated: cli.updated, merged: cli.merged, unchanged: cli.unchanged }).toEqual({
        name,
        rows: summary.rows,
        imported: summary.accepted,
        ...summary.customers,
      });
      expect({ name, orders: cli.orders, orderItems: cli.orderItems, products: cli.products, interactions: cli.interactions, feedback: cli.feedback }).toEqual({
        name,
        orders: summary.orders,
        orderItems: summary.orderItems,
        products: summary.products,
        interactions: summary.interactions,
        feedback: summary.feedback,
      });
      expect(summary.rejected).toBeLessThanOrEqual(summary.rejects.length);
      expect({ name, rejected: cli.rejected }).toEqual({ name, rejected: summary.rejects.map((r) => ({ line: r.line, column: r.column, code: r.code, params: r.params })) });
      expect(cli.warnings).toEqual([]);
      expect({ name, customers: cli.customers }).toEqual({ name, customers: customers(page.core) });
    }
    // About thirty runs of the command, each a process of its own.
  }, 600_000);

  it('reports each rejected row at the physical line it starts on (header = 1, quoted line breaks counted)', async () => {
    const messy = await runCli<ImportJson>(['import', writeMessyCustomers(files).file, '--as', 'customers', '--data-dir', join(tempDir('patron-cli-'), 'data')]);
    // Line 2's note runs onto line 3, and Dan's city onto line 9: the too-wide row is on line 7.
    expect(messy.json.rejected).toEqual([{ line: 7, column: null, code: 'row_too_wide', params: { values: 6, columns: 5 } }]);
    // 37 bad rows among two-line notes and blank lines, at the lines the file has them on.
    const big = await runCli<ImportJson>(['import', tenThousand.file, '--as', 'customers', '--data-dir', join(tempDir('patron-cli-'), 'data')]);
    expect(big.json.rejected.map((r) => r.line)).toEqual(tenThousand.badLines);
    expect(big.json.customers).toBe(tenThousand.customers);
  }, 120_000);

  it('refuses a file it cannot read with its code and exit 1, and changes nothing', async () => {
    // A data folder with records and a finished import in it, which must stay exactly as it is.
    const data = join(tempDir('patron-cli-'), 'data');
    const first = await runCli<ImportJson>(['import', cases[0].file, '--as', 'customers', '--data-dir', data]);
    expect(first.json.created).toBe(5);
    const before = await stateOf(data);
    for (const u of unreadable) {
      const expected = await inspectFile(page.core.db, { path: u.file }).then(
        () => null,
        (e: unknown) => (e instanceof AppError ? e.code : String(e)),
      );
      const run = await runCli<{ error: { code: string; message: string } }>(['import', u.file, '--as', 'customers', '--data-dir', data]);
      expect({ file: u.name, code: run.code, error: run.json.error.code }).toEqual({ file: u.name, code: 1, error: u.code });
      expect(run.json.error.code).toBe(expected);
      expect(run.json.error.message).toMatch(u.message);
      expect(await stateOf(data)).toEqual(before);
    }
    // A data folder that does not exist yet is not even created.
    const none = join(tempDir('patron-cli-'), 'never');
    const run = await runCli<{ error: { code: string } }>(['import', unreadable.find((u) => u.name === 'header-only.csv')!.file, '--as', 'customers', '--data-dir', none]);
    expect({ code: run.code, error: run.json.error.code }).toEqual({ code: 1, error: 'file_empty' });
    expect(existsSync(none)).toBe(false);
  }, 300_000);
});

/** Every data table and every job in a data folder. */
async function stateOf(dataDir: string) {
  const core = openCore(dataDir, { noResume: true });
  try {
    return { tables: snapshot(core.sqlite), jobs: core.sqlite.prepare('SELECT id, kind, status, result FROM jobs ORDER BY id').raw().all() };
  } finally {
    await core.close();
  }
}
