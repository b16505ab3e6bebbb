// One model download over HTTP(S): resumes a partial file with a Range request, retries a dropped
// connection from where it stopped, hashes as it goes, and checks the result against the
// catalog's sha256 or, lacking one, the sha256 the server states (Hugging Face sends an LFS file's
// sha256 as X-Linked-Etag on its redirect). Nothing is offered as a model until it has passed.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { AppError } from '../errors';

export type ChecksumCheck = 'catalog-sha256' | 'server-sha256' | 'none';

export interface DownloadOptions {
  url: string;
  /** The partial file; renamed by the caller once verified. */
  partFile: string;
  /** The model's file name, which errors name (never the partial file's). */
  name: string;
  expectedSha256: string | null;
  signal: AbortSignal;
  onProgress(received: number, total: number | null): void;
  /** Automatic resumptions after a dropped connection (default 3). */
  retries?: number;
  retryDelayMs?: number;
}

export interface DownloadOutcome {
  sha256: string;
  size: number;
  check: ChecksumCheck;
  /** HTTP requests made (the first, plus one per resumption). */
  requests: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const SHA = /^[0-9a-f]{64}$/;

/** Network trouble worth resuming after, as opposed to a refusal or a bad file. */
class Dropped extends Error {}

function get(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(url, { headers: { 'user-agent': 'Patron', ...headers }, signal }, resolve);
    req.on('error', (e) => reject(signal.aborted ? e : new Dropped(e.message)));
  });
}

/** Follows redirects by hand so the first response's X-Linked-Etag is seen. */
async function open(url: string, headers: Record<string, string>, signal: AbortSignal, name: string) {
  let serverSha: string | null = null;
  for (let hop = 0; hop < 6; hop++) {
    const res = await get(url, headers, signal);
    const linked = String(res.headers['x-linked-etag'] ?? '').replace(/^W\//, '').replace(/"/g, '').toLowerCase();
    if (SHA.test(linked)) serverSha ??= linked;
    if (REDIRECTS.has(res.statusCode ?? 0) && res.headers.location) {
      res.resume();
      url = new URL(res.headers.location, url).toString();
      continue;
    }
    return { res, serverSha };
  }
  throw new AppError('download_failed', 'The download was redirected too many times.', undefined, { file: name, reason: 'redirects' });
}

async function hashExisting(file: string, hash: Hash, signal: AbortSignal): Promise<number> {
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size === 0) return 0;
  for await (const chunk of createReadStream(file, { signal })) hash.update(chunk as Buffer);
  return size;
}

/** What the download has so far; one request at a time adds to it. */
interface Progress {
  hash: Hash;
  received: number;
  total: number | null;
  serverSha: string | null;
}

/** One request: appends to the part file from `st.received`, or starts over if the server ignores the Range. */
async function transfer(o: DownloadOptions, st: Progress): Promise<void> {
  const { res, serverSha } = await open(o.url, st.received > 0 ? { range: `bytes=${st.received}-` } : {}, o.signal, o.name);
  st.serverSha ??= serverSha;
  const status = res.statusCode ?? 0;
  if (status === 416 && st.received > 0) {
    // Nothing left to send: the part file is already whole.
    res.resume();
    st.total ??= st.received;
    return;
  }
  if (status !== 200 && status !== 206) {
    res.resume();
    throw new AppError('download_refused', `The server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''} for ${o.url}.`, undefined, {
      file: o.name,
      status,
      host: new URL(o.url).host,
    });
  }
  if (status === 206) {
    const m = /bytes (\d+)-\d+\/(\d+|\*)/.exec(String(res.headers['content-range'] ?? ''));
    if (!m || Number(m[1]) !== st.received) {
      // What is on disk cannot be continued from this server: the next try starts over.
      res.resume();
      await rm(o.partFile, { force: true });
      throw new AppError('download_failed', 'The server resumed the download at the wrong place.', undefined, { file: o.name, reason: 'bad_resume' });
    }
    st.total = m[2] === '*' ? null : Number(m[2]);
  } else {
    // A 200 answer to a Range request: the server sends the whole file again, so start over.
    st.hash = createHash('sha256');
    st.received = 0;
    st.total = res.headers['content-length'] ? Number(res.headers['content-length']) : null;
  }
  const out = createWriteStream(o.partFile, { flags: st.received === 0 ? 'w' : 'a' });
  try {
    await new Promise<void>((resolve, reject) => {
      res.on('data', (chunk: Buffer) => {
        st.hash.update(chunk);
        st.received += chunk.length;
        if (!out.write(chunk)) res.pause();
        o.onProgress(st.received, st.total);
      });
      out.on('drain', () => res.resume());
      res.on('end', () => (res.complete ? resolve() : reject(new Dropped('the connection closed early'))));
      res.on('aborted', () => reject(new Dropped('the connection was dropped')));
      res.on('error', (e) => reject(o.signal.aborted ? e : new Dropped(e.message)));
      out.on('error', (e) =>
        reject('code' in e && e.code === 'ENOSPC' ? new AppError('download_disk_full', `The disk is full (${e.message}).`, undefined, { file: o.name, detail: e.message }) : e),
      );
    });
  } finally {
    await new Promise<void>((r) => out.end(r));
  }
  if (st.total !== null && st.received < st.total) throw new Dropped(`the connection closed at ${st.received} of ${st.total} bytes`);
}

export async function downloadModel(o: DownloadOptions): Promise<DownloadOutcome> {
  const st: Progress = { hash: createHash('sha256'), received: 0, total: null, serverSha: null };
  st.received = await hashExisting(o.partFile, st.hash, o.signal);
  const retries = o.retries ?? 3;
  let requests = 0;
  for (let attempt = 0; ; attempt++) {
    requests++;
    try {
      await transfer(o, st);
      break;
    } catch (err) {
      if (o.signal.aborted || !(err instanceof Dropped)) throw err;
      if (attempt >= retries) {
        throw new AppError('download_failed', `The download stopped (${err.message}) after ${st.received} bytes; resume it to continue.`, undefined, { file: o.name, reason: 'network', detail: err.message });
      }
      // What was hashed is what was written; if the disk disagrees, trust the disk.
      const onDisk = await stat(o.partFile).then((s) => s.size, () => 0);
      if (onDisk !== st.received) {
        st.hash = createHash('sha256');
        st.received = await hashExisting(o.partFile, st.hash, o.signal);
      }
      await new Promise((r) => setTimeout(r, (o.retryDelayMs ?? 500) * (attempt + 1)));
    }
  }
  const size = await stat(o.partFile).then((s) => s.size);
  if (st.total !== null && size !== st.total) {
    throw new AppError('download_failed', `The download is incomplete (${size} of ${st.total} bytes); resume it to continue.`, undefined, { file: o.name, reason: 'network', detail: `${size} of ${st.total} bytes` });
  }
  const sha256 = st.hash.digest('hex');
  const expected = o.expectedSha256 ?? st.serverSha;
  const check: ChecksumCheck = o.expectedSha256 ? 'catalog-sha256' : st.serverSha ? 'server-sha256' : 'none';
  if (expected && expected !== sha256) {
    await rm(o.partFile, { force: true });
    const whose = check === 'catalog-sha256' ? "the catalog's" : "the server's";
    throw new AppError('download_checksum', `The downloaded file does not match ${whose} sha256 (expected ${expected}, got ${sha256}). It was deleted; try again or choose another download source.`, undefined, {
      file: o.name,
      check: check === 'catalog-sha256' ? 'catalog' : 'server',
      expected,
      actual: sha256,
    });
  }
  return { sha256, size, check, requests };
}
