// `encrypt`, `decrypt`, `rekey`: the same crash-safe rewrite of the database file the Privacy page
// runs (core/privacy/encryption.ts): a checked copy replaces the file, and the old file's bytes
// are overwritten. The current passphrase comes from PATRON_PASSPHRASE, the new one from
// PATRON_NEW_PASSPHRASE, or both are asked at the terminal (the new one twice), never taken as
// arguments. A wrong passphrase exits with wrong_passphrase and changes nothing.
import { CIPHER, isEncryptedFile } from '../core/db/cipher';
import { AppError } from '../core/errors';
import { MIN_PASSPHRASE_LENGTH, rewriteDatabase, type RewriteKind, type RewriteResult } from '../core/privacy/encryption';
import { parse, UsageError } from './args';
import { dataDirOf, dbFileOf } from './open-core';
import { n, say } from './output';
import { NEW_PASSPHRASE_ENV, newPassphraseFrom, PASSPHRASE_ENV, passphraseFrom } from './passphrase';

const COMMON_TAIL = `  --data-dir DIR   the data folder (default: the app's)

Close the app first: the file is replaced while nothing has it open.
Ends with one JSON line: {kind, encrypted, tables, rows, ms, file}.`;

const KEY_FACTS = `The key is derived from the passphrase with ${CIPHER.kdf} over ${n(CIPHER.kdfIterations)} iterations (slow on
purpose: every guess costs as much); pages are ${CIPHER.pageCipher} with ${CIPHER.hmac}. There is no back door:
a forgotten passphrase cannot be recovered, by anyone.`;

export const ENCRYPT_USAGE = `npm run cli -- encrypt [--data-dir DIR]

Encrypts the database with a new passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters), from
${NEW_PASSPHRASE_ENV} or typed twice at the terminal. ${KEY_FACTS}

${COMMON_TAIL}`;

export const DECRYPT_USAGE = `npm run cli -- decrypt [--data-dir DIR]

Turns encryption off: the database is rewritten plain. Its passphrase comes from ${PASSPHRASE_ENV}
or is typed at the terminal.

${COMMON_TAIL}`;

export const REKEY_USAGE = `npm run cli -- rekey [--data-dir DIR]

Changes the passphrase: the current one from ${PASSPHRASE_ENV} (or typed), the new one from
${NEW_PASSPHRASE_ENV} (or typed twice). ${KEY_FACTS}

${COMMON_TAIL}`;

const DONE: Record<RewriteKind, string> = {
  encrypt: 'The database is encrypted.',
  decrypt: 'The database is no longer encrypted.',
  rekey: 'The passphrase is changed.',
};

async function run(kind: RewriteKind, argv: string[]): Promise<RewriteResult & { file: string }> {
  const { values, positionals } = parse(argv, {});
  if (positionals.length) throw new UsageError(`${kind} takes no file (got "${positionals[0]}"); name the data folder with --data-dir.`);
  const file = dbFileOf(dataDirOf(values['data-dir']));
  const encrypted = isEncryptedFile(file);
  if (kind === 'encrypt' && encrypted) throw new AppError('invalid_input', `${file} is already encrypted: use rekey to change its passphrase.`);
  if (kind !== 'encrypt' && !encrypted) throw new AppError('invalid_input', `${file} is not encrypted.`);
  const from = kind === 'encrypt' ? null : await passphraseFrom(PASSPHRASE_ENV, `Passphrase for ${file}: `);
  const to = kind === 'decrypt' ? null : await newPassphraseFrom(NEW_PASSPHRASE_ENV, MIN_PASSPHRASE_LENGTH);
  say(`Database: ${file}`);
  const result = rewriteDatabase(file, { from, to, onStep: (step) => process.stderr.write(`${step}…\n`) });
  say(`${DONE[kind]} ${n(result.rows)} rows in ${n(result.tables)} tables checked, in ${(result.ms / 1000).toFixed(1)} s.`);
  if (kind !== 'decrypt') say('Keep the passphrase safe: without it the data cannot be opened, by anyone.');
  return { ...result, file };
}

export const encryptCommand = (argv: string[]) => run('encrypt', argv);
export const decryptCommand = (argv: string[]) => run('decrypt', argv);
export const rekeyCommand = (argv: string[]) => run('rekey', argv);
