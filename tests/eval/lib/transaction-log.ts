// Reads a transaction log for the customer-base evals: a CSV with a header (customer, date and
// amount columns by name, found case-insensitively when not given), or CDNOW's own whitespace
// format (no header: master id, sample id, YYYYMMDD, CDs, dollars; detected from the first line).
// Dates are YYYYMMDD or YYYY-MM-DD (a time after them is ignored) and become whole days since
// 1970-01-01 (UTC), which is what summariseLog counts in.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Transaction } from '../../../src-main/core/predict/customer-summary';

export interface TransactionLog {
  transactions: Transaction[];
  format: 'cdnow' | 'csv';
  /** The columns used (CDNOW: the sample id, date and dollar columns). */
  columns: { customer: string; date: string; amount: string };
  firstDay: number;
  lastDay: number;
}

export interface LogColumns {
  customer?: string;
  date?: string;
  amount?: string;
}

const CUSTOMER_NAMES = ['customer_id', 'customerid', 'customer', 'sampleid', 'sample_id', 'client_id', 'clientid', 'client', 'user_id', 'userid', 'id', 'masterid'];
const DATE_NAMES = ['date', 'order_date', 'orderdate', 'purchase_date', 'transaction_date', 'invoicedate', 'invoice_date', 'day'];
const AMOUNT_NAMES = ['amount', 'sales', 'value', 'total', 'revenue', 'spend', 'dollars', 'price'];

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of YYYYMMDD or YYYY-MM-DD (anything after a space or "T" ignored); null if not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 1997-02-30 over to March: a date that does not round-trip is not real.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isCdnowLine(line: string): boolean {
  const f = line.trim().split(/\s+/);
  return f.length === 5 && /^\d{8}$/.test(f[2]) && f.every((v) => v !== '' && Number.isFinite(Number(v)));
}

export function readTransactionLog(file: string, given: LogColumns = {}): TransactionLog {
  const raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = raw.split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim() !== '') ?? '';
  if (firstLine === '') throw new Error(`${file} is empty`);
  const transactions: Transaction[] = [];
  let format: TransactionLog['format'];
  let columns: TransactionLog['columns'];
  const add = (customer: string, dateText: string, amountText: string, line: number) => {
    if (customer === '') throw new Error(`${file} line ${line}: the customer is empty`);
    const day = parseDay(dateText);
    if (day === null) throw new Error(`${file} line ${line}: bad date "${dateText}" (need YYYYMMDD or YYYY-MM-DD)`);
    const amount = Number(amountText.trim());
    if (amountText.trim() === '' || !Number.isFinite(amount)) throw new Error(`${file} line ${line}: bad amount "${amountText}"`);
    transactions.push({ customer, day, amount });
  };
  if (isCdnowLine(firstLine) && !given.customer && !given.date && !given.amount) {
    format = 'cdnow';
    columns = { customer: 'sample id (2)', date: 'date (3)', amount: 'dollars (5)' };
    lines.forEach((l, i) => {
      if (l.trim() === '') return;
      const f = l.trim().split(/\s+/);
      if (f.length !== 5) throw new Error(`${file} line ${i + 1}: expected 5 whitespace-separated fields (CDNOW format), got ${f.length}`);
      // The sample id without its zero padding, as the published summaries number customers.
      add(String(Number(f[1])), f[2], f[4], i + 1);
    });
  } else {
    format = 'csv';
    const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true });
    const header = parsed.meta.fields ?? [];
    const find = (flag: string, value: string | undefined, names: string[]) => {
      if (value) {
        const hit = header.find((h) => h.trim().toLowerCase() === value.trim().toLowerCase());
        if (hit === undefined) throw new Error(`${file}: no column "${value}" (--${flag}); columns: ${header.join(', ')}`);
        return hit;
      }
      for (const name of names) {
        const hit = header.find((h) => h.trim().toLowerCase() === name);
        if (hit !== undefined) return hit;
      }
      throw new Error(`${file}: no ${flag.replace('-col', '')} column found (looked for ${names.join(', ')}); name it with --${flag}. Columns: ${header.join(', ')}`);
    };
    columns = {
      customer: find('customer-col', given.customer, CUSTOMER_NAMES),
      date: find('date-col', given.date, DATE_NAMES),
      amount: find('amount-col', given.amount, AMOUNT_NAMES),
    };
    // Line numbers assume one line per record (the header is line 1).
    parsed.data.forEach((row, i) => add((row[columns.customer] ?? '').trim(), row[columns.date] ?? '', row[columns.amount] ?? '', i + 2));
  }
  if (transactions.length === 0) throw new Error(`${file} has no transactions`);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const t of transactions) {
    firstDay = Math.min(firstDay, t.day);
    lastDay = Math.max(lastDay, t.day);
  }
  return { transactions, format, columns, firstDay, lastDay };
}
