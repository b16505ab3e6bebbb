// A row of an order file (one row per order line), checked and turned into stored values.
import { parseAmount } from './parse-amount';
import { choice, ORDER_STATUS, parseInteger } from './parse-values';
import { bad, quoted, readDate, readPerson, type Checked, type Columns, type ParseOptions, type Person, type Problem } from './validate-common';

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
type Failed = { ok: false; problem: Problem; orderNo?: string };

function money(cols: Columns, cells: string[], field: string, label: string, opts: ParseOptions): Checked<Money> {
  const raw = cols.get(cells, field);
  if (!raw) return NO_MONEY;
  // Prices repeat (a product's price on every line): the checked result is kept by text.
  return opts.memo.get(field, raw, (r) => checkMoney(r, field, label, opts.decimalComma));
}

function checkMoney(raw: string, field: string, label: string, decimalComma: boolean): Checked<Money> {
  const a = parseAmount(raw, decimalComma);
  if (!a) return bad(field, `${quoted(raw)} is not an amount of money.`);
  if (a.cents < 0) return bad(field, `The ${label} is negative (${raw}).`);
  return { ok: true, value: a };
}

const NO_MONEY: Checked<Money> = { ok: true, value: null };
const failed = (r: { ok: false; problem: Problem }, orderNo: string): Failed => ({ ok: false, problem: r.problem, orderNo });

/**
 * Checks one order line. `orderNo` is returned even for a bad row when it can be read, so the
 * caller can leave the whole order out rather than import it with a line missing.
 */
export function readOrderLine(cols: Columns, cells: string[], opts: ParseOptions): Checked<OrderLineRow> & { orderNo?: string } {
  let orderNo = cols.get(cells, 'order_no');
  if (orderNo.charCodeAt(0) === 35 /* # */) orderNo = orderNo.slice(1);
  if (orderNo.length > 100) orderNo = orderNo.slice(0, 100);
  if (!orderNo) return bad('order_no', 'The order number is empty.');
  const date = readDate(cols, cells, 'ordered_at', 'order date', opts);
  if (!date.ok) return failed(date, orderNo);
  const person = readPerson(cols, cells, 'customer_', opts);
  if (!person.ok) return failed(person, orderNo);
  if (!person.value.email && !person.value.phone) {
    return failed(bad(cols.has('customer_email') ? 'customer_email' : 'customer_phone', 'The row has no customer email or phone, so Patron cannot tell whose order it is.'), orderNo);
  }
  let status: OrderLineRow['status'] = 'paid';
  const rawStatus = cols.get(cells, 'status');
  if (rawStatus) {
    const st = opts.memo.get('status', rawStatus, orderStatus);
    if (!st) return failed(bad('status', `${quoted(rawStatus)} is not an order status Patron knows (paid, refunded or cancelled).`), orderNo);
    status = st;
  }
  const unit = money(cols, cells, 'unit_price', 'unit price', opts);
  if (!unit.ok) return failed(unit, orderNo);
  const line = money(cols, cells, 'line_total', 'line total', opts);
  if (!line.ok) return failed(line, orderNo);
  const total = money(cols, cells, 'order_total', 'order total', opts);
  if (!total.ok) return failed(total, orderNo);

  let item: OrderLineRow['item'] = null;
  if (cols.has('product_name') || cols.has('product_sku')) {
    let sku: string | null = cols.get(cells, 'product_sku');
    sku = sku ? sku.slice(0, 100) : null;
    let name = cols.get(cells, 'product_name');
    if (name && /\s\s|[\t\r\n]/.test(name)) name = name.replace(/\s+/g, ' ');
    name = name ? name.slice(0, 300) : (sku ?? '');
    if (!name) return failed(bad(cols.has('product_name') ? 'product_name' : 'product_sku', 'The product is empty.'), orderNo);
    const rawQty = cols.get(cells, 'quantity');
    const q = rawQty.length === 1 && rawQty >= '1' && rawQty <= '9' ? rawQty.charCodeAt(0) - 48 : parseInteger(rawQty);
    if (Number.isNaN(q)) return failed(bad('quantity', `The quantity ${quoted(rawQty)} is not a whole number.`), orderNo);
    const quantity = q ?? 1;
    if (quantity < 0) return failed(bad('quantity', `The quantity is negative (${rawQty}).`), orderNo);
    if (quantity === 0) return failed(bad('quantity', 'The quantity is 0.'), orderNo);
    let unitPriceCents: number;
    if (unit.value) unitPriceCents = unit.value.cents;
    else if (line.value) unitPriceCents = Math.round(line.value.cents / quantity);
    else if (total.value && !cols.has('unit_price') && !cols.has('line_total')) unitPriceCents = Math.round(total.value.cents / quantity);
    else return failed(bad(cols.has('unit_price') ? 'unit_price' : 'line_total', 'The line has no price.'), orderNo);
    item = { sku, name, quantity, unitPriceCents };
  } else if (!total.value && !unit.value && !line.value) {
    return failed(bad(cols.has('order_total') ? 'order_total' : 'unit_price', 'The order has no amount.'), orderNo);
  }
  let currency = cols.get(cells, 'currency');
  if (currency) {
    currency = currency.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return failed(bad('currency', `${quoted(currency)} is not a currency code (like CNY or USD).`), orderNo);
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
