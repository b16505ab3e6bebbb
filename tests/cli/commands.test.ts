// The command line's other promises: `npm run cli` itself works; a saved template and the date
// order can be chosen; paths are the caller's; export, sample and jobs drive the same jobs as the
// app; a wrong call exits 2 with a JSON error and changes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportJson } from '../../src-main/cli/export-command';
import type { ImportJson } from '../../src-main/cli/import-report';
import type { JobJson } from '../../src-main/cli/jobs-command';
import type { SampleJson } from '../../src-main/cli/sample-command';
import { saveTemplate } from '../../src-main/core/import/templates';
import { writeOrderLines } from '../fixtures/import-files';
import { snapshot } from '../fixtures/import-files-run';
import { openCore, tempDir } from '../core/temp-core';
import { runCli } from './run-cli';

type Failed = { error: { code: string; message: string; field?: string } };

describe('npm run cli', () => {
  it('imports with a saved template, in the date order asked for, from a path relative to where it was run', async () => {
    const dir = tempDir('patron-cli-');
    // Headers no suggestion knows by name: the template says what each is.
    writeFileSync(join(dir, 'shop.csv'), 'Kunde,Kontakt,Seit\r\nAnn Lee,ann@example.com,05/01/2024\r\nBob Wu,bob@example.com,07/03/2024\r\n');
    const sinceOf = async (data: string) => {
      const core = openCore(join(dir, data), { noResume: true });
      const at = core.sqlite.prepare(`SELECT created_at FROM customers WHERE email = 'ann@example.com'`).pluck().get();
      await core.close();
      return at;
    };
    for (const data of ['month', 'day']) {
      const core = openCore(join(dir, data), { noResume: true });
      saveTemplate(core.db, { name: 'Shop export', kind: 'customers', mapping: { name: 0, email: 1, created_at: 2 }, headers: ['Kunde', 'Kontakt', 'Seit'], options: {} });
      saveTemplate(core.db, { name: 'Orders', kind: 'orders', mapping: { order_no: 0 }, headers: ['Kunde'], options: {} });
      await core.close();
    }

    const missing = await runCli<Failed>(['import', 'shop.csv', '--as', 'customers', '--mapping', 'Nope', '--data-dir', 'month'], { cwd: dir });
    expect({ code: missing.code, error: missing.json.error.code }).toEqual({ code: 1, error: 'not_found' });
    expect(missing.json.error.message).toContain('"Shop export"');
    const wrongKind = await runCli<Failed>(['import', 'shop.csv', '--as', 'customers', '--mapping', 'Orders', '--data-dir', 'month'], { cwd: dir });
    expect(wrongKind.json.error.message).toBe('The template "Orders" is for orders, not customers.');
    expect(await sinceOf('month')).toBeUndefined();

    const month = await runCli<ImportJson>(['import', 'shop.csv', '--as', 'customers', '--mapping', 'Shop export', '--month-first', '--data-dir', 'month'], { cwd: dir });
    expect(month.code).toBe(0);
    expect(month.json).toMatchObject({ rows: 2, imported: 2, created: 2, customers: 2, rejected: [] });
    expect(month.stdout).toContain('Columns (template "Shop export"): Kunde → name, Kontakt → email, Seit → created_at');
    expect(await sinceOf('month')).toBe(new Date(2024, 4, 1).getTime());
    const day = await runCli<ImportJson>(['import', 'shop.csv', '--as', 'customers', '--mapping', 'Shop export', '--day-first', '--data-dir', 'day'], { cwd: dir });
    expect(day.json).toMatchObject({ rows: 2, created: 2 });
    expect(await sinceOf('day')).toBe(new Date(2024, 0, 5).getTime());

    const both = await runCli<Failed>(['import', 'shop.csv', '--as', 'customers', '--day-first', '--month-first', '--data-dir', 'day'], { cwd: dir });
    expect({ code: both.code, error: both.json.error.code }).toEqual({ code: 2, error: 'invalid_input' });
  }, 180_000);

  it('exports every list the export job knows, to CSV or XLSX, and the rejected rows of an import', async () => {
    const dir = tempDir('patron-cli-');
    const data = join(dir, 'data');
    writeFileSync(join(dir, 'c.csv'), 'Name,Email\r\nAnn,ann@example.com\r\nBob,not-an-email\r\nCat,cat@example.com\r\n');
    const imported = await runCli<ImportJson>(['import', join(dir, 'c.csv'), '--as', 'customers', '--data-dir', data]);
    expect(imported.json.rejected).toEqual([{ line: 3, column: 'Email', code: 'email_invalid', params: { value: 'not-an-email' } }]);

    const customers = await runCli<ExportJson>(['export', 'customers', '--to', join(dir, 'customers.xlsx'), '--data-dir', data]);
    expect(customers.json).toMatchObject({ list: 'customers', format: 'xlsx', rows: 2, path: join(dir, 'customers.xlsx') });
    expect(readFileSync(join(dir, 'customers.xlsx')).subarray(0, 2).toString()).toBe('PK');
    for (const list of ['orders', 'order_lines', 'messages', 'feedback']) {
      const run = await runCli<ExportJson>(['export', list, '--to', join(dir, `${list}.csv`), '--data-dir', data]);
      expect({ list, code: run.code, rows: run.json.rows, written: existsSync(join(dir, `${list}.csv`)) }).toEqual({ list, code: 0, rows: 0, written: true });
    }
    const rejects = await runCli<ExportJson>(['export', 'rejects', '--job', String(imported.json.jobId), '--to', join(dir, 'rejects.csv'), '--data-dir', data]);
    expect(rejects.json.rows).toBe(1);
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toContain('not-an-email');

    const noJob = await runCli<Failed>(['export', 'rejects', '--to', join(dir, 'r.csv'), '--data-dir', data]);
    expect({ code: noJob.code, field: noJob.json.error.field }).toEqual({ code: 2, field: 'job' });
    const badFormat = await runCli<Failed>(['export', 'customers', '--to', join(dir, 'c.pdf'), '--data-dir', data]);
    expect({ code: badFormat.code, field: badFormat.json.error.field }).toEqual({ code: 2, field: 'to' });
  }, 180_000);

  it('loads the sample shop, and `npm run cli -- jobs` lists what ran, newest first, by subject', async () => {
    const data = join(tempDir('patron-cli-'), 'data');
    const sample = await runCli<SampleJson>(['sample', '--seed', '7', '--customers', '10', '--data-dir', data]);
    expect(sample.code).toBe(0);
    expect(sample.json).toMatchObject({ customers: 10, totalCustomers: 10 });
    expect(sample.json.orders).toBeGreaterThan(0);
    const wrong = await runCli<Failed>(['sample', '--customers', 'many', '--data-dir', data]);
    expect({ code: wrong.code, field: wrong.json.error.field }).toEqual({ code: 2, field: 'customers' });

    // Through npm, as the README says to run it.
    const npm = spawnSync('npm', ['run', '--silent', 'cli', '--', 'jobs', '--data-dir', data], { encoding: 'utf8' });
    expect(npm.status).toBe(0);
    const { jobs }: { jobs: JobJson[] } = JSON.parse(npm.stdout.trimEnd().split('\n').pop() ?? '');
    // The segments recompute the sample shop set off, and the predictions after it, ran to their
    // end before the command exited.
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([
      ['predictions.recompute', 'done'],
      ['segments.recompute', 'done'],
      ['sample.load', 'done'],
    ]);
    expect(npm.stdout).toMatch(/#1 .* sample\.load .* done/);
  }, 180_000);

  it('Ctrl+C cancels an import midway: exit 130, and nothing of it is kept', async () => {
    const dir = tempDir('patron-cli-');
    const data = join(dir, 'data');
    const file = join(dir, 'orders.csv');
    writeOrderLines(file, 40_000);
    const core = openCore(data, { noResume: true });
    core.sqlite.prepare(`INSERT INTO customers (name, email, email_norm) VALUES ('Kept', 'customer1@example.com', 'customer1@example.com')`).run();
    const before = snapshot(core.sqlite);
    await core.close();
    let sent = false;
    const run = await runCli<Failed>(['import', file, '--as', 'orders', '--data-dir', data], {
      onStderr: (text, signal) => {
        // The first progress line: the import's one transaction is open and rows are going in.
        if (!sent && /Importing orders\.csv: [\d,]+ /.test(text)) {
          sent = true;
          signal('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect({ code: run.code, error: run.json.error.code }).toEqual({ code: 130, error: 'cancelled' });
    const after = openCore(data, { noResume: true });
    expect(snapshot(after.sqlite)).toEqual(before);
    expect(after.sqlite.prepare('SELECT status FROM jobs').pluck().all()).toEqual(['cancelled']);
    await after.close();
  }, 180_000);

  it('a command it does not know, or a missing value, exits 2 with a JSON error', async () => {
    const unknown = await runCli<Failed>(['imprt', 'x.csv']);
    expect({ code: unknown.code, error: unknown.json.error }).toMatchObject({ code: 2, error: { code: 'invalid_input', field: 'command' } });
    const noKind = await runCli<Failed>(['import', 'x.csv']);
    expect({ code: noKind.code, field: noKind.json.error.field }).toEqual({ code: 2, field: 'as' });
    const help = await runCli<{ commands: string[] }>(['--help']);
    expect(help.json.commands).toEqual(['import', 'export', 'sample', 'jobs', 'inbox', 'campaign', 'backup', 'restore', 'audit', 'encrypt', 'decrypt', 'rekey']);
  }, 180_000);
});
