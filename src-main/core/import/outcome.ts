// What became of one row, for the preview: the values as they will be stored and what the
// import will do with them (or, for a rejected row, its problem code and parameters).
import type { Problem } from '../../shared/problems';

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'merged' | 'existing' | 'duplicate' | 'rejected';

export interface RowOutcome {
  line: number;
  status: RowStatus;
  /** The row as it will be stored (dates as epoch ms, amounts in cents), or null when unreadable. */
  values: unknown;
  problem?: Problem;
  customerId?: number;
}
