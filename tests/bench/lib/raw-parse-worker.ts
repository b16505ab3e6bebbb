// Worker-thread entry for the import bench's raw limit: reads the CSV with the app's reader and
// sends its rows to the writing thread packed as the app's checking worker sends them (one string
// of every cell end to end plus each cell's end offset, transferred, not cloned), with the same
// back-pressure; but nothing is checked or parsed beyond the CSV itself. See raw-import.ts.
import { parentPort } from 'node:worker_threads';
import { streamCsv } from '../../../src-main/core/import/read-csv';
import { RAW_COLUMNS, type FromRawWorker, type RawBatch, type ToRawWorker } from './raw-protocol';

/** As the app's worker (check-worker.ts): rows per message, and batches in flight at most. */
const BATCH_ROWS = 500;
const MAX_BEHIND = 16;

const post = (m: FromRawWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function run({ file, control }: ToRawWorker): Promise<void> {
  const behind = new Int32Array(control);
  let parts: string[] = [];
  let ends = new Int32Array(BATCH_ROWS * RAW_COLUMNS * 2);
  let n = 0;
  let pos = 0;
  let rows = 0;
  let total = 0;
  const send = () => {
    if (!rows) return;
    const batch: RawBatch = { type: 'batch', rows, text: parts.join(''), ends: ends.slice(0, n) };
    Atomics.add(behind, 0, 1);
    post(batch, [batch.ends.buffer]);
    parts = [];
    n = pos = rows = 0;
    for (let b = Atomics.load(behind, 0); b >= MAX_BEHIND; b = Atomics.load(behind, 0)) Atomics.wait(behind, 0, b);
  };
  await streamCsv(file, { encoding: 'utf-8', delimiter: ',', newline: '\n' }, (batch) => {
    for (let i = 0; i < batch.length; i++) {
      if (batch[i].line === 1) continue;
      const cells = batch[i].cells;
      if (n + RAW_COLUMNS > ends.length) {
        const bigger = new Int32Array(ends.length * 2);
        bigger.set(ends);
        ends = bigger;
      }
      for (let c = 0; c < RAW_COLUMNS; c++) {
        const cell = cells[c] ?? '';
        parts.push(cell);
        ends[n++] = pos += cell.length;
      }
      rows++;
      total++;
    }
    if (rows >= BATCH_ROWS) send();
  });
  send();
  post({ type: 'done', rows: total });
}

parentPort!.once('message', (m: ToRawWorker) => {
  run(m).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
post({ type: 'ready' });
