// How an encrypted Patron database is keyed: SQLite3 Multiple Ciphers (the build better-sqlite3 is
// aliased to in package.json) in its SQLCipher 4 format. Chosen after measuring here (see the
// `encryption` bench): AES-256-CBC pages with an HMAC-SHA512 each (a tampered or wrongly keyed
// page is an error, never silent garbage), and a key derived with PBKDF2-HMAC-SHA512 over 256,000
// iterations from the passphrase and a random 16-byte salt stored at the head of the file. The
// derivation is slow on purpose (about 0.3 s here): guessing passphrases costs as much per guess.
// There is no back door: without the passphrase the file cannot be read, by us or anyone.
import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

export const CIPHER = {
  name: 'sqlcipher',
  /** SQLCipher 4 defaults: kdf_iter 256000, PBKDF2-HMAC-SHA512, HMAC-SHA512, 4096-byte pages. */
  legacy: 4,
  kdfIterations: 256_000,
  kdf: 'PBKDF2-HMAC-SHA512',
  pageCipher: 'AES-256-CBC',
  hmac: 'HMAC-SHA512',
} as const;

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Sets the cipher and key on a connection before its first read. */
export function applyKey(sqlite: Database.Database, passphrase: string): void {
  sqlite.pragma(`cipher = '${CIPHER.name}'`);
  sqlite.pragma(`legacy = ${CIPHER.legacy}`);
  // hexkey passes the passphrase's UTF-8 bytes as they are: no quoting, any character allowed.
  sqlite.pragma(`hexkey = '${Buffer.from(passphrase, 'utf8').toString('hex')}'`);
}

/**
 * Rewrites the open (rollback-journal) database's key: to `passphrase`, or to none when it is
 * null (decrypts). SQLite3MC refuses rekey in WAL mode, so callers rekey a fresh copy.
 */
export function rekey(sqlite: Database.Database, passphrase: string | null): void {
  if (passphrase === null) sqlite.pragma(`rekey = ''`);
  else {
    sqlite.pragma(`cipher = '${CIPHER.name}'`);
    sqlite.pragma(`legacy = ${CIPHER.legacy}`);
    sqlite.pragma(`hexrekey = '${Buffer.from(passphrase, 'utf8').toString('hex')}'`);
  }
}

/**
 * Whether a database file is encrypted: a plain SQLite file starts with its magic header; an
 * encrypted one with random salt. A missing or empty file is not (a new database).
 */
export function isEncryptedFile(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    if (n === 0) return false;
    return !head.subarray(0, n).equals(PLAIN_HEADER.subarray(0, n)) || n < 16;
  } finally {
    closeSync(fd);
  }
}
