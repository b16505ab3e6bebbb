// What the command line writes: a short summary for a person on stdout, progress on stderr (so a
// script reading stdout never sees it), and as the very last line of stdout ONE JSON object that a
// script can parse: the command's result, or {"error": {code, message, ...}}.
import type { ErrorShape } from '../core/errors';

const number = new Intl.NumberFormat('en');

export const n = (value: number): string => number.format(value);

/** "1 customer", "2 customers". */
export const count = (value: number, one: string, many = `${one}s`): string => `${n(value)} ${value === 1 ? one : many}`;

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** The last line of stdout. */
export function result(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function failure(error: ErrorShape): void {
  process.stderr.write(`Error: ${error.message}\n`);
  result({ error });
}

/**
 * Progress of long work on stderr: one line rewritten in place on a terminal, otherwise a line
 * every few seconds (a log file gets a readable trail, not thousands of lines).
 */
export class ProgressLine {
  private lastWrite = 0;
  private shown = false;
  private readonly tty = process.stderr.isTTY === true;

  update(text: string, force = false): void {
    const now = Date.now();
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${text}`);
      this.shown = true;
    } else if (force || now - this.lastWrite >= 2000) {
      process.stderr.write(`${text}\n`);
      this.lastWrite = now;
    }
  }

  /** Ends the line on a terminal, so what follows starts on its own. */
  end(): void {
    if (this.tty && this.shown) process.stderr.write('\n');
    this.shown = false;
  }
}

/** "12,000 of about 50,000 rows, 3,100 rows/s, 13 s left" */
export function progressText(what: string, p: { done: number; total: number; ratePerSec: number | null; etaSec: number | null }, unit: string): string {
  const parts = [p.total > p.done ? `${n(p.done)} of about ${n(p.total)} ${unit}` : `${n(p.done)} ${unit}`];
  if (p.ratePerSec) parts.push(`${n(Math.round(p.ratePerSec))} ${unit}/s`);
  if (p.etaSec != null && p.total > p.done) parts.push(`${Math.max(1, Math.round(p.etaSec))} s left`);
  return `${what}: ${parts.join(', ')}`;
}
