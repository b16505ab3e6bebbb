// Files in dataDir/exports for browser mode, which cannot be handed a path: the page reads the
// bytes in chunks (export.read) and saves them with a download. Only plain names inside that
// folder are served.
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError, notFound } from '../errors';
import { exportsDir } from './export-list';

/** The absolute path of an export by its file name, refusing anything that is not a plain name. */
export function exportFilePath(dataDir: string, fileName: string): string {
  if (basename(fileName) !== fileName || fileName.startsWith('.') || !/\.(csv|xlsx|html)$/i.test(fileName)) {
    throw new AppError('invalid_input', 'Not the name of an export file.', 'fileName');
  }
  const path = join(exportsDir(dataDir), fileName);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw notFound('Export file', fileName);
  }
  return path;
}

export function readExportChunk(dataDir: string, fileName: string, offset: number, length: number): { data: string; size: number; done: boolean } {
  const path = exportFilePath(dataDir, fileName);
  const size = statSync(path).size;
  const n = Math.max(0, Math.min(length, size - offset));
  const buf = Buffer.alloc(n);
  if (n) {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buf, 0, n, offset);
    } finally {
      closeSync(fd);
    }
  }
  return { data: buf.toString('base64'), size, done: offset + n >= size };
}

export function deleteExport(dataDir: string, fileName: string): void {
  rmSync(exportFilePath(dataDir, fileName));
}
