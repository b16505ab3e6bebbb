// `audit [--limit N] [--json] [--customer ID] [--action A]`: the newest audit-log entries, who made
// each change and what it changed, as the Audit log page lists them.
import { AUDIT_ACTIONS, type AuditAction, type AuditFilter } from '../shared/privacy';
import { listAudit, type AuditListEntry } from '../core/privacy/audit-query';
import { intOption, parse, UsageError } from './args';
import { dataDirOf, withCore } from './open-core';
import { count, say } from './output';

export const AUDIT_USAGE = `npm run cli -- audit [--limit 50] [--json] [--customer ID] [--action ACTION] [--data-dir DIR]

Lists the newest entries of the audit log: when, which profile, what was done to which record,
and the fields changed (before → after).

  --limit N              how many entries to list (1 to 10,000; default 50)
  --customer ID          only the entries about this customer
  --action ACTION        only this action: ${AUDIT_ACTIONS.join(', ')}
  --json                 print only the JSON line
  --data-dir DIR         the data folder (default: the app's)

Ends with one JSON line: {"entries": [{id, at, profileName, action, recordType, recordId, customerId, changes, detail}, ...], "more": true|false}.`;

const clip = (v: unknown, max = 60) => {
  const s = v == null ? '∅' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

function line(e: AuditListEntry): string {
  const who = e.profileName ?? 'owner';
  const what = `${e.recordType}${e.recordId != null ? ` #${e.recordId}` : ''}${e.customerId != null && e.recordType !== 'customer' ? ` (customer #${e.customerId})` : ''}`;
  // Local time for the person ("sv" writes it as 2024-03-01 14:30:00); epoch ms in the JSON.
  return `#${e.id}  ${new Date(e.at).toLocaleString('sv')}  ${who}  ${e.action} ${what}`;
}

export async function auditCommand(argv: string[]): Promise<{ entries: AuditListEntry[]; more: boolean }> {
  const { values, positionals } = parse(argv, { limit: { type: 'string' }, json: { type: 'boolean' }, customer: { type: 'string' }, action: { type: 'string' } });
  if (positionals.length) throw new UsageError(`audit takes no file or list (got "${positionals[0]}").`);
  const limit = intOption(values.limit, 'limit', 1, 10_000) ?? 50;
  const filter: AuditFilter = {};
  const customer = intOption(values.customer, 'customer', 1, Number.MAX_SAFE_INTEGER);
  if (customer !== undefined) filter.customerId = customer;
  if (values.action !== undefined) {
    if (!(AUDIT_ACTIONS as readonly string[]).includes(values.action)) throw new UsageError(`--action is one of ${AUDIT_ACTIONS.join(', ')} (got "${values.action}").`, 'action');
    filter.action = values.action as AuditAction;
  }
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    const page = listAudit(core.sqlite, filter, null, limit);
    if (!values.json) {
      if (!page.entries.length) say('The audit log has no entries that match.');
      else say(`The newest ${count(page.entries.length, 'entry', 'entries')}:`);
      for (const e of page.entries) {
        say(line(e));
        for (const [field, [before, after]] of Object.entries(e.changes ?? {})) say(`    ${field}: ${clip(before)} → ${clip(after)}`);
        if (e.detail) say(`    ${clip(e.detail, 160)}`);
      }
    }
    return { entries: page.entries, more: page.nextCursor !== null };
  });
}
