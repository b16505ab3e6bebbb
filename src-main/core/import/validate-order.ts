// A row of an order file (one row per order line), checked and turned into stored values.
import { parseAmount } from './parse-amount';
import { choice, ORDER_STATUS, parseInteger } from './parse-values';
import { bad, readDate, readPerson, type Checked, type Columns, type ParseOptions, type Person, type RowProblem, valueOf } from './validate-common';

export interface OrderLineRow {
  orderNo: string;
  orderedAt: number;
  person: Person;
  status: 'paid' | 'refunded' | 'cancelled';
  channel: string;
  currency: string;
  /** Null when the file has no product columns (one row per order, totals only). */
  item: { sku: string | null; name: string; quantity: number; unitPriceCents: number } | null;
  /** The order's total when the file gives one; otherwise the lines are summed. */
  orderTotalCents: number | null;
}

type Money = { cents: number; currency: string | null } | null;
type Failed = { ok: false; problem: RowProblem; orderNo?: string };
type MoneyField = 'unit_price' | 'line_total' | 'order_total';

function money(cols: Columns, cells: string[], field: MoneyField, opts: ParseOptions): Checked<Money> {
  const raw = cols.get(cells, field);
  if (!raw) return NO_MONEY;
  // Prices repeat (a product's price on every line): the checked result is kept by text.
  return opts.memo.get(field, raw, (r) => checkMoney(r, field, opts.decimalComma, opts.currency));
}

function checkMoney(raw: string, field: MoneyField, decimalComma: boolean, assumed: string): Checked<Money> {
  const a = parseAmount(raw, decimalComma, assumed);
  if (!a) return bad(field, { code: 'amount_invalid', params: { value: valueOf(raw) } });
  if (a.cents < 0) return bad(field, { code: 'amount_negative', params: { what: field, value: valueOf(raw) } });
  return { ok: true, value: a };
}

const NO_MONEY: Checked<Money> = { ok: true, value: null };
const failed = (r: { ok: false; problem: RowProblem }, orderNo: string): Failed => ({ ok: false, problem: r.problem, orderNo });

/**
 * Checks one order line. `orderNo` is returned even for a bad row when it can be read, so the
 * caller can leave the whole order out rather than import it with a line missing.
 */
export function readOrderLine(cols: Columns, cells: string[], opts: ParseOptions): Checked<OrderLineRow> & { orderNo?: string } {
  let orderNo = cols.get(cells, 'order_no');
  if (orderNo.charCodeAt(0) === 35 /* # */) orderNo = orderNo.slice(1);
  if (orderNo.length > 100) orderNo = orderNo.slice(0, 100);
  if (!orderNo) return bad('order_no', { code: 'order_no_empty', params: {} });
  const date = readDate(cols, cells, 'ordered_at', 'order_date', opts);
  if (!date.ok) return failed(date, orderNo);
  const person = readPerson(cols, cells, 'customer_', opts);
  if (!person.ok) return failed(person, orderNo);
  if (!person.value.email && !person.value.phone) {
    return failed(bad(cols.has('customer_email') ? 'customer_email' : 'customer_phone', { code: 'customer_key_missing', params: { what: 'order' } }), orderNo);
  }
  let status: OrderLineRow['status'] = 'paid';
  const rawStatus = cols.get(cells, 'status');
  if (rawStatus) {
    const st = opts.memo.get('status', rawStatus, orderStatus);
    if (!st) return failed(bad('status', { code: 'order_status_unknown', params: { value: valueOf(rawStatus) } }), orderNo);
    status = st;
  }
  const unit = money(cols, cells, 'unit_price', opts);
  if (!unit.ok) return failed(unit, orderNo);
  const line = money(cols, cells, 'line_total', opts);
  if (!line.ok) return failed(line, orderNo);
  const total = money(cols, cells, 'order_total', opts);
  if (!total.ok) return failed(total, orderNo);

  let item: OrderLineRow['item'] = null;
  if (cols.has('product_name') || cols.has('product_sku')) {
    let sku: string | null = cols.get(cells, 'product_sku');
    sku = sku ? sku.slice(0, 100) : null;
    let name = cols.get(cells, 'product_name');
    if (name && /\s\s|[\t\r\n]/.test(name)) name = name.replace(/\s+/g, ' ');
    name = name ? name.slice(0, 300) : (sku ?? '');
    if (!name) return failed(bad(cols.has('product_name') ? 'product_name' : 'product_sku', { code: 'product_empty', params: {} }), orderNo);
    const rawQty = cols.get(cells, 'quantity');
    const q = rawQty.length === 1 && rawQty >= '1' && rawQty <= '9' ? rawQty.charCodeAt(0) - 48 : parseInteger(rawQty);
    if (Number.isNaN(q)) return failed(bad('quantity', { code: 'quantity_invalid', params: { value: valueOf(rawQty) } }), orderNo);
    const quantity = q ?? 1;
    if (quantity < 0) return failed(bad('quantity', { code: 'quantity_negative', params: { value: valueOf(rawQty) } }), orderNo);
    if (quantity === 0) return failed(bad('quantity', { code: 'quantity_zero', params: {} }), orderNo);
    let unitPriceCents: number;
    if (unit.value) unitPriceCents = unit.value.cents;
    else if (line.value) unitPriceCents = Math.round(line.value.cents / quantity);
    else if (total.value && !cols.has('unit_price') && !cols.has('line_total')) unitPriceCents = Math.round(total.value.cents / quantity);
    else return failed(bad(cols.has('unit_price') ? 'unit_price' : 'line_total', { code: 'price_missing', params: {} }), orderNo);
    item = { sku, name, quantity, unitPriceCents };
  } else if (!total.value && !unit.value && !line.value) {
    return failed(bad(cols.has('order_total') ? 'order_total' : 'unit_price', { code: 'amount_missing', params: {} }), orderNo);
  }
  let currency = cols.get(cells, 'currency');
  if (currency) {
    currency = currency.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return failed(bad('currency', { code: 'currency_invalid', params: { value: valueOf(currency) } }), orderNo);
  } else currency = unit.value?.currency || line.value?.currency || total.value?.currency || opts.currency;
  return {
    ok: true,
    orderNo,
    value: {
      orderNo,
      orderedAt: date.value,
      person: person.value,
      status,
      channel: cols.get(cells, 'channel').slice(0, 60) || 'online',
      currency,
      item,
      orderTotalCents: total.value?.cents ?? (item ? null : (unit.value ?? line.value)!.cents),
    },
  };
}

const orderStatus = (raw: string) => choice(ORDER_STATUS, raw);
