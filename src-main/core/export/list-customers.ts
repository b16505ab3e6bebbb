// The customers list for export, with the same filters and sort as customers.list (search, tag,
// city, feeling, a smart-list filter or saved list), or a given selection of ids. Headers are the ones the customer import reads, so an
// exported list imports back as it was.
import type Database from 'better-sqlite3';
import { listInput } from '../customers/schemas';
import { customerListQuery } from '../customers/list-query';
import { shopCurrency } from '../money/settings';
import type { Column, Row } from './columns';
import { PAGE, type ListSource } from './list-source';
import type { ExportListSpec } from './schemas';


export const CUSTOMER_COLUMNS: Column[] = [
  { header: { en: 'Name', zh: '姓名' }, key: 'name', type: 'text', width: 20 },
  { header: { en: 'Email', zh: '邮箱' }, key: 'email', type: 'text', width: 28 },
  { header: { en: 'Phone', zh: '手机' }, key: 'phone', type: 'text', width: 18 },
  { header: { en: 'Company', zh: '公司' }, key: 'company', type: 'text', width: 22 },
  { header: { en: 'City', zh: '城市' }, key: 'city', type: 'text', width: 14 },
  { header: { en: 'Country', zh: '国家' }, key: 'country', type: 'text', width: 12 },
  { header: { en: 'Language', zh: '语言' }, key: 'language', type: 'text', width: 8 },
  { header: { en: 'Tags', zh: '标签' }, key: 'tags', type: 'text', width: 20 },
  { header: { en: 'Total spent', zh: '消费总额' }, key: 'totalSpentCents', type: 'money', width: 12 },
  // The shop currency the total is in, and the orders left out of it for want of a rate.
  { header: { en: 'Currency', zh: '币种' }, key: 'currency', type: 'text', width: 8 },
  { header: { en: 'Orders not in total', zh: '未计入总额的订单' }, key: 'unconvertedOrders', type: 'int', width: 10 },
  { header: { en: 'Orders', zh: '订单数' }, key: 'orderCount', type: 'int', width: 8 },
  { header: { en: 'First order', zh: '首次下单' }, key: 'firstOrderAt', type: 'date', width: 19 },
  { header: { en: 'Last order', zh: '最近下单' }, key: 'lastOrderAt', type: 'date', width: 19 },
  { header: { en: 'Email consent', zh: '同意邮件' }, key: 'consentEmail', type: 'bool', width: 8 },
  { header: { en: 'SMS consent', zh: '同意短信' }, key: 'consentSms', type: 'bool', width: 8 },
  { header: { en: 'WeChat consent', zh: '同意微信' }, key: 'consentWechat', type: 'bool', width: 8 },
  { header: { en: 'Customer since', zh: '注册时间' }, key: 'createdAt', type: 'date', width: 19 },
];

const SELECT = `SELECT c.id, c.name, c.email, c.phone, co.name AS company, c.city, c.country, c.language,
    (SELECT group_concat(t.name, ', ') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) AS tags,
    c.total_spent_cents AS totalSpentCents, @currency AS currency, c.unconverted_orders AS unconvertedOrders, c.order_count AS orderCount, c.first_order_at AS firstOrderAt, c.last_order_at AS lastOrderAt,
    c.consent_email AS consentEmail, c.consent_sms AS consentSms, c.consent_wechat AS consentWechat, c.created_at AS createdAt
  FROM customers c LEFT JOIN companies co ON co.id = c.company_id`;

/** The ids of the filtered list in its sort order (ids only: a few MB even for a million). */
function filteredIds(sqlite: Database.Database, raw: Extract<ExportListSpec, { kind: 'customers' }>['filter']): number[] {
  const q = customerListQuery(listInput.parse({ ...raw }), Date.now(), sqlite);
  if (q.empty) return [];
  return sqlite
    .prepare(`SELECT c.id FROM customers c ${q.whereSql} ${q.orderSql}`)
    .pluck()
    .all(...q.params) as number[];
}

export function customersSource(sqlite: Database.Database, spec: Extract<ExportListSpec, { kind: 'customers' }>): ListSource {
  const ids = spec.ids ?? filteredIds(sqlite, spec.filter);
  const currency = shopCurrency(sqlite);
  return {
    name: 'customers',
    columns: CUSTOMER_COLUMNS,
    total: ids.length,
    async *pages() {
      for (let i = 0; i < ids.length; i += PAGE) {
        const chunk = ids.slice(i, i + PAGE);
        const rows = sqlite.prepare(`${SELECT} WHERE c.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk, { currency }) as Row[];
        const byId = new Map(rows.map((r) => [r.id as number, r]));
        yield chunk.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
      }
    },
  };
}
