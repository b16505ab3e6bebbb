// The app's import path as the import bench times it: an order-lines CSV (tests/fixtures/
// import-files.ts writeOrderLines) imported by an import job started and awaited through the job
// runner, as the UI does, with the job's peak RSS. Shared with the encryption bench.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../../../src-main/core/core';
import { IMPORT_JOB_KIND } from '../../../src-main/core/import/import-job';
import type { ImportSummary } from '../../../src-main/core/import/importer';
import { log } from './report';

const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources');
/** The columns of writeOrderLines' CSV, mapped to the import's fields. */
export const MAPPING = { order_no: 0, ordered_at: 1, customer_name: 2, customer_email: 3, customer_phone: 4, product_sku: 5, product_name: 6, quantity: 7, unit_price: 8, status: 9 };

/**
 * Peak RSS since the last reset. On Linux, the kernel's own high-water mark (VmHWM), reset by
 * writing 5 to clear_refs: exact, and it counts the moments the event loop is too busy for a timer
 * to sample. Elsewhere, sampled every 20 ms (a lower bound).
 */
function peakRssMeter(): { how: 'kernel high-water mark' | 'sampled every 20 ms'; reset(): void; read(): number; stop(): void } {
  const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
  let kernel: boolean;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    kernel = hwm() > 0;
  } catch {
    kernel = false;
  }
  let peak = process.memoryUsage().rss;
  const timer = kernel ? null : setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    how: kernel ? 'kernel high-water mark' : 'sampled every 20 ms',
    reset: () => (kernel ? writeFileSync('/proc/self/clear_refs', '5') : (peak = process.memoryUsage().rss)),
    read: () => (kernel ? hwm() : Math.max(peak, process.memoryUsage().rss)),
    stop: () => timer && clearInterval(timer),
  };
}

export interface AppRun {
  summary: ImportSummary;
  seconds: number;
  followSeconds: number;
  /** Peak RSS of the import job itself (bytes), and of the jobs its commit sets off, measured apart. */
  peak: number;
  followPeak: number;
  peakHow: string;
}

export async function appImport(dir: string, file: string, passphrase?: string): Promise<AppRun> {
  const core = startCore({ dataDir: dir, resourcesDir, noResume: true, passphrase });
  const meter = peakRssMeter();
  let peak = 0;
  const t0 = performance.now();
  let lastLog = 0;
  // The import's own time ends when its job is done (committed, every derived row written in its
  // transaction); the jobs its commit sets off (the segments recompute) are timed apart.
  let importDone = 0;
  let id = 0;
  core.jobs.events.on('job', (e: { id: number; status: string }) => {
    if (e.id === id && e.status === 'done' && !importDone) {
      importDone = performance.now();
      // The import's own peak ends here; the follow-up jobs (dashboard days, segments,
      // predictions) have not started yet: jobs run one at a time.
      peak = meter.read();
      meter.reset();
    }
  });
  core.jobs.events.on('job', (e: { done: number; total: number; ratePerSec: number | null }) => {
    if (performance.now() - lastLog > 2000) {
      lastLog = performance.now();
      log(`  app: ${e.done.toLocaleString('en')} / ~${e.total.toLocaleString('en')} rows${e.ratePerSec ? `, ${Math.round(e.ratePerSec).toLocaleString('en')} rows/s` : ''}`);
    }
  });
  id = core.jobs.start(IMPORT_JOB_KIND, { source: { path: file }, kind: 'orders', mapping: MAPPING });
  await core.jobs.idle();
  const end = performance.now();
  const followPeak = meter.read();
  meter.stop();
  const seconds = ((importDone || end) - t0) / 1000;
  const job = core.jobs.get(id);
  await core.close();
  if (job.status !== 'done') throw new Error(`the import job ended ${job.status}: ${JSON.stringify(job.error)}`);
  return { summary: job.result as ImportSummary, seconds, followSeconds: (end - (importDone || end)) / 1000, peak, followPeak, peakHow: meter.how };
}
