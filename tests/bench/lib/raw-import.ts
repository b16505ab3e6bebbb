// The import bench's two plain loads of the order-lines file into one 10-column table, in one
// transaction, nothing checked (import.bench.ts compares the app against them):
//   rawLimit  — with the techniques the app's import uses for speed: the file is read in a worker
//               thread (the app's CSV reader) while this thread writes, rows travel packed and
//               transferred with the app's back-pressure (import/checked-rows.ts, check-worker.ts),
//               and rows are written 16 per INSERT (db/batched-insert.ts). The fastest plain load,
//               and the one "app / raw" is measured against;
//   rawSimple — the same reader on this thread and one prepared INSERT per row: the limit the bench
//               used before, kept to show what the two techniques are worth by themselves.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startCore } from '../../../src-main/core/core';
import { BatchedInsert } from '../../../src-main/core/db/batched-insert';
import { streamCsv } from '../../../src-main/core/import/read-csv';
import { RAW_COLUMNS, type FromRawWorker, type ToRawWorker } from './raw-protocol';

export interface RawRun {
  rows: number;
  seconds: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = join(here, '..', '..', '..', 'resources');
const COLUMNS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
/** The young-generation size the app gives its reading worker (checked-rows.ts, LIMITS). */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 48 };

function openRawTable(dir: string) {
  const core = startCore({ dataDir: dir, resourcesDir, noResume: true });
  core.sqlite.exec(`CREATE TABLE raw_lines (${COLUMNS.join(', ')})`);
  return core;
}

export async function rawSimple(dir: string, file: string): Promise<RawRun> {
  const core = openRawTable(dir);
  const { sqlite } = core;
  const insert = sqlite.prepare(`INSERT INTO raw_lines VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  let rows = 0;
  const t0 = performance.now();
  sqlite.exec('BEGIN IMMEDIATE');
  await streamCsv(file, { encoding: 'utf-8', delimiter: ',', newline: '\n' }, (batch) => {
    for (let i = 0; i < batch.length; i++) {
      if (batch[i].line === 1) continue;
      insert.run(batch[i].cells);
      rows++;
    }
  });
  sqlite.exec('COMMIT');
  const seconds = (performance.now() - t0) / 1000;
  await core.close();
  return { rows, seconds };
}

/**
 * Starts the reading worker and waits until its modules are loaded, before the clock starts: the
 * limit should be the fastest plain load (the app starts its worker at the job's start, while it
 * sets up, and its time includes whatever of that start-up is not hidden).
 */
async function startReader(): Promise<Worker> {
  const boot = join(here, '..', '..', '..', 'src-main', 'core', 'tsx-worker-boot.mjs');
  const entry = pathToFileURL(join(here, 'raw-parse-worker.ts')).href;
  const worker = new Worker(boot, { argv: [entry], resourceLimits: WORKER_LIMITS });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: FromRawWorker) => (m.type === 'ready' ? resolve() : reject(new Error(`the raw reader said ${m.type} before ready`))));
    worker.once('error', reject);
  });
  return worker;
}

export async function rawLimit(dir: string, file: string): Promise<RawRun> {
  const core = openRawTable(dir);
  const { sqlite } = core;
  const insert = new BatchedInsert(sqlite, 'raw_lines', COLUMNS);
  const worker = await startReader();
  const control = new SharedArrayBuffer(4);
  const behind = new Int32Array(control);
  let rows = 0;
  const t0 = performance.now();
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromRawWorker) => {
        try {
          if (m.type === 'batch') {
            const { text, ends } = m;
            let pos = 0;
            for (let at = 0; at < ends.length; at += RAW_COLUMNS) {
              insert.add(
                text.slice(pos, ends[at]),
                text.slice(ends[at], ends[at + 1]),
                text.slice(ends[at + 1], ends[at + 2]),
                text.slice(ends[at + 2], ends[at + 3]),
                text.slice(ends[at + 3], ends[at + 4]),
                text.slice(ends[at + 4], ends[at + 5]),
                text.slice(ends[at + 5], ends[at + 6]),
                text.slice(ends[at + 6], ends[at + 7]),
                text.slice(ends[at + 7], ends[at + 8]),
                text.slice(ends[at + 8], ends[at + 9]),
              );
              pos = ends[at + 9];
            }
            rows += m.rows;
            Atomics.sub(behind, 0, 1);
            Atomics.notify(behind, 0);
          } else if (m.type === 'done') {
            if (m.rows !== rows) throw new Error(`the raw reader sent ${m.rows} rows, ${rows} arrived`);
            resolve();
          } else if (m.type === 'error') reject(new Error(`the raw reader failed: ${m.message}`));
        } catch (err) {
          reject(err);
        }
      });
      worker.on('error', reject);
      worker.postMessage({ file, control } satisfies ToRawWorker);
    });
    insert.flush();
    sqlite.exec('COMMIT');
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    await worker.terminate();
  }
  const seconds = (performance.now() - t0) / 1000;
  await core.close();
  return { rows, seconds };
}
