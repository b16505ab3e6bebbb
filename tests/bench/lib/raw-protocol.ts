// What the import bench's raw-limit worker (raw-parse-worker.ts) and its writer (raw-import.ts)
// send each other.

/** Cells per row: the order-lines file's columns, and the raw table's. */
export const RAW_COLUMNS = 10;

export interface RawBatch {
  type: 'batch';
  rows: number;
  text: string;
  /** End of each cell in `text`, RAW_COLUMNS per row. */
  ends: Int32Array<ArrayBuffer>;
}

/** 'ready': its modules are loaded and it waits for the file. */
export type FromRawWorker = { type: 'ready' } | RawBatch | { type: 'done'; rows: number } | { type: 'error'; message: string };

export interface ToRawWorker {
  file: string;
  /** Int32 slot: batches sent and not yet written. */
  control: SharedArrayBuffer;
}
