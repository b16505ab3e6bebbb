// Change events: the write path records what it changed inside its transaction; the bus emits
// one event per commit, after the commit, so a listener never sees a change that was rolled back.
// One bus per connection (the core has one), found from the connection so the write path needs
// no extra argument threaded through every call.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { Change, ChangeEvent, RecordType } from '../../shared/change-kinds';

export class ChangeBus {
  readonly events = new EventEmitter();
  private pending: Change[] = [];
  private depth = 0;
  private seq = 0;

  constructor(private readonly sqlite: Database.Database) {
    this.events.setMaxListeners(200);
  }

  /**
   * Runs `work` in one transaction (a savepoint when nested) and emits what it recorded once the
   * outermost transaction has committed. A throw rolls back and drops the recorded changes.
   */
  write<T>(work: () => T): T {
    const outermost = this.depth === 0 && !this.sqlite.inTransaction;
    this.depth++;
    let result: T;
    try {
      result = this.sqlite.transaction(work)();
    } catch (err) {
      if (outermost) this.pending = [];
      throw err;
    } finally {
      this.depth--;
    }
    if (outermost) this.flush();
    return result;
  }

  /** Records a change; emitted after the surrounding commit (at once when outside a transaction). */
  record(type: RecordType, op: Change['op'], ids: number[] = [], customerIds: number[] = []): void {
    this.pending.push({ type, op, ids, customerIds });
    if (this.depth === 0 && !this.sqlite.inTransaction) this.flush();
  }

  /**
   * Emits what was recorded. Work that commits by its own means (a job step, an import's
   * BEGIN...COMMIT held across awaits) calls this after its COMMIT.
   */
  flush(): void {
    if (!this.pending.length) return;
    const event: ChangeEvent = { seq: ++this.seq, at: Date.now(), changes: merge(this.pending) };
    this.pending = [];
    this.events.emit('change', event);
  }

  /** Drops what was recorded (work that rolled back by its own means). */
  discard(): void {
    this.pending = [];
  }

  on(listener: (event: ChangeEvent) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }
}

/** One entry per type and op, ids de-duplicated: a bulk write records thousands of rows. */
function merge(changes: Change[]): Change[] {
  const byKey = new Map<string, { type: RecordType; op: Change['op']; ids: Set<number>; customerIds: Set<number> }>();
  for (const c of changes) {
    const key = `${c.type}:${c.op}`;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = { type: c.type, op: c.op, ids: new Set(), customerIds: new Set() }));
    for (const id of c.ids) m.ids.add(id);
    for (const id of c.customerIds) m.customerIds.add(id);
  }
  return [...byKey.values()].map((m) => ({ type: m.type, op: m.op, ids: [...m.ids], customerIds: [...m.customerIds] }));
}

const buses = new WeakMap<Database.Database, ChangeBus>();

/** The connection's bus, made on first use. */
export function changeBus(sqlite: Database.Database): ChangeBus {
  let bus = buses.get(sqlite);
  if (!bus) buses.set(sqlite, (bus = new ChangeBus(sqlite)));
  return bus;
}
