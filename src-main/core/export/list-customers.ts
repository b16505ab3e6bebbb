// The customers list for export, with the same filters and sort as customers.list (search, tag,
// city), or a given selection of ids. Headers are the ones the customer import reads, so an
// exported list imports back as it was.
import type Database from 'better-sqlite3';
import { listInput } from '../customers/schemas';
import { customerListQuery } from '../customers/list-query';
import type { Column, Row } from './columns';
import { PAGE, type ListSource } from './list-source';
import type { ExportListSpec } from './schemas';


export const CUSTOMER_COLUMNS: Column[] = [
  { header: 'Name', key: 'name', type: 'text', width: 20 },
  { header: 'Email', key: 'email', type: 'text', width: 28 },
  { header: 'Phone', key: 'phone', type: 'text', width: 18 },
  { header: 'Company', key: 'company', type: 'text', width: 22 },
  { header: 'City', key: 'city', type: 'text', width: 14 },
  { header: 'Country', key: 'country', type: 'text', width: 12 },
  { header: 'Language', key: 'language', type: 'text', width: 8 },
  { header: 'Tags', key: 'tags', type: 'text', width: 20 },
  { header: 'Total spent', key: 'totalSpentCents', type: 'money', width: 12 },
  { header: 'Orders', key: 'orderCount', type: 'int', width: 8 },
  { header: 'First order', key: 'firstOrderAt', type: 'date', width: 19 },
  { header: 'Last order', key: 'lastOrderAt', type: 'date', width: 19 },
  { header: 'Email consent', key: 'consentEmail', type: 'bool', width: 8 },
  { header: 'SMS consent', key: 'consentSms', type: 'bool', width: 8 },
  { header: 'WeChat consent', key: 'consentWechat', type: 'bool', width: 8 },
  { header: 'Customer since', key: 'createdAt', type: 'date', width: 19 },
];

const SELECT = `SELECT c.id, c.name, c.email, c.phone, co.name AS company, c.city, c.country, c.language,
    (SELECT group_concat(t.name, ', ') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) AS tags,
    c.total_spent_cents AS totalSpentCents, c.order_count AS orderCount, c.first_order_at AS firstOrderAt, c.last_order_at AS lastOrderAt,
    c.consent_email AS consentEmail, c.consent_sms AS consentSms, c.consent_wechat AS consentWechat, c.created_at AS createdAt
  FROM customers c LEFT JOIN companies co ON co.id = c.company_id`;

/** The ids of the filtered list in its sort order (ids only: a few MB even for a million). */
function filteredIds(sqlite: Database.Database, raw: Extract<ExportListSpec, { kind: 'customers' }>['filter']): number[] {
  const q = customerListQuery(listInput.parse({ ...raw }));
  if (q.empty) return [];
  return sqlite
    .prepare(`SELECT c.id FROM customers c ${q.whereSql} ${q.orderSql}`)
    .pluck()
    .all(...q.params) as number[];
}

export function customersSource(sqlite: Database.Database, spec: Extract<ExportListSpec, { kind: 'customers' }>): ListSource {
  const ids = spec.ids ?? filteredIds(sqlite, spec.filter);
  return {
    name: 'customers',
    columns: CUSTOMER_COLUMNS,
    total: ids.length,
    async *pages() {
      for (let i = 0; i < ids.length; i += PAGE) {
        const chunk = ids.slice(i, i + PAGE);
        const rows = sqlite.prepare(`${SELECT} WHERE c.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Row[];
        const byId = new Map(rows.map((r) => [r.id as number, r]));
        yield chunk.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
      }
    },
  };
}
