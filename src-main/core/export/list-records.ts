// Orders, order lines, messages and feedback for export, filtered by customer, time and kind, in
// id order. Order lines and messages use the headers their imports read, so an export can be
// imported again (into another Patron, or back after fixing it in a spreadsheet).
import type Database from 'better-sqlite3';
import type { Column, Row } from './columns';
import { keysetPages, type ListSource } from './list-source';
import type { ExportListSpec } from './schemas';

type Spec<K extends ExportListSpec['kind']> = Extract<ExportListSpec, { kind: K }>;

const CUSTOMER: Column[] = [
  { header: { en: 'Customer name', zh: '客户姓名' }, key: 'customerName', type: 'text', width: 20 },
  { header: { en: 'Customer email', zh: '客户邮箱' }, key: 'customerEmail', type: 'text', width: 28 },
  { header: { en: 'Customer phone', zh: '客户手机' }, key: 'customerPhone', type: 'text', width: 18 },
];
const CUSTOMER_SQL = 'c.name AS customerName, c.email AS customerEmail, c.phone AS customerPhone';

/** WHERE clauses from a spec's common filters; `alias.column` names the row's customer and time. */
function filters(spec: { customerId?: number; from?: number; to?: number }, alias: string, timeColumn: string) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (spec.customerId) {
    where.push(`${alias}.customer_id = ?`);
    params.push(spec.customerId);
  }
  if (spec.from !== undefined) {
    where.push(`${alias}.${timeColumn} >= ?`);
    params.push(spec.from);
  }
  if (spec.to !== undefined) {
    where.push(`${alias}.${timeColumn} < ?`);
    params.push(spec.to);
  }
  return { where, params };
}

function source(sqlite: Database.Database, name: string, columns: Column[], from: string, where: string[], params: unknown[], idColumn: string, select: string): ListSource {
  const cond = where.length ? `${where.join(' AND ')} AND ` : '';
  const total = sqlite.prepare(`SELECT count(*) FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number;
  const page = sqlite.prepare(`SELECT ${idColumn} AS id, ${select} FROM ${from} WHERE ${cond}${idColumn} > ? ORDER BY ${idColumn} LIMIT ?`);
  return { name, columns, total, pages: () => keysetPages((after, limit) => page.all(...params, after, limit) as Row[]) };
}

export function ordersSource(sqlite: Database.Database, spec: Spec<'orders'>): ListSource {
  const { where, params } = filters(spec, 'o', 'ordered_at');
  if (spec.status) {
    where.push('o.status = ?');
    params.push(spec.status);
  }
  const columns: Column[] = [
    { header: { en: 'Order number', zh: '订单号' }, key: 'orderNo', type: 'text', width: 16 },
    { header: { en: 'Order date', zh: '下单时间' }, key: 'orderedAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: { en: 'Status', zh: '订单状态' }, key: 'status', type: 'text', width: 10 },
    { header: { en: 'Channel', zh: '渠道' }, key: 'channel', type: 'text', width: 10 },
    { header: { en: 'Currency', zh: '币种' }, key: 'currency', type: 'text', width: 8 },
    { header: { en: 'Order total', zh: '订单金额' }, key: 'totalCents', type: 'money', width: 12 },
    { header: { en: 'Items', zh: '商品总件数' }, key: 'items', type: 'int', width: 6 },
  ];
  const select = `o.order_no AS orderNo, o.ordered_at AS orderedAt, ${CUSTOMER_SQL}, o.status, o.channel, o.currency, o.total_cents AS totalCents,
    (SELECT coalesce(sum(quantity), 0) FROM order_items i WHERE i.order_id = o.id) AS items`;
  return source(sqlite, 'orders', columns, 'orders o JOIN customers c ON c.id = o.customer_id', where, params, 'o.id', select);
}

export function orderLinesSource(sqlite: Database.Database, spec: Spec<'order_lines'>): ListSource {
  const { where, params } = filters(spec, 'o', 'ordered_at');
  if (spec.status) {
    where.push('o.status = ?');
    params.push(spec.status);
  }
  const columns: Column[] = [
    { header: { en: 'Order number', zh: '订单号' }, key: 'orderNo', type: 'text', width: 16 },
    { header: { en: 'Order date', zh: '下单时间' }, key: 'orderedAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: { en: 'Product SKU', zh: '商品编码' }, key: 'sku', type: 'text', width: 12 },
    { header: { en: 'Product', zh: '商品名称' }, key: 'productName', type: 'text', width: 28 },
    { header: { en: 'Quantity', zh: '数量' }, key: 'quantity', type: 'int', width: 8 },
    { header: { en: 'Unit price', zh: '单价' }, key: 'unitPriceCents', type: 'money', width: 11 },
    { header: { en: 'Line total', zh: '小计' }, key: 'lineCents', type: 'money', width: 11 },
    { header: { en: 'Currency', zh: '币种' }, key: 'currency', type: 'text', width: 8 },
    { header: { en: 'Status', zh: '订单状态' }, key: 'status', type: 'text', width: 10 },
    { header: { en: 'Channel', zh: '渠道' }, key: 'channel', type: 'text', width: 10 },
  ];
  const select = `o.order_no AS orderNo, o.ordered_at AS orderedAt, ${CUSTOMER_SQL}, p.sku, i.product_name AS productName, i.quantity,
    i.unit_price_cents AS unitPriceCents, i.quantity * i.unit_price_cents AS lineCents, o.currency, o.status, o.channel`;
  return source(
    sqlite, 'order lines', columns,
    'order_items i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id LEFT JOIN products p ON p.id = i.product_id',
    where, params, 'i.id', select,
  );
}

export function messagesSource(sqlite: Database.Database, spec: Spec<'messages'>): ListSource {
  const { where, params } = filters(spec, 'm', 'occurred_at');
  for (const [column, value] of [['channel', spec.channel], ['direction', spec.direction]] as const) {
    if (value) {
      where.push(`m.${column} = ?`);
      params.push(value);
    }
  }
  if (spec.handled !== undefined) {
    where.push('m.handled = ?');
    params.push(spec.handled ? 1 : 0);
  }
  const columns: Column[] = [
    { header: { en: 'Date', zh: '时间' }, key: 'occurredAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: { en: 'Channel', zh: '渠道' }, key: 'channel', type: 'text', width: 10 },
    { header: { en: 'Direction', zh: '方向' }, key: 'direction', type: 'text', width: 10 },
    { header: { en: 'Subject', zh: '主题' }, key: 'subject', type: 'text', width: 24 },
    { header: { en: 'Message', zh: '内容' }, key: 'body', type: 'text', width: 60 },
    { header: { en: 'Language', zh: '语言' }, key: 'language', type: 'text', width: 8 },
    { header: { en: 'Handled', zh: '已处理' }, key: 'handled', type: 'bool', width: 8 },
  ];
  const select = `m.occurred_at AS occurredAt, ${CUSTOMER_SQL}, m.channel, m.direction, m.subject, m.body, m.language, m.handled`;
  return source(sqlite, 'messages', columns, 'interactions m JOIN customers c ON c.id = m.customer_id', where, params, 'm.id', select);
}

export function feedbackSource(sqlite: Database.Database, spec: Spec<'feedback'>): ListSource {
  const { where, params } = filters(spec, 'f', 'occurred_at');
  if (spec.feedbackKind) {
    where.push('f.kind = ?');
    params.push(spec.feedbackKind);
  }
  const columns: Column[] = [
    { header: { en: 'Date', zh: '时间' }, key: 'occurredAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: { en: 'Type', zh: '类型' }, key: 'kind', type: 'text', width: 10 },
    { header: { en: 'Rating', zh: '评分' }, key: 'rating', type: 'int', width: 7 },
    { header: { en: 'NPS', zh: '推荐度' }, key: 'nps', type: 'int', width: 5 },
    { header: { en: 'Text', zh: '内容' }, key: 'body', type: 'text', width: 60 },
    { header: { en: 'Product SKU', zh: '商品编码' }, key: 'sku', type: 'text', width: 12 },
    { header: { en: 'Product', zh: '商品名称' }, key: 'productName', type: 'text', width: 24 },
    { header: { en: 'Language', zh: '语言' }, key: 'language', type: 'text', width: 8 },
  ];
  const select = `f.occurred_at AS occurredAt, ${CUSTOMER_SQL}, f.kind, f.rating, f.nps, f.body, p.sku, p.name AS productName, f.language`;
  return source(sqlite, 'feedback', columns, 'feedback f JOIN customers c ON c.id = f.customer_id LEFT JOIN products p ON p.id = f.product_id', where, params, 'f.id', select);
}
