// The command line's arguments, read with Node's own parseArgs (strict: an unknown option or a
// missing value is a usage error, never silently ignored). Paths are taken relative to the folder
// the person ran the command in: `npm run` moves into the package folder and says where it came
// from in INIT_CWD.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../core/errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** A mistake in how the command was called: exit code 2, and the usage of the command. */
export class UsageError extends AppError<'invalid_input'> {
  constructor(message: string, field?: string) {
    super('invalid_input', message, field);
    this.name = 'UsageError';
  }
}

export function parse<const O extends Options>(argv: string[], options: O) {
  const config = { args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true } as const;
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Where the person ran the command (not the package folder `npm run` moved into). */
export const callerDir = (): string => process.env.INIT_CWD ?? process.cwd();

export const fromCaller = (path: string): string => resolve(callerDir(), path);

/** A whole number option, within bounds. */
export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`, name);
  return n;
}

/** One of a fixed list of words. */
export function choiceOption<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const isChoice = (v: string): v is T => choices.some((c) => c === v);
  if (!isChoice(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${value}".`, name);
  return value;
}
