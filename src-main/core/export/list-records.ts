// Orders, order lines, messages and feedback for export, filtered by customer, time and kind, in
// id order. Order lines and messages use the headers their imports read, so an export can be
// imported again (into another Patron, or back after fixing it in a spreadsheet).
import type Database from 'better-sqlite3';
import type { Column, Row } from './columns';
import { keysetPages, type ListSource } from './list-source';
import type { ExportListSpec } from './schemas';

type Spec<K extends ExportListSpec['kind']> = Extract<ExportListSpec, { kind: K }>;

const CUSTOMER: Column[] = [
  { header: 'Customer name', key: 'customerName', type: 'text', width: 20 },
  { header: 'Customer email', key: 'customerEmail', type: 'text', width: 28 },
  { header: 'Customer phone', key: 'customerPhone', type: 'text', width: 18 },
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
    { header: 'Order number', key: 'orderNo', type: 'text', width: 16 },
    { header: 'Order date', key: 'orderedAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: 'Status', key: 'status', type: 'text', width: 10 },
    { header: 'Channel', key: 'channel', type: 'text', width: 10 },
    { header: 'Currency', key: 'currency', type: 'text', width: 8 },
    { header: 'Order total', key: 'totalCents', type: 'money', width: 12 },
    { header: 'Items', key: 'items', type: 'int', width: 6 },
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
    { header: 'Order number', key: 'orderNo', type: 'text', width: 16 },
    { header: 'Order date', key: 'orderedAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: 'Product SKU', key: 'sku', type: 'text', width: 12 },
    { header: 'Product', key: 'productName', type: 'text', width: 28 },
    { header: 'Quantity', key: 'quantity', type: 'int', width: 8 },
    { header: 'Unit price', key: 'unitPriceCents', type: 'money', width: 11 },
    { header: 'Line total', key: 'lineCents', type: 'money', width: 11 },
    { header: 'Currency', key: 'currency', type: 'text', width: 8 },
    { header: 'Status', key: 'status', type: 'text', width: 10 },
    { header: 'Channel', key: 'channel', type: 'text', width: 10 },
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
    { header: 'Date', key: 'occurredAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: 'Channel', key: 'channel', type: 'text', width: 10 },
    { header: 'Direction', key: 'direction', type: 'text', width: 10 },
    { header: 'Subject', key: 'subject', type: 'text', width: 24 },
    { header: 'Message', key: 'body', type: 'text', width: 60 },
    { header: 'Language', key: 'language', type: 'text', width: 8 },
    { header: 'Handled', key: 'handled', type: 'bool', width: 8 },
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
    { header: 'Date', key: 'occurredAt', type: 'date', width: 19 },
    ...CUSTOMER,
    { header: 'Type', key: 'kind', type: 'text', width: 10 },
    { header: 'Rating', key: 'rating', type: 'int', width: 7 },
    { header: 'NPS', key: 'nps', type: 'int', width: 5 },
    { header: 'Text', key: 'body', type: 'text', width: 60 },
    { header: 'Product SKU', key: 'sku', type: 'text', width: 12 },
    { header: 'Product', key: 'productName', type: 'text', width: 24 },
    { header: 'Language', key: 'language', type: 'text', width: 8 },
  ];
  const select = `f.occurred_at AS occurredAt, ${CUSTOMER_SQL}, f.kind, f.rating, f.nps, f.body, p.sku, p.name AS productName, f.language`;
  return source(sqlite, 'feedback', columns, 'feedback f JOIN customers c ON c.id = f.customer_id LEFT JOIN products p ON p.id = f.product_id', where, params, 'f.id', select);
}
