// CONTRACT STUB (replaced by the inbox helper): open inbound messages by urgency, one message, response times.
import type Database from 'better-sqlite3';
import type { InboxFilter, InboxItem, InboxStats } from '../../shared/inbox';

const notBuilt = (): never => {
  throw new Error('inbox not built yet');
};

/** Open inbound messages matching the filter, most urgent first; `total` counts every match. */
export function inboxList(sqlite: Database.Database, filter: InboxFilter, limit: number, now = Date.now()): { items: InboxItem[]; total: number } {
  void [sqlite, filter, limit, now];
  return notBuilt();
}

/** One message (open or not) with its full text, as the draft panel shows it. */
export function inboxMessage(sqlite: Database.Database, id: number, now = Date.now()): InboxItem & { handled: boolean; handledAt: number | null } {
  void [sqlite, id, now];
  return notBuilt();
}

export function inboxStats(sqlite: Database.Database, now = Date.now()): InboxStats {
  void [sqlite, now];
  return notBuilt();
}
