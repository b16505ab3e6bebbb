// `npm run sample -- [--seed 42] [--customers 2000] [--data-dir DIR] [--anchor EPOCH_MS]`:
// loads the sample shop into a data folder (replacing an earlier sample shop there).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../src-main/core/core';
import type { JobEvent } from '../src-main/core/jobs/runner';
import { SAMPLE_JOB_KIND } from '../src-main/core/sample/sample-job';
import { defaultDataDir } from '../src-main/web/data-dir';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`--${name} needs a value`);
    process.exit(2);
  }
  return value;
}

function intArg(name: string): number | undefined {
  const raw = arg(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) {
    console.error(`--${name} must be a whole number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log('npm run sample -- [--seed 42] [--customers 2000] [--data-dir DIR] [--anchor EPOCH_MS]');
    return;
  }
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = arg('data-dir') ?? defaultDataDir();
  const input = { seed: intArg('seed'), customers: intArg('customers'), anchor: intArg('anchor') };
  const started = Date.now();
  const core = startCore({ dataDir, resourcesDir: join(repo, 'resources') });
  console.log(`Database: ${core.paths.dbFile}`);
  let jobId = -1;
  let lastLine = '';
  core.jobs.events.on('job', (e: JobEvent) => {
    if (e.id !== jobId) return;
    const line = `${e.status}: ${e.done}/${e.total} customers`;
    if (line !== lastLine) console.log(line);
    lastLine = line;
  });
  try {
    jobId = core.jobs.start(SAMPLE_JOB_KIND, input);
    await core.jobs.idle();
    const job = core.jobs.get(jobId);
    if (job.status !== 'done') {
      console.error(`The sample shop job ended ${job.status}: ${job.error?.message ?? ''}`);
      process.exitCode = 1;
      return;
    }
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s:`, job.result);
  } finally {
    await core.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
