// The import and export calls through the real contract, over the MessagePort transport Electron
// uses: bad input is refused naming the field, and the wizard's whole flow works as the UI will
// drive it (upload in chunks, inspect, preview, dry run, import, follow the job, page the
// rejected rows, export them, read the export back in chunks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src-main/core/export/export-list';
import type { ImportSummary } from '../../src-main/core/import/importer';
import { patronRouter } from '../../src-main/core/router';
import { IMPORT_EXPORT_BAD, IMPORT_EXPORT_NO_INPUT } from '../fixtures/import-files-contract';
import { portClientFor } from '../transport/port-client';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
let client: ReturnType<typeof portClientFor>;
beforeAll(() => {
  env = tempCore({ noResume: true });
  client = portClientFor(env.core);
});
afterAll(async () => {
  client.close();
  await env.cleanup();
});

const call = (path: string, input: unknown) => client.byPath(path, input);

describe('import and export over the contract', () => {
  it('every import/export call is listed here', () => {
    const mine = Object.keys(patronRouter._def.procedures).filter((p) => p.startsWith('import.') || p.startsWith('export.'));
    expect(mine.sort()).toEqual([...IMPORT_EXPORT_BAD.map(([p]) => p), ...IMPORT_EXPORT_NO_INPUT].sort());
  });

  it.each(IMPORT_EXPORT_BAD)('%s rejects %j naming "%s"', async (path, input, field) => {
    const err = (await call(path, input).catch((e) => e)) as { data?: { app?: { code: string; field?: string; message: string } } };
    expect(err.data?.app).toMatchObject({ code: 'invalid_input', field });
    expect(err.data?.app?.message.startsWith(`${field}:`)).toBe(true);
  });

  it('a mapping that leaves out a required field is refused before anything runs', async () => {
    const { api } = client;
    const bytes = Buffer.from('Order,Date\nA1,2024-01-05\n');
    const { uploadId } = await api.import.uploadStart.mutate({ fileName: 'o.csv', size: bytes.length });
    await api.import.uploadChunk.mutate({ uploadId, offset: 0, data: bytes.toString('base64') });
    const { path } = await api.import.uploadFinish.mutate({ uploadId });
    const err = await api.import.preview.query({ source: { path }, kind: 'orders', mapping: { order_no: 0, ordered_at: 1 } }).catch((e) => e);
    expect(err.data.app).toMatchObject({ code: 'invalid_input', field: 'mapping.customer_email', message: expect.stringMatching(/Email or Phone/) });
  });

  it('runs the wizard end to end, as the UI will', async () => {
    const { api } = client;
    const text = '\ufeff姓名,手机,邮箱,城市\n王芳,138 0013 8000,wf@qq.com,上海\n李雷,13900139000,not-an-email,北京\n王芳,+86 13800138000,,上海\n';
    const bytes = Buffer.from(text);
    const { uploadId } = await api.import.uploadStart.mutate({ fileName: '客户.csv', size: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += 16) {
      await api.import.uploadChunk.mutate({ uploadId, offset, data: bytes.subarray(offset, offset + 16).toString('base64') });
    }
    const { path } = await api.import.uploadFinish.mutate({ uploadId });

    const info = await api.import.inspect.query({ path });
    expect(info).toMatchObject({ encoding: 'utf-8', delimiter: ',', headerLine: 1, headers: ['姓名', '手机', '邮箱', '城市'], suggestedKind: 'customers' });
    // The person's own file name, not the upload's id, is what messages and results show.
    expect(path.endsWith('/客户.csv') || path.endsWith('\\客户.csv')).toBe(true);
    const mapping = info.suggestions.customers.mapping;
    const fields = await api.import.fields.query();
    expect(fields.customers.fields.map((f) => f.key)).toContain('email');

    const preview = await api.import.preview.query({ source: { path }, kind: 'customers', mapping });
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([[2, 'created'], [3, 'rejected'], [4, 'merged']]);

    await api.import.saveTemplate.mutate({ name: '微信导出', kind: 'customers', mapping, headers: info.headers, options: { defaultCountry: 'CN' } });
    expect((await api.import.listTemplates.query()).map((t) => t.name)).toEqual(['微信导出']);
    expect((await api.import.inspect.query({ path })).template).toMatchObject({ name: '微信导出', mapping });

    const events: { id: number; status: string; done: number }[] = [];
    const sub = client.api.jobs.events.subscribe(undefined, { onData: (e) => events.push(e) });
    await new Promise((r) => setTimeout(r, 50));
    const dry = await api.import.start.mutate({ source: { path }, kind: 'customers', mapping, dryRun: true });
    await env.core.jobs.idle();
    expect((await api.jobs.get.query({ id: dry.jobId })).result).toMatchObject({ dryRun: true, customers: { created: 1, merged: 1 }, rejected: 1 });
    expect(env.core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);

    const real = await api.import.start.mutate({ source: { path }, kind: 'customers', mapping });
    await env.core.jobs.idle();
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(events.filter((e) => e.id === real.jobId).map((e) => e.status)).toContain('done');
    const summary = (await api.jobs.get.query({ id: real.jobId })).result as ImportSummary;
    expect(summary).toMatchObject({ dryRun: false, customers: { created: 1, merged: 1 }, rejected: 1 });
    expect((await api.search.all.query({ q: '王芳' })).customers.map((c: { name: string }) => c.name)).toEqual(['王芳']);

    const rejects = await api.import.rejects.query({ jobId: real.jobId });
    expect(rejects).toMatchObject({ total: 1, headers: ['姓名', '手机', '邮箱', '城市'] });
    expect(rejects.rows[0]).toEqual({
      line: 3,
      column: '邮箱',
      problem: { code: 'email_invalid', params: { value: 'not-an-email' } },
      text: '',
      cells: ['李雷', '13900139000', 'not-an-email', '北京'],
    });
    expect((await api.import.merges.query({ jobId: real.jobId })).rows).toEqual([['4', '1', '王芳', 'phone', '2', '']]);

    const exp = await api.export.start.mutate({ list: { kind: 'rejects', jobId: real.jobId }, format: 'csv' });
    await env.core.jobs.idle();
    const result = (await api.jobs.get.query({ id: exp.jobId })).result as ExportResult;
    let downloaded = '';
    for (let offset = 0, done = false; !done; offset += 64) {
      const chunk = await api.export.read.query({ fileName: result.fileName, offset, length: 64 });
      downloaded += Buffer.from(chunk.data, 'base64').toString('latin1');
      done = chunk.done;
    }
    expect(Buffer.from(downloaded, 'latin1').toString('utf8')).toContain('李雷,13900139000,not-an-email,北京,3,邮箱');
    expect((await api.export.file.query({ fileName: result.fileName })).path).toBe(result.path);
    await api.export.delete.mutate({ fileName: result.fileName });
    const gone = await api.export.file.query({ fileName: result.fileName }).catch((e) => e);
    expect(gone.data.app.code).toBe('not_found');
  });
});
