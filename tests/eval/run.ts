// `npm run eval -- NAME [options]`: runs tests/eval/NAME.eval.ts, whose module exports
// `run(args)`; prints a table and, as the last line of stdout, the result as one JSON line.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printJsonLine, type BenchModule } from '../bench/lib/report';

const here = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.eval.ts';

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const names = readdirSync(here)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
  if (!name || !names.includes(name)) {
    process.stderr.write(`${name ? `Unknown eval "${name}". ` : ''}Usage: npm run eval -- NAME [options]\nAvailable: ${names.join(', ')}\n`);
    process.exitCode = 1;
    return;
  }
  const mod = (await import(pathToFileURL(join(here, `${name}${SUFFIX}`)).href)) as Partial<BenchModule>;
  if (typeof mod.run !== 'function') throw new Error(`${name}${SUFFIX} does not export run(args)`);
  printJsonLine({ eval: name, ...(await mod.run(args)) });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
