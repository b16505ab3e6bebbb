// No network (issue 15, item 8): the core makes no outbound connection except a model download
// the person started. First that the guard the e2e run relies on (tests/e2e/net-guard.cjs,
// preloaded into the browser-mode server) really counts — a child process with the preload tries
// an HTTP request and a raw TCP connect, and both are in its file before they could complete —
// then a core in this process, with the same counters installed, loads the sample shop, imports a
// CSV, recomputes segments and predictions, searches and drafts a reply without a model: zero
// attempts. (Worker threads the core starts are covered in the e2e run, where NODE_OPTIONS
// preloads the guard into them; here only this thread is counted.)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../src-main/shared/drafting';
import { IMPORT_JOB_KIND } from '../../src-main/core/import/import-job';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { writeOrderLines } from '../fixtures/import-files';
import { portClientFor } from '../transport/port-client';
import { openCore, tempDir } from './temp-core';

interface Attempt {
  kind: 'tcp' | 'udp' | 'dns';
  host: string;
  port: number | null;
  loopback: boolean;
}
const guardPath = join(process.cwd(), 'tests', 'e2e', 'net-guard.cjs');
const require = createRequire(import.meta.url);
const guard = require(guardPath) as {
  install(file?: string): { attempts: Attempt[] };
  isLoopback(host: string): boolean;
  readAttempts(file: string): Attempt[];
};
const ORDER_MAPPING = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };

const dir = tempDir('patron-no-network-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves once `file` holds `n` attempts (or rejects after `ms`). */
async function untilAttempts(file: string, n: number, ms = 10_000): Promise<Attempt[]> {
  const end = Date.now() + ms;
  for (;;) {
    const got = existsSync(file) ? guard.readAttempts(file) : [];
    if (got.length >= n || Date.now() > end) return got;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the network guard', () => {
  it('tells loopback from the outside', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3', '::ffff:127.0.0.1']) expect(guard.isLoopback(h), h).toBe(true);
    for (const h of ['10.255.255.1', 'example.invalid', 'huggingface.co', '8.8.8.8', '::ffff:10.0.0.1']) expect(guard.isLoopback(h), h).toBe(false);
  });

  it('counts a preloaded process’s HTTP request and TCP connect before they complete', async () => {
    const file = join(dir, 'child.jsonl');
    const script = [
      "require('node:http').get('http://example.invalid/').on('error', () => {});",
      "require('node:net').connect(443, '10.255.255.1').on('error', () => {});",
      "require('node:net').connect(9, '127.0.0.1').on('error', () => {});",
      'setTimeout(() => {}, 60000);',
    ].join('\n');
    const child = spawn(process.execPath, ['--require', guardPath, '-e', script], {
      env: { ...process.env, PATRON_NET_GUARD_FILE: file, NODE_OPTIONS: '' },
      stdio: 'ignore',
    });
    try {
      const got = await untilAttempts(file, 4);
      const outside = got.filter((a) => !a.loopback);
      // http.get looks the name up (dns) and connects to it (tcp); the raw connect is tcp.
      expect(outside).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'dns', host: 'example.invalid' }),
          expect.objectContaining({ kind: 'tcp', host: 'example.invalid', port: 80 }),
          expect.objectContaining({ kind: 'tcp', host: '10.255.255.1', port: 443 }),
        ]),
      );
      expect(got.filter((a) => a.loopback)).toEqual([expect.objectContaining({ kind: 'tcp', host: '127.0.0.1', port: 9 })]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('a core run through the app’s flows', () => {
  it('makes no outbound connection: sample shop, CSV import, segments, predictions, search, a reply drafted without a model', { timeout: 120_000 }, async () => {
    const file = join(dir, 'in-process.jsonl');
    const { attempts } = guard.install(file);
    const before = attempts.length;
    const core = openCore(join(dir, 'data'), { noResume: true });
    const { api, close } = portClientFor(core);
    try {
      const sample = core.jobs.start(SAMPLE_JOB_KIND, { seed: 3, customers: 200, anchor: Date.UTC(2026, 5, 1) });
      await core.jobs.idle();
      expect(core.jobs.get(sample).status).toBe('done');

      const csv = join(dir, 'orders.csv');
      writeOrderLines(csv, 200, { customers: 40 });
      const imported = core.jobs.start(IMPORT_JOB_KIND, { source: { path: csv }, kind: 'orders', mapping: ORDER_MAPPING });
      await core.jobs.idle();
      expect(core.jobs.get(imported).status).toBe('done');

      await api.segments.recompute.mutate();
      await api.predictions.recompute.mutate();
      await core.jobs.idle();

      const hits = await api.search.all.query({ q: 'refund' });
      expect(hits.interactions.length + hits.customers.length).toBeGreaterThan(0);
      const message = core.sqlite.prepare(`SELECT id FROM interactions WHERE direction = 'inbound' ORDER BY id LIMIT 1`).get() as { id: number };
      const events = await new Promise<DraftEvent[]>((resolve, reject) => {
        const got: DraftEvent[] = [];
        api.drafting.draft.subscribe(
          { messageId: message.id, tone: 'warm' },
          { onData: (e) => (got.push(e), e.type === 'checked' && resolve(got)), onError: reject, onComplete: () => resolve(got) },
        );
      });
      expect(events.some((e) => e.type === 'checked')).toBe(true);
    } finally {
      close();
      await core.close();
    }
    const made = attempts.slice(before);
    expect(made.filter((a) => !a.loopback)).toEqual([]);
    // Nothing on loopback either: the core connects to nothing unless a download is started.
    expect(made).toEqual([]);
    expect(guard.readAttempts(file)).toEqual([]);
  });
});
