// The audit log's writing side. The row triggers (resources/migrations/0008_privacy.sql) record
// every change to the data people enter in the same statement as the change, so an entry commits
// or rolls back with it; they call the functions registered here for who acts (the call's actor,
// core/privacy/actor.ts), when, and what changed. Bulk work (an import, the sample shop, an
// export) turns the row triggers off on its connection and writes one summary entry instead.
// The log cannot be edited: BEFORE UPDATE/DELETE triggers abort, except for the one redaction an
// erasure makes (values blanked, the entries kept).
import type Database from 'better-sqlite3';
import type { AuditAction } from '../../shared/privacy';
import { currentActor } from './actor';

interface AuditState {
  /** Bulk work in progress on this connection: row triggers record nothing while above 0. */
  suspended: number;
  /** True only inside redactCustomerAudit: the one edit the log allows. */
  redacting: boolean;
}

const states = new WeakMap<Database.Database, AuditState>();

function stateOf(sqlite: Database.Database): AuditState {
  let s = states.get(sqlite);
  if (!s) {
    s = { suspended: 0, redacting: false };
    states.set(sqlite, s);
  }
  return s;
}

/** What a secret field (a PIN's hash) is recorded as: that it was set, never its value. */
const HIDDEN = '***';

/**
 * `{field: [before, after]}` for the fields whose values differ between two JSON objects (either
 * may be NULL: a created or deleted row). Fields named in `secret` are recorded as "***".
 */
export function auditDiff(before: string | null, after: string | null, secret: string | null = null): string | null {
  const a = before == null ? {} : (JSON.parse(before) as Record<string, unknown>);
  const b = after == null ? {} : (JSON.parse(after) as Record<string, unknown>);
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? null;
    const y = b[key] ?? null;
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    out[key] = key === secret ? [x == null ? null : HIDDEN, y == null ? null : HIDDEN] : [x, y];
  }
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

/** Registers the functions the audit triggers call (db/functions.ts, on every connection). */
export function registerAuditFunctions(sqlite: Database.Database): void {
  const state = stateOf(sqlite);
  sqlite.function('patron_audit_on', { deterministic: false }, () => (state.suspended > 0 ? 0 : 1));
  sqlite.function('patron_audit_redacting', { deterministic: false }, () => (state.redacting ? 1 : 0));
  sqlite.function('patron_now', { deterministic: false }, () => Date.now());
  sqlite.function('patron_actor_id', { deterministic: false }, () => currentActor().profileId);
  sqlite.function('patron_actor_name', { deterministic: false }, () => currentActor().profileName);
  sqlite.function('patron_diff', { deterministic: false, varargs: true }, (...args: unknown[]) =>
    auditDiff((args[0] as string | null) ?? null, (args[1] as string | null) ?? null, (args[2] as string | null | undefined) ?? null),
  );
}

export interface AuditInput {
  action: AuditAction;
  recordType: string;
  recordId?: number | null;
  customerId?: number | null;
  changes?: Record<string, [unknown, unknown]> | null;
  detail?: Record<string, unknown> | null;
}

/** Writes one entry as the current actor; inside the caller's transaction when there is one. */
export function recordAudit(sqlite: Database.Database, entry: AuditInput): number {
  const actor = currentActor();
  const info = sqlite
    .prepare(
      `INSERT INTO audit_log (at, profile_id, profile_name, action, record_type, record_id, customer_id, changes, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      Date.now(),
      actor.profileId,
      actor.profileName,
      entry.action,
      entry.recordType,
      entry.recordId ?? null,
      entry.customerId ?? null,
      entry.changes ? JSON.stringify(entry.changes) : null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    );
  return Number(info.lastInsertRowid);
}

/** Turns the row triggers off on this connection until the returned function is called (once). */
export function suspendAudit(sqlite: Database.Database): () => void {
  const state = stateOf(sqlite);
  state.suspended++;
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    state.suspended--;
  };
}

/**
 * Runs `work` with the row triggers off on this connection (sync or async work: they stay off
 * until it settles). For bulk work that writes its own summary entry, and for the app's own
 * derived writes. Writes other calls make on the connection meanwhile are not recorded either;
 * the bulk jobs hold the write gate, so none should.
 */
export function withoutAudit<T>(sqlite: Database.Database, work: () => T): T {
  const state = stateOf(sqlite);
  state.suspended++;
  let result: T;
  try {
    result = work();
  } catch (err) {
    state.suspended--;
    throw err;
  }
  if (result instanceof Promise) {
    return result.finally(() => {
      state.suspended--;
    }) as T;
  }
  state.suspended--;
  return result;
}

/**
 * A bulk action as ONE entry: `work` runs with the row triggers off, then its summary (from the
 * result; null to record nothing) is written. Call it inside the work's transaction so the entry
 * commits with it.
 */
export function auditBulk<T>(sqlite: Database.Database, summary: (result: T) => AuditInput | null, work: () => T): T {
  const result = withoutAudit(sqlite, work);
  const write = (r: T) => {
    const entry = summary(r);
    if (entry) recordAudit(sqlite, entry);
    return r;
  };
  if (result instanceof Promise) return result.then((r) => write(r as T)) as T;
  return write(result);
}

/**
 * Erasure: blanks what the log says about one customer (values changed and details) and keeps
 * that each change happened. The only edit the log's triggers let through.
 */
export function redactCustomerAudit(sqlite: Database.Database, customerId: number): number {
  const state = stateOf(sqlite);
  state.redacting = true;
  try {
    return sqlite
      .prepare('UPDATE audit_log SET changes = NULL, detail = NULL WHERE customer_id = ? AND (changes IS NOT NULL OR detail IS NOT NULL)')
      .run(customerId).changes;
  } finally {
    state.redacting = false;
  }
}
