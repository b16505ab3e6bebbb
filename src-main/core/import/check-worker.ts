// Worker-thread entry: reads the file and checks its rows while the importing thread writes the
// rows checked before (see checked-rows.ts). Batches go out packed (row-codec.ts); when the
// writer is MAX_BEHIND batches behind, this thread waits, so memory stays flat on any file size.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { RowChecker } from './check-row';
import type { CheckWorkerData, FromCheckWorker, ToCheckWorker } from './checked-rows';
import { streamSource } from './read-source';
import { BatchEncoder } from './row-codec';

const MAX_BEHIND = 16;
/** Batches queued for the writer from which this thread counts as ahead of it. */
const WRITER_BEHIND = 1;
/**
 * Rows per batch: enough to make a message's fixed cost small; few enough that a batch's text
 * stays a small heap object, which the writer's young-generation GC frees at once.
 */
const BATCH_ROWS = 500;

const post = (m: FromCheckWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

/** Reads and checks the whole file, sending the rows in batches. */
async function run({ layout, settings, control }: CheckWorkerData): Promise<void> {
  const behind = new Int32Array(control);
  // This thread analyses messages only while the writer is behind it (it has time to spare then).
  const checker = new RowChecker(settings, () => Atomics.load(behind, 0) >= WRITER_BEHIND);
  const encoder = new BatchEncoder(settings.kind);
  let bytes = 0;
  const send = () => {
    if (!encoder.rows) return;
    const batch = encoder.finish();
    Atomics.add(behind, 0, 1);
    post({ type: 'batch', batch, bytes }, [batch.ends.buffer as ArrayBuffer, batch.nums.buffer as ArrayBuffer]);
    for (let n = Atomics.load(behind, 0); n >= MAX_BEHIND; n = Atomics.load(behind, 0)) Atomics.wait(behind, 0, n);
  };
  await streamSource(
    layout,
    (rows) => {
      for (let i = 0; i < rows.length; i++) encoder.add(rows[i].line, rows[i].cells, checker.check(rows[i]));
      if (encoder.rows >= BATCH_ROWS) send();
    },
    { onBytes: (b) => (bytes = b) },
  );
  send();
  post({ type: 'done', bytes });
}

// The worker may be started before the file is known (see warmUpCheckWorker): it waits for it.
parentPort!.once('message', (m: ToCheckWorker) => {
  run(m.data).catch((err: unknown) => {
    // The same shape as every other error: the importing thread raises it again as an AppError.
    post({ type: 'error', error: err instanceof AppError ? err.toShape() : { message: err instanceof Error ? err.message : String(err) } });
  });
});
