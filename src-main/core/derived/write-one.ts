// The single-record mode of every write path (the UI's calls): one transaction on the change
// bus, the derived-state hooks run after the write inside it, and the change recorded so the bus
// emits it once the transaction has committed (nothing is emitted after a rollback).
import type Database from 'better-sqlite3';
import type { RecordType } from '../../shared/change-kinds';
import { changeBus } from '../changes/bus';
import { runAfterWrite } from './hooks';

export interface WriteResult<T> {
  value: T;
  /** The records written; empty when nothing changed (nothing is recorded then). */
  ids: number[];
  customerIds: number[];
}

export function writeOne<T>(sqlite: Database.Database, type: RecordType, op: 'create' | 'update' | 'delete', work: () => WriteResult<T>): T {
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const { value, ids, customerIds } = work();
    if (!ids.length) return value;
    runAfterWrite(sqlite, { type, op, ids, customerIds });
    bus.record(type, op, ids, customerIds);
    return value;
  });
}
