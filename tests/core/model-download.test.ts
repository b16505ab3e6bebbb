// Model downloads against a local server on 127.0.0.1 serving the tiny GGUF: progress, a dropped
// connection resumed with Range, checksums from the catalog and from the server's X-Linked-Etag,
// pause/resume, a restart in the middle, and broken downloads kept out with the reason.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG, localFileName } from '../../src-main/core/models/catalog';
import { downloadModel } from '../../src-main/core/models/download';
import type { DownloadState } from '../../src-main/core/models/downloads';
import { serveFile, type ServeOptions } from '../fixtures/gguf-server';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempDir } from './temp-core';

const body = readFileSync(tinyGgufPath());
const sha = createHash('sha256').update(body).digest('hex');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(opts: ServeOptions = {}) {
  const s = await serveFile(body, opts);
  cleanups.push(() => s.close());
  return s;
}

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'patron-dl-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function core(dir = tempDir(), origin?: string) {
  const c = openCore(dir, { noResume: true, models: origin ? { hosts: { huggingface: origin } } : {} });
  cleanups.push(() => c.close());
  return c;
}

describe('downloadModel', () => {
  it('reports rising progress to the full size and checks the catalog sha256', async () => {
    const s = await server({ chunkDelayMs: 1 });
    const progress: number[] = [];
    const part = join(scratch(), 'm.gguf.part');
    const out = await downloadModel({ name: 'm.gguf', url: s.url(), partFile: part, expectedSha256: sha, signal: new AbortController().signal, onProgress: (n, total) => (expect(total).toBe(body.length), progress.push(n)) });
    expect(out).toMatchObject({ sha256: sha, size: body.length, check: 'catalog-sha256', requests: 1 });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(body.length);
  });

  it('resumes a dropped connection with a Range request and still verifies the whole file', async () => {
    const s = await server({ dropAfter: 700_000 });
    const part = join(scratch(), 'm.gguf.part');
    const out = await downloadModel({ name: 'm.gguf', url: s.url(), partFile: part, expectedSha256: sha, signal: new AbortController().signal, onProgress: () => undefined, retryDelayMs: 10 });
    expect(out).toMatchObject({ sha256: sha, requests: 2, check: 'catalog-sha256' });
    // The second request asks for the rest, from exactly what arrived before the drop.
    const [firstRange, resumeRange] = s.requests.map((r) => r.range);
    expect(firstRange).toBeNull();
    const from = Number(/^bytes=(\d+)-$/.exec(resumeRange!)![1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(700_000);
    expect(readFileSync(part).equals(body)).toBe(true);
  });

  it('starts over when the server ignores the Range header', async () => {
    const s = await server({ dropAfter: 300_000, ignoreRange: true });
    const part = join(scratch(), 'm.gguf.part');
    const out = await downloadModel({ name: 'm.gguf', url: s.url(), partFile: part, expectedSha256: sha, signal: new AbortController().signal, onProgress: () => undefined, retryDelayMs: 10 });
    expect(out.sha256).toBe(sha);
    expect(statSync(part).size).toBe(body.length);
  });

  it('rejects a wrong sha256 and deletes the file', async () => {
    const s = await server();
    const part = join(scratch(), 'm.gguf.part');
    const wrong = 'ab'.repeat(32);
    await expect(downloadModel({ name: 'm.gguf', url: s.url(), partFile: part, expectedSha256: wrong, signal: new AbortController().signal, onProgress: () => undefined })).rejects.toMatchObject({
      code: 'download_checksum',
      params: { file: 'm.gguf', check: 'catalog', expected: wrong, actual: sha },
      message: expect.stringMatching(/does not match the catalog's sha256 \(expected abab.*got [0-9a-f]{64}\)/),
    });
    expect(existsSync(part)).toBe(false);
  });

  it("without a catalog sha256 checks the server's X-Linked-Etag, and says which check was made", async () => {
    const good = await server({ linkedEtag: sha });
    const ok = await downloadModel({ name: 'm.gguf', url: good.url(), partFile: join(scratch(), 'a.part'), expectedSha256: null, signal: new AbortController().signal, onProgress: () => undefined });
    expect(ok.check).toBe('server-sha256');
    expect(good.requests.map((r) => r.path)).toEqual(['/model.gguf', '/cdn/model.gguf']);

    const bad = await server({ linkedEtag: 'cd'.repeat(32) });
    await expect(downloadModel({ name: 'm.gguf', url: bad.url(), partFile: join(scratch(), 'b.part'), expectedSha256: null, signal: new AbortController().signal, onProgress: () => undefined })).rejects.toThrow(/server's sha256/);

    const none = await server();
    const unchecked = await downloadModel({ name: 'm.gguf', url: none.url(), partFile: join(scratch(), 'c.part'), expectedSha256: null, signal: new AbortController().signal, onProgress: () => undefined });
    expect(unchecked.check).toBe('none');
  });

  it('reports an HTTP refusal plainly, with its status and host', async () => {
    const s = await server({ status: 404 });
    await expect(downloadModel({ name: 'm.gguf', url: s.url(), partFile: join(scratch(), 'x.part'), expectedSha256: null, signal: new AbortController().signal, onProgress: () => undefined })).rejects.toMatchObject({
      code: 'download_refused',
      params: { file: 'm.gguf', status: 404, host: new URL(s.origin).host },
      message: expect.stringContaining('answered 404'),
    });
  });

  it('follows a chain of redirects and reports progress of the file itself, to its full size', async () => {
    const s = await server({ redirects: 3, chunkDelayMs: 1 });
    const seen: [number, number | null][] = [];
    const part = join(scratch(), 'm.gguf.part');
    const out = await downloadModel({ name: 'm.gguf', url: s.url(), partFile: part, expectedSha256: sha, signal: new AbortController().signal, onProgress: (n, total) => seen.push([n, total]) });
    expect(s.requests.map((r) => r.path)).toEqual(['/model.gguf', '/hop/1/model.gguf', '/hop/2/model.gguf', '/hop/3/model.gguf']);
    expect(out).toMatchObject({ size: body.length, sha256: sha, check: 'catalog-sha256' });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every(([, total]) => total === body.length)).toBe(true);
    expect(seen.at(-1)).toEqual([body.length, body.length]);
  });

  it('says the disk is full, naming the model, when the part file cannot be written', async () => {
    const s = await server();
    await expect(downloadModel({ name: 'm.gguf', url: s.url(), partFile: '/dev/full', expectedSha256: null, signal: new AbortController().signal, onProgress: () => undefined })).rejects.toMatchObject({
      code: 'download_disk_full',
      params: { file: 'm.gguf', detail: expect.stringContaining('ENOSPC') },
    });
  });

  it('gives up on a connection that keeps dropping as a network problem, keeping what arrived', async () => {
    const s = await server({ dropAfter: 100_000, dropTimes: 10 });
    const part = join(scratch(), 'm.gguf.part');
    await expect(downloadModel({ name: 'm.gguf', url: s.url(), partFile: part, expectedSha256: sha, signal: new AbortController().signal, onProgress: () => undefined, retries: 1, retryDelayMs: 5 })).rejects.toMatchObject({
      code: 'download_failed',
      params: { file: 'm.gguf', reason: 'network' },
    });
    // Kept for a later resume: whatever arrived before the last drop.
    expect(statSync(part).size).toBeGreaterThan(0);
    expect(statSync(part).size).toBeLessThan(body.length);
  });
});

const until = (c: ReturnType<typeof core>, pred: (d: DownloadState) => boolean) =>
  new Promise<DownloadState>((resolve) => {
    const on = (e: { type: string; download?: DownloadState }) => {
      if (e.type === 'download' && pred(e.download!)) {
        c.models.events.off('event', on);
        resolve(e.download!);
      }
    };
    c.models.events.on('event', on);
  });

describe('download manager', () => {
  it('downloads a catalog model from the chosen source host and refuses it when the catalog sha256 does not match', async () => {
    const s = await server();
    const c = core(tempDir(), s.origin);
    const entry = CATALOG.find((m) => m.id === 'qwen2.5-0.5b-instruct')!;
    await c.models.downloadCatalogModel(entry.id, 'huggingface');
    const end = await c.models.downloads.settled(localFileName(entry));
    expect(s.requests[0].path).toBe(`/${entry.huggingface.repo}/resolve/${entry.huggingface.revision}/${entry.huggingface.file}`);
    expect(end).toMatchObject({ status: 'failed', retryable: true, error: { code: 'download_checksum', params: { file: localFileName(entry), check: 'catalog' } } });
    expect(await c.models.store.list()).toEqual([]);
    await expect(c.models.downloadCatalogModel('gemma-2-2b-it', 'modelscope')).rejects.toThrow(/not available from modelscope/);
  });

  it('pauses, survives a restart as paused, resumes with Range, verifies and installs the model as active', async () => {
    const s = await server({ linkedEtag: sha, chunkDelayMs: 25 });
    const dir = tempDir();
    const first = openCore(dir, { noResume: true });
    const progress: DownloadState[] = [];
    first.models.events.on('event', (e: { type: string; download?: DownloadState }) => e.type === 'download' && progress.push(e.download!));
    await first.models.downloadUrl(s.url(), 'tiny.gguf', null);
    await until(first, (d) => d.received > 200_000);
    const paused = await first.models.downloads.pause('tiny.gguf');
    expect(paused.status).toBe('paused');
    expect(paused.received).toBeGreaterThan(0);
    expect(paused.received).toBeLessThan(body.length);
    expect(progress.some((d) => d.status === 'downloading' && d.bytesPerSec !== null && d.total === body.length)).toBe(true);
    await first.close();

    const c = core(dir);
    const [restored] = c.models.downloads.list();
    expect(restored).toMatchObject({ file: 'tiny.gguf', status: 'paused' });
    const partSize = statSync(join(dir, 'models', 'tiny.gguf.part')).size;
    s.options.chunkDelayMs = 0;
    await c.models.downloads.start(restored);
    const done = await c.models.downloads.settled('tiny.gguf');
    expect(done).toMatchObject({ status: 'done', check: 'server-sha256', received: body.length });
    expect(s.requests.filter((r) => r.path.startsWith('/cdn/')).at(-1)!.range).toBe(`bytes=${partSize}-`);
    const [installed] = await c.models.store.list();
    expect(installed).toMatchObject({ file: 'tiny.gguf', active: true, check: 'server-sha256', sha256: sha, info: { architecture: 'llama' } });
    expect(existsSync(join(dir, 'models', 'tiny.gguf.part'))).toBe(false);
  });

  it('keeps a download that is not a model out of the models folder and says why', async () => {
    const junk = Buffer.from('<html>Sign in to continue</html>'.repeat(100));
    const s = await serveFile(junk);
    cleanups.push(() => s.close());
    const c = core();
    await c.models.downloadUrl(s.url(), 'junk.gguf', null);
    const end = await c.models.downloads.settled('junk.gguf');
    // Named after the model, not its partial file; no retry offered: it can never load.
    expect(end).toMatchObject({ status: 'failed', retryable: false, error: { code: 'model_invalid', params: { file: 'junk.gguf', reason: 'not_gguf' }, message: expect.stringMatching(/"junk\.gguf" is not a GGUF model file/) } });
    expect(JSON.stringify(end)).not.toContain('.part');
    expect(await c.models.store.list()).toEqual([]);
  });

  it('refuses a download that arrives whole from a redirect but is a truncated model, as one that can never load', async () => {
    const cut = body.subarray(0, body.length - 50_000);
    const s = await serveFile(cut, { redirects: 2 });
    cleanups.push(() => s.close());
    const c = core();
    const events: DownloadState[] = [];
    c.models.events.on('event', (e: { type: string; download?: DownloadState }) => e.type === 'download' && events.push(e.download!));
    await c.models.downloadUrl(s.url(), 'cut.gguf', null);
    const end = await c.models.downloads.settled('cut.gguf');
    expect(end).toMatchObject({ status: 'failed', retryable: false, error: { code: 'model_invalid', params: { file: 'cut.gguf', reason: 'truncated' } } });
    // Once bytes arrived, progress always had the size the final server stated.
    expect(events.filter((d) => d.status === 'downloading' && d.received > 0).every((d) => d.total === cut.length)).toBe(true);
    expect(events.find((d) => d.status === 'verifying')).toMatchObject({ received: cut.length, total: cut.length });
  });

  it('keeps a refused address as a failure that is not offered again, and a dropped one as one that is', async () => {
    const gone = await server({ status: 404 });
    const c = core();
    await c.models.downloadUrl(gone.url(), 'gone.gguf', null);
    expect(await c.models.downloads.settled('gone.gguf')).toMatchObject({ status: 'failed', retryable: false, error: { code: 'download_refused', params: { file: 'gone.gguf', status: 404 } } });
    const busy = await server({ status: 503 });
    await c.models.downloadUrl(busy.url(), 'busy.gguf', null);
    expect(await c.models.downloads.settled('busy.gguf')).toMatchObject({ status: 'failed', retryable: true, error: { code: 'download_refused', params: { status: 503 } } });
  });

  it('cancel stops the transfer and deletes the partial file', async () => {
    const s = await server({ chunkDelayMs: 25 });
    const dir = tempDir();
    const c = core(dir);
    await c.models.downloadUrl(s.url(), 'tiny.gguf', sha);
    await until(c, (d) => d.received > 0);
    await c.models.downloads.cancel('tiny.gguf');
    expect(c.models.downloads.list()).toEqual([]);
    expect(existsSync(join(dir, 'models', 'tiny.gguf.part'))).toBe(false);
  });
});
