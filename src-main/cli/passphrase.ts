// The passphrase of an encrypted database on the command line: from PATRON_PASSPHRASE (scripts),
// else asked at the terminal with the typing hidden. Never taken as an argument: arguments are
// visible to every process on the machine. Without a terminal to ask at, the command fails with
// passphrase_required rather than waiting on input nobody can give.
import { AppError } from '../core/errors';

export const PASSPHRASE_ENV = 'PATRON_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'PATRON_NEW_PASSPHRASE';

/** The passphrase from `envName`, or asked at the terminal; passphrase_required when neither can be. */
export async function passphraseFrom(envName: string, prompt: string): Promise<string> {
  const value = process.env[envName];
  if (value) return value;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new AppError('passphrase_required', `The database is encrypted: set ${envName} or run the command at a terminal to type the passphrase.`, 'passphrase');
  }
  return askHidden(prompt);
}

/** A new passphrase: from `envName`, or typed twice at the terminal (the two must match). */
export async function newPassphraseFrom(envName: string, minLength: number): Promise<string> {
  const value = process.env[envName];
  if (value === undefined && process.stdin.isTTY && process.stderr.isTTY) {
    const first = await askHidden(`New passphrase (at least ${minLength} characters): `);
    const second = await askHidden('Type it again: ');
    if (first !== second) throw new AppError('invalid_input', 'The two passphrases differ. Nothing was changed.', 'passphrase');
    return checkLength(first, minLength);
  }
  if (!value) {
    throw new AppError('passphrase_required', `Set ${envName} to the new passphrase, or run the command at a terminal to type it.`, 'passphrase');
  }
  return checkLength(value, minLength);
}

function checkLength(value: string, minLength: number): string {
  if (value.length < minLength) throw new AppError('invalid_input', `The passphrase must be at least ${minLength} characters.`, 'passphrase');
  return value;
}

/** Reads one line from the terminal in raw mode, echoing nothing (not even stars: the length stays private). */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new AppError('cancelled', 'Cancelled at the passphrase prompt. Nothing was changed.'));
        if (ch === '\u0004' && typed === '') return done(new AppError('passphrase_required', 'No passphrase was typed. Nothing was changed.', 'passphrase'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
