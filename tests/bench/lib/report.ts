// What a bench hands back and how it reaches stdout: progress goes to stderr, tables to stdout,
// and the very last line of stdout is one JSON object that scripts can parse.
/** Flat numbers and strings for benches; evals may nest (the clv eval's fitted parameters). */
export type BenchResult = Record<string, unknown>;

export interface BenchModule {
  /** Runs the bench with its own command-line arguments and returns the flat result record. */
  run(args: string[]): Promise<BenchResult>;
}

/** Progress for a human watching; kept off stdout so the JSON line stays last there. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Prints the result as one JSON line; NaN/Infinity (which JSON cannot hold) become strings. */
export function printJsonLine(result: BenchResult): void {
  const clean: BenchResult = {};
  for (const [k, v] of Object.entries(result)) clean[k] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  process.stdout.write(`${JSON.stringify(clean)}\n`);
}

/** Tiny flag parser: `--name value`, `--name=value` and boolean `--flag`. */
export function parseArgs(args: string[]): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags.set(a.slice(2), args[++i]);
    else flags.set(a.slice(2), true);
  }
  return { flags, positional };
}

export function intFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const v = flags.get(name);
  if (v === undefined || v === true) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${v}"`);
  return n;
}
