// Which of the customer's orders a message is about, for the no-model reply's "your order … of …":
// an order number the message quotes, else the newest order holding a product the message names
// (by its Chinese or its English name), else their last paid order. Only orders the draft's records
// hold (and its prompt shows), so the facts check accepts the number and the date.
import type { CustomerRecords, RecordOrder } from './customer-records';

/** A product line's names as a message may quote them: "Jasmine Tea 茉莉花茶 250g ×2" → the Han run and the Latin words. */
function namesOf(line: string): string[] {
  const name = line.replace(/\s*×\d+$/, '');
  const han = name.match(/\p{Script=Han}{2,}/gu) ?? [];
  const latin = name
    .split(/\s+/)
    .filter((w) => /^\p{Script=Latin}+$/u.test(w))
    .join(' ')
    .toLowerCase();
  return [...han, ...(latin.length >= 4 ? [latin] : [])];
}

export function orderInQuestion(records: CustomerRecords, text: string): RecordOrder | null {
  const orders = [...records.orders, ...(records.lastPaidOrder && !records.orders.some((o) => o.id === records.lastPaidOrder!.id) ? [records.lastPaidOrder] : [])];
  const quoted = orders.find((o) => text.includes(o.orderNo));
  if (quoted) return quoted;
  const lower = text.toLowerCase();
  const named = orders.find((o) => o.products.some((p) => namesOf(p).some((n) => lower.includes(n))));
  return named ?? records.lastPaidOrder;
}
