// Flushing to disk before a rename makes a swapped database file durable: the rewrite, the
// backup and the restore all write a copy, fsync it, rename it into place and fsync the folder.
import { closeSync, fsyncSync, openSync } from 'node:fs';

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync; its rename is atomic anyway. */
export function fsyncDir(dir: string): void {
  try {
    fsyncFile(dir);
  } catch {
    // See above.
  }
}
