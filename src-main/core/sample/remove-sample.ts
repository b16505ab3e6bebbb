// Removing the sample shop: "Settings → Remove sample data", a cancelled sample job, and loading
// the sample shop again (which replaces the earlier one) all remove it this way.
import type Database from 'better-sqlite3';
import { changeBus } from '../changes/bus';
import { rebuildSalesDays } from '../dashboard/sales-days';
import { auditBulk } from '../privacy/audit-log';

/**
 * Deletes every row the sample shop made; cascades take their orders, messages, notes... Tags
 * and companies go only if sample customers used them and nobody else does now, so a tag the
 * person created and has not used yet survives.
 */
export function removeSampleData(sqlite: Database.Database): { customers: number; products: number } {
  const bus = changeBus(sqlite);
  // One audit entry for the removal, not one per cascaded row.
  const summary = (removed: { customers: number; products: number }) =>
    removed.customers || removed.products ? ({ action: 'delete', recordType: 'sample_shop', detail: removed } as const) : null;
  return bus.write(() => auditBulk(sqlite, summary, () => {
    // Cascades reach every record hanging off a sample customer: each type is announced as changed.
    for (const type of ['customer', 'company', 'tag', 'order', 'interaction', 'feedback', 'note', 'task'] as const) bus.record(type, 'bulk');
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS sample_refs (kind TEXT NOT NULL, id INTEGER NOT NULL)`);
    sqlite.exec(`DELETE FROM temp.sample_refs`);
    sqlite.exec(`INSERT INTO temp.sample_refs SELECT DISTINCT 'tag', ct.tag_id FROM customer_tags ct
                 JOIN customers c ON c.id = ct.customer_id WHERE c.source = 'sample'`);
    sqlite.exec(`INSERT INTO temp.sample_refs SELECT DISTINCT 'company', company_id FROM customers
                 WHERE source = 'sample' AND company_id IS NOT NULL`);
    const customers = sqlite.prepare(`DELETE FROM customers WHERE source = 'sample'`).run().changes;
    const products = sqlite.prepare(`DELETE FROM products WHERE source = 'sample'`).run().changes;
    sqlite.exec(`DELETE FROM tags WHERE id IN (SELECT id FROM temp.sample_refs WHERE kind = 'tag')
                 AND id NOT IN (SELECT tag_id FROM customer_tags)`);
    sqlite.exec(`DELETE FROM companies WHERE id IN (SELECT id FROM temp.sample_refs WHERE kind = 'company')
                 AND id NOT IN (SELECT company_id FROM customers WHERE company_id IS NOT NULL)`);
    sqlite.exec(`DELETE FROM temp.sample_refs`);
    // The orders went by cascade, past the derived-state hooks: the dashboard's days are summed again.
    if (customers) rebuildSalesDays(sqlite);
    return { customers, products };
  }));
}
