// `npm run bench -- NAME [options]`: runs tests/bench/NAME.bench.ts, whose module exports
// `run(args)`; prints the result record as one JSON line, the last line of stdout.
// A bench signals failure by throwing or by setting process.exitCode.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printJsonLine, type BenchModule } from './lib/report';

const here = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

function availableBenches(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const names = availableBenches();
  if (!name || !names.includes(name)) {
    process.stderr.write(
      `${name ? `Unknown bench "${name}". ` : ''}Usage: npm run bench -- NAME [options]\nAvailable benches: ${names.join(', ') || '(none)'}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const mod = (await import(pathToFileURL(join(here, `${name}${SUFFIX}`)).href)) as Partial<BenchModule>;
  if (typeof mod.run !== 'function') throw new Error(`${name}${SUFFIX} does not export run(args)`);
  const result = await mod.run(args);
  printJsonLine({ bench: name, ...result });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
