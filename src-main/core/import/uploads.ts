// Getting a file to the core when the UI cannot hand it a path (browser mode): the page sends
// the file in base64 chunks, appended in order to dataDir/imports/uploads/<id>/<its own name> (so
// the name people see in messages and results is theirs), and gets back a path
// that import.inspect/preview/start accept like any other. Uploads older than two days go.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

const KEEP_MS = 2 * 24 * 3600 * 1000;
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const uploadsDir = (dataDir: string) => join(dataDir, 'imports', 'uploads');

function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  return base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(-120) || 'upload';
}

function fileOf(dataDir: string, uploadId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw new AppError('invalid_input', 'Not an upload id.', 'uploadId');
  const dir = join(uploadsDir(dataDir), uploadId);
  const name = existsSync(dir) ? readdirSync(dir)[0] : undefined;
  if (!name) throw new AppError('not_found', 'This upload does not exist (it may have expired); choose the file again.', 'uploadId');
  return join(dir, name);
}

export function uploadStart(dataDir: string, input: { fileName: string; size: number }): { uploadId: string } {
  const dir = uploadsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (Date.now() - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { recursive: true, force: true });
  }
  const uploadId = randomUUID();
  mkdirSync(join(dir, uploadId));
  writeFileSync(join(dir, uploadId, safeName(input.fileName)), '');
  return { uploadId };
}

/** Appends one chunk; `offset` must be where the previous chunk ended (chunks go in order). */
export function uploadChunk(dataDir: string, input: { uploadId: string; offset: number; data: string }): { received: number } {
  const file = fileOf(dataDir, input.uploadId);
  const size = statSync(file).size;
  if (input.offset !== size) throw new AppError('conflict', `The upload has ${size} bytes; a chunk for offset ${input.offset} does not follow on.`, 'offset');
  const bytes = Buffer.from(input.data, 'base64');
  if (size + bytes.length > MAX_UPLOAD_BYTES) throw new AppError('invalid_input', 'The file is larger than 2 GB.', 'data');
  appendFileSync(file, bytes);
  return { received: size + bytes.length };
}

export function uploadFinish(dataDir: string, input: { uploadId: string }): { path: string; size: number } {
  const path = fileOf(dataDir, input.uploadId);
  return { path, size: statSync(path).size };
}
