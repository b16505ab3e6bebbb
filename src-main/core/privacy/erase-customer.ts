// Erasing a customer (GDPR art. 17, PIPL art. 47), in ONE transaction on the write path. The owner
// chooses: keep their orders as anonymised totals (the default: the customer row stays as a
// nameless "Erased customer" with `erased_at` set, so revenue, sales days and product figures stay
// true), or delete everything including the orders. Either way every text about them (messages,
// feedback, notes, tasks, tags, sentiment, campaign messages, search rows, the values in earlier
// audit entries) goes, and the audit log keeps ONE entry that an erasure happened, naming nothing.
import type Database from 'better-sqlite3';
import { changeBus } from '../changes/bus';
import { notFound } from '../errors';
import { auditBulk, redactCustomerAudit } from './audit-log';

/** What an erased customer's row is called in the database; the screens word it per language. */
export const ERASED_NAME = 'Erased customer';
/** Settings key: how many customers were erased with their orders kept (lists filter only when > 0). */
export const ERASED_COUNT_KEY = 'privacy.erasedCustomers';

export interface EraseResult {
  customerId: number;
  keptOrders: number;
  deletedOrders: number;
}

/** True once any customer row stands erased: the people lists then leave such rows out. */
export function anyErased(sqlite: Database.Database): boolean {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ERASED_COUNT_KEY) as string | undefined;
  return raw !== undefined && Number(JSON.parse(raw)) > 0;
}

/** Text columns of finished jobs that may quote the customer (a campaign's name, a summary). */
function forgetJobs(sqlite: Database.Database, needles: string[]): void {
  const del = sqlite.prepare(
    `DELETE FROM jobs WHERE status NOT IN ('queued', 'running')
       AND (instr(coalesce(input, ''), @n) > 0 OR instr(coalesce(result, ''), @n) > 0 OR instr(coalesce(checkpoint, ''), @n) > 0 OR instr(coalesce(error, ''), @n) > 0)`,
  );
  for (const n of needles) if (n.length >= 2) del.run({ n });
}

export function eraseCustomer(sqlite: Database.Database, customerId: number, opts: { keepOrders: boolean }): EraseResult {
  const bus = changeBus(sqlite);
  return bus.write(() =>
    // The row triggers stay off while the erasure runs (they would record the erased values in
    // the log); the one summary entry is written after, in the same transaction.
    auditBulk(
      sqlite,
      (r: EraseResult) => ({ action: 'erase', recordType: 'customer', recordId: customerId, customerId, detail: { keptOrders: r.keptOrders } }),
      () => {
        const row = sqlite.prepare('SELECT name, email, phone, company_id AS companyId FROM customers WHERE id = ? AND erased_at IS NULL').get(customerId) as
          | { name: string; email: string | null; phone: string | null; companyId: number | null }
          | undefined;
        if (!row) throw notFound('Customer', customerId);
        const run = (sql: string) => sqlite.prepare(sql).run(customerId).changes;
        const interactionIds = sqlite.prepare('SELECT id FROM interactions WHERE customer_id = ?').pluck().all(customerId) as number[];
        const orders = sqlite.prepare('SELECT count(*) FROM orders WHERE customer_id = ?').pluck().get(customerId) as number;
        // Campaigns made for this one customer alone: their name and brief are about them.
        const ownCampaigns = sqlite
          .prepare(`SELECT id FROM campaigns WHERE json_extract(target, '$.kind') = 'customer' AND json_extract(target, '$.customerId') = ?`)
          .pluck()
          .all(customerId) as number[];
        forgetJobs(sqlite, [row.name, row.email ?? '', row.phone ?? '']);
        for (const id of ownCampaigns) sqlite.prepare('DELETE FROM campaigns WHERE id = ?').run(id);
        if (opts.keepOrders) {
          // Everything but the orders goes; sentiments and their aspects cascade from the messages
          // and feedback, the message search rows by trigger (migration 0001).
          run('DELETE FROM campaign_messages WHERE customer_id = ?');
          run('DELETE FROM sentiments WHERE customer_id = ?');
          run('DELETE FROM interactions WHERE customer_id = ?');
          run('DELETE FROM feedback WHERE customer_id = ?');
          run('DELETE FROM notes WHERE customer_id = ?');
          run('DELETE FROM tasks WHERE customer_id = ?');
          const tagIds = sqlite.prepare('SELECT tag_id FROM customer_tags WHERE customer_id = ?').pluck().all(customerId) as number[];
          run('DELETE FROM customer_tags WHERE customer_id = ?');
          // A tag only they had may be about them ("Mrs Chen's referrals"): it goes too.
          const dropTag = sqlite.prepare('DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customer_tags WHERE tag_id = ?)');
          for (const t of tagIds) dropTag.run(t, t);
          // Their segment and predictions stay: numbers from the kept orders, naming no one, so the
          // segment sizes and revenue shares stay true (people lists leave erased rows out).
          run('DELETE FROM customers_fts WHERE rowid = ?');
          sqlite
            .prepare(
              `UPDATE customers SET name = ?, sort_key = NULL, company_id = NULL, email = NULL, email_norm = NULL, phone = NULL, phone_norm = NULL,
                 city = NULL, country = NULL, language = 'en', consent_email = 0, consent_sms = 0, consent_wechat = 0, erased_at = ?, updated_at = ?
               WHERE id = ?`,
            )
            .run(ERASED_NAME, Date.now(), Date.now(), customerId);
          const count = anyErased(sqlite)
            ? Number(JSON.parse(sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ERASED_COUNT_KEY) as string))
            : 0;
          sqlite
            .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
            .run(ERASED_COUNT_KEY, JSON.stringify(count + 1));
          // Their company, when no one else works there (a one-person business names its owner).
          if (row.companyId != null) sqlite.prepare('DELETE FROM companies WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customers WHERE company_id = ?)').run(row.companyId, row.companyId);
        } else {
          // Orders, lines, messages, notes... cascade from the customer; the search rows and the
          // sales days follow by trigger.
          const tagIds = sqlite.prepare('SELECT tag_id FROM customer_tags WHERE customer_id = ?').pluck().all(customerId) as number[];
          run('DELETE FROM customers WHERE id = ?');
          const dropTag = sqlite.prepare('DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customer_tags WHERE tag_id = ?)');
          for (const t of tagIds) dropTag.run(t, t);
          if (row.companyId != null) sqlite.prepare('DELETE FROM companies WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customers WHERE company_id = ?)').run(row.companyId, row.companyId);
        }
        // A contentless FTS5 delete only marks the row gone; its tokens stay in the index's pages
        // until they are merged. 'optimize' merges everything now, so no word of theirs is left
        // in the file (a rebuild of the two indexes: rare, and erasure must be thorough).
        sqlite.prepare("INSERT INTO customers_fts (customers_fts) VALUES ('optimize')").run();
        sqlite.prepare("INSERT INTO interactions_fts (interactions_fts) VALUES ('optimize')").run();
        redactCustomerAudit(sqlite, customerId);
        if (interactionIds.length) bus.record('interaction', 'delete', interactionIds, [customerId]);
        if (!opts.keepOrders && orders) bus.record('order', 'delete', [], [customerId]);
        if (ownCampaigns.length) bus.record('campaign', 'delete', ownCampaigns);
        bus.record('customer', opts.keepOrders ? 'update' : 'delete', [customerId], [customerId]);
        return { customerId, keptOrders: opts.keepOrders ? orders : 0, deletedOrders: opts.keepOrders ? 0 : orders };
      },
    ),
  );
}
