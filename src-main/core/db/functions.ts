// SQL functions Patron registers on every connection, before the migrations run: a migration
// may call them to fill a derived column for the rows already there.
import type Database from 'better-sqlite3';
import { customerSortKey } from '../customers/sort-key';
import { registerAuditFunctions } from '../privacy/audit-log';

export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function('customer_sort_key', { deterministic: true }, (name: unknown) => customerSortKey(String(name ?? '')));
  // The audit log's triggers (migration 0008) call these.
  registerAuditFunctions(sqlite);
}
