// What became of one row, for the preview: the values as they will be stored and what the
// import will do with them.
export type RowStatus = 'created' | 'updated' | 'unchanged' | 'merged' | 'existing' | 'duplicate' | 'rejected';

export interface RowOutcome {
  line: number;
  status: RowStatus;
  /** The row as it will be stored (dates as epoch ms, amounts in cents), or null when unreadable. */
  values: unknown;
  reason?: string;
  customerId?: number;
}
