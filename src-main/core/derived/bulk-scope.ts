// What a bulk write (an import, a chunk of the sample shop) added and changed, for the derived-
// state hooks to catch up on in sweeps: rows are added with ids above each table's maximum at the
// start (SQLite gives rowids in order), and existing records it changed are named one by one.
import type Database from 'better-sqlite3';
import type { RecordType } from '../../shared/change-kinds';
import { changeBus } from '../changes/bus';
import { runAfterBulk, runAhead } from './hooks';

const TABLES: Partial<Record<RecordType, string>> = {
  customer: 'customers',
  company: 'companies',
  tag: 'tags',
  order: 'orders',
  interaction: 'interactions',
  feedback: 'feedback',
  note: 'notes',
  task: 'tasks',
};

export class BulkScope {
  private readonly start = new Map<RecordType, number>();
  private readonly changedIds = new Map<RecordType, Set<number>>();
  private readonly extra = new Set<RecordType>();
  /** Per-hook progress (how far `ahead` got), so afterBulk does not repeat it. */
  readonly progress = new Map<string, number>();

  constructor(private readonly sqlite: Database.Database) {
    for (const [type, table] of Object.entries(TABLES) as [RecordType, string][]) {
      this.start.set(type, sqlite.prepare(`SELECT coalesce(max(id), 0) FROM "${table}"`).pluck().get() as number);
    }
  }

  /** Rows of `type` with an id above this were added by the bulk write. */
  addedAfter(type: RecordType): number {
    return this.start.get(type) ?? 0;
  }

  /** The highest id of `type` now. */
  maxId(type: RecordType): number {
    const table = TABLES[type];
    return table ? (this.sqlite.prepare(`SELECT coalesce(max(id), 0) FROM "${table}"`).pluck().get() as number) : 0;
  }

  /** An existing record (from before the bulk write) changed. */
  changed(type: RecordType, id: number): void {
    let set = this.changedIds.get(type);
    if (!set) this.changedIds.set(type, (set = new Set()));
    set.add(id);
  }

  /** Records of `type` were deleted or rewritten wholesale (no ids to name). */
  touchedAll(type: RecordType): void {
    this.extra.add(type);
  }

  changedOf(type: RecordType): ReadonlySet<number> {
    return this.changedIds.get(type) ?? new Set();
  }

  /** Whether the bulk write added or changed records of `type`. */
  touched(type: RecordType): boolean {
    return this.extra.has(type) || (this.changedIds.get(type)?.size ?? 0) > 0 || this.maxId(type) > this.addedAfter(type);
  }

  /** Derived work ahead of the end, while the writer waits for more rows. */
  ahead(): void {
    runAhead(this.sqlite, this);
  }

  /**
   * Brings every derived state up to date and records a 'bulk' change for each record type the
   * write touched. Call inside the bulk write's transaction, before it commits: the change is
   * emitted by whoever commits it (changeBus.flush after COMMIT), dropped on a rollback (discard).
   */
  finish(): void {
    runAfterBulk(this.sqlite, this);
    const bus = changeBus(this.sqlite);
    for (const type of Object.keys(TABLES) as RecordType[]) if (this.touched(type)) bus.record(type, 'bulk');
  }
}
