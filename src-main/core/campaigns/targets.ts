// Who a campaign is for, resolved to customers when it is made: one customer, the customers of a
// segment in the latest segments run (customer_segments holds each customer's place in it), or
// the customers a smart list's filter matches now (the filter's one SQL translation, as the list
// counts and opens). Most valuable first, so the owner reviews the messages that matter most first.
import type Database from 'better-sqlite3';
import { CAMPAIGN_MAX_CUSTOMERS, type CampaignTarget } from '../../shared/drafting';
import { assertCustomer } from '../customers/write';
import { AppError } from '../errors';
import { compileFilter } from '../lists/filter-sql';
import { countFilter, listFilter } from '../lists/service';
import { analysisAsOf } from '../segments/analysis-date';

const ORDER = 'ORDER BY c.total_spent_cents DESC, c.id';

const tooLarge = (count: number) =>
  new AppError(
    'campaign_too_large',
    `The target holds ${count} customers; a campaign holds at most ${CAMPAIGN_MAX_CUSTOMERS}, since the owner reads every message.`,
    'target',
    { count, max: CAMPAIGN_MAX_CUSTOMERS },
  );

/** The target's customer ids in review order; campaign_too_large (naming the count) past the limit. */
export function resolveTarget(sqlite: Database.Database, target: CampaignTarget): number[] {
  // One more than allowed is enough to know the target is too large; the full count only then.
  const limit = CAMPAIGN_MAX_CUSTOMERS + 1;
  switch (target.kind) {
    case 'customer':
      assertCustomer(sqlite, target.customerId);
      return [target.customerId];
    case 'segment': {
      const from = 'FROM customer_segments s JOIN customers c ON c.id = s.customer_id WHERE s.segment = ? AND c.erased_at IS NULL';
      const ids = sqlite.prepare(`SELECT c.id ${from} ${ORDER} LIMIT ?`).pluck().all(target.segment, limit) as number[];
      if (ids.length > CAMPAIGN_MAX_CUSTOMERS) throw tooLarge(sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(target.segment) as number);
      return ids;
    }
    case 'list': {
      const filter = listFilter(sqlite, target.listId);
      const { asOf } = analysisAsOf(sqlite);
      const { sql, params } = compileFilter(filter, { asOf });
      const ids = sqlite.prepare(`SELECT c.id FROM customers c WHERE c.erased_at IS NULL AND ${sql} ${ORDER} LIMIT ?`).pluck().all(...params, limit) as number[];
      if (ids.length > CAMPAIGN_MAX_CUSTOMERS) throw tooLarge(countFilter(sqlite, filter, asOf));
      return ids;
    }
  }
}
