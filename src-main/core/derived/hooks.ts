// Derived state (search rows, customer metrics, "customer since"; later sentiment, segments and
// predictions) is kept true by hooks that the write path runs after it writes, inside the same
// transaction, so derived data commits or rolls back with the write that caused it. Callers
// never keep it in step themselves.
//
// To derive something new, write a DerivedHook beside its domain and add it to DERIVED below:
// e.g. "derive sentiment for new interactions" is one hook that follows 'interaction', scores
// the ids of a single write in afterWrite and the rows added after bulk.addedAfter('interaction')
// in afterBulk. Work that takes minutes (a model) belongs in a job that follows the change bus
// instead; a hook must be quick enough to run inside the write's transaction.
import type Database from 'better-sqlite3';
import type { RecordType } from '../../shared/change-kinds';
import { customerSearchRows } from '../customers/search-hook';
import { interactionSearchRows } from '../interactions/search-hook';
import { customerMetrics } from '../orders/metrics';
import { customerSince } from '../customers/since';
import { sentimentRows } from '../sentiment/derive-hook';
import { customerSegmentsHook } from '../segments/update-one';
import { salesDays } from '../dashboard/sales-days';
import { customerPredictionsHook } from '../predict/update-one';
import type { BulkScope } from './bulk-scope';

/** What one single-record write changed. */
export interface Written {
  type: RecordType;
  op: 'create' | 'update' | 'delete';
  ids: number[];
  /** The customers the records hang off (for a customer write, its own id). */
  customerIds: number[];
}

export interface DerivedHook {
  name: string;
  /** The record types whose writes change what this hook derives. */
  follows: readonly RecordType[];
  /** After a single-record write of a followed type. */
  afterWrite(sqlite: Database.Database, written: Written): void;
  /** After a bulk write (import, sample shop chunk) that touched a followed type. */
  afterBulk(sqlite: Database.Database, bulk: BulkScope): void;
  /**
   * Optional work ahead during a bulk write, in the moments the writer would otherwise wait for
   * its reader; whatever it does here, afterBulk must not do again (keep progress in the scope).
   */
  ahead?(sqlite: Database.Database, bulk: BulkScope): void;
}

/** Every derived-state hook, in the order they run (metrics before what may read them). */
export const DERIVED: readonly DerivedHook[] = [customerMetrics, salesDays, customerSegmentsHook, customerSince, customerSearchRows, interactionSearchRows, sentimentRows, customerPredictionsHook];

export function runAfterWrite(sqlite: Database.Database, written: Written): void {
  for (const hook of DERIVED) if (hook.follows.includes(written.type)) hook.afterWrite(sqlite, written);
}

export function runAfterBulk(sqlite: Database.Database, bulk: BulkScope): void {
  for (const hook of DERIVED) if (hook.follows.some((t) => bulk.touched(t))) hook.afterBulk(sqlite, bulk);
}

export function runAhead(sqlite: Database.Database, bulk: BulkScope): void {
  for (const hook of DERIVED) if (hook.ahead && hook.follows.some((t) => bulk.touched(t))) hook.ahead(sqlite, bulk);
}
