// Keeps customers' search rows (customers_fts) true after every write of a customer, or of a tag
// or company that a customer's row holds. A deleted customer's row goes by trigger.
import type { DerivedHook } from '../derived/hooks';
import { insertCustomerSearchRows, reindexCustomer } from './search-index';

const NAME = 'customerSearchRows';
/** Customers whose rows a sweep ahead writes at most, between two batches of a bulk write. */
const AHEAD = 1000;

export const customerSearchRows: DerivedHook = {
  name: NAME,
  follows: ['customer', 'company', 'tag'],
  afterWrite(sqlite, w) {
    if (w.type === 'customer' && w.op === 'delete') return;
    for (const id of w.type === 'customer' ? w.ids : w.customerIds) reindexCustomer(sqlite, id);
  },
  ahead(sqlite, bulk) {
    const from = bulk.progress.get(NAME) ?? bulk.addedAfter('customer');
    const upTo = Math.min(bulk.maxId('customer'), from + AHEAD);
    if (upTo <= from) return;
    insertCustomerSearchRows(sqlite, from, upTo);
    bulk.progress.set(NAME, upTo);
  },
  afterBulk(sqlite, bulk) {
    // New customers get their rows in sweeps, from their final values (those written ahead were
    // final then; any changed since are named as changed and rebuilt).
    const written = bulk.progress.get(NAME) ?? bulk.addedAfter('customer');
    insertCustomerSearchRows(sqlite, written);
    bulk.progress.set(NAME, bulk.maxId('customer'));
    for (const id of bulk.changedOf('customer')) if (id <= written) reindexCustomer(sqlite, id);
  },
};
