// What every row validator shares: reading a mapped cell, the parse options, the shape of a
// problem (which field, and its code with parameters) and the person a row is about (name,
// email, phone).
import type { Problem } from '../../shared/problems';
import type { DateOrder } from './parse-date';
import { dateProblem, parseDate } from './parse-date';
import { choice, guessLanguage, LANGUAGE, parseEmail, type PhoneNormalizer } from './parse-values';
import { own } from './source-row';

/** Why a row was rejected: its problem code and parameters, and the field key whose cell is wrong (null: the whole row). */
export type RowProblem = Problem & { field: string | null };

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

export const bad = (field: string | null, problem: Problem): { ok: false; problem: RowProblem } => ({ ok: false, problem: { ...problem, field } });

export interface ParseOptions {
  dateOrder: DateOrder;
  decimalComma: boolean;
  /** ISO code for amounts that name none. */
  currency: string;
  phones: PhoneNormalizer;
  memo: ParseMemo;
}

/**
 * Results of recent parses. Big files repeat themselves: every line of an order carries the same
 * date and customer as the line before (`last`), and prices and statuses come from a short list
 * (`get`, a bounded map). The same text always parses the same.
 */
export class ParseMemo {
  private maps = new Map<string, Map<string, unknown>>();

  get<T>(kind: string, raw: string, parse: (raw: string) => T): T {
    let map = this.maps.get(kind);
    if (!map) this.maps.set(kind, (map = new Map()));
    const hit = map.get(raw);
    if (hit !== undefined || map.has(raw)) return hit as T;
    const value = parse(raw);
    if (map.size >= 5000) map.clear();
    map.set(own(raw), value);
    return value;
  }

  private last3Keys: Record<string, [string, string, string, unknown]> = Object.create(null);
  private lastDate: Record<string, [string, Checked<number>]> = Object.create(null);

  /** The person parsed from these three cells, when they are the same as last time (the order's previous line). */
  last3<T, A, B>(kind: string, a: string, b: string, c: string, parse: (a: string, b: string, c: string, x: A, y: B) => T, x: A, y: B): T {
    const prev = this.last3Keys[kind];
    if (prev && prev[0] === a && prev[1] === b && prev[2] === c) return prev[3] as T;
    const value = parse(a, b, c, x, y);
    this.last3Keys[kind] = [a, b, c, value];
    return value;
  }

  /** A date cell, checked again only when it differs from the same column's previous row. */
  date(field: string, raw: string, order: DateOrder): Checked<number> {
    const prev = this.lastDate[field];
    if (prev && prev[0] === raw) return prev[1];
    const ms = parseDate(raw, order);
    const value: Checked<number> = ms === null ? bad(field, dateProblem(raw, order)) : { ok: true, value: ms };
    this.lastDate[field] = [raw, value];
    return value;
  }
}

/**
 * A cell's text, trimmed only when it needs it (most do not, and trimming is not free). The
 * apostrophe an export puts before a value starting with = or @ (so Excel does not run it as a
 * formula) comes off again.
 */
export function cell(cells: string[], i: number): string {
  if (i < 0) return '';
  let v = cells[i];
  if (v === undefined || v === '') return '';
  if (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) v = v.trim();
  if (v.charCodeAt(0) === 39 && (v[1] === '=' || v[1] === '@')) v = v.slice(1);
  return v;
}

/** Mapped cells by field key, trimmed; '' for unmapped fields and missing cells of ragged rows. */
export class Columns {
  /** Field key → column index (unmapped fields are absent). */
  private readonly ix = new Map<string, number>();

  constructor(mapping: Record<string, number>) {
    for (const [field, column] of Object.entries(mapping)) if (column >= 0) this.ix.set(field, column);
  }

  has(field: string): boolean {
    return this.ix.has(field);
  }

  column(field: string): number | undefined {
    return this.ix.get(field);
  }

  get(cells: string[], field: string): string {
    const i = this.ix.get(field);
    return i === undefined ? '' : cell(cells, i);
  }
}

export interface Person {
  name: string | null;
  email: string | null;
  emailNorm: string | null;
  phone: string | null;
  phoneNorm: string | null;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

const PERSON_FIELDS = {
  '': { name: 'name', email: 'email', phone: 'phone' },
  customer_: { name: 'customer_name', email: 'customer_email', phone: 'customer_phone' },
} as const;

/** The name/email/phone fields of a row (`prefix` is '' for customer files, 'customer_' otherwise). */
export function readPerson(cols: Columns, cells: string[], prefix: '' | 'customer_', opts: Pick<ParseOptions, 'phones' | 'memo'>): Checked<Person> {
  const f = PERSON_FIELDS[prefix];
  const rawName = cols.get(cells, f.name);
  const rawEmail = cols.get(cells, f.email);
  const rawPhone = cols.get(cells, f.phone);
  return opts.memo.last3(prefix, rawName, rawEmail, rawPhone, parsePerson, prefix, opts.phones);
}

function parsePerson(rawName: string, rawEmail: string, rawPhone: string, prefix: '' | 'customer_', phones: PhoneNormalizer): Checked<Person> {
  const name = clip(rawName.replace(/\s+/g, ' '), 200) || null;
  let email: string | null = null;
  let emailNorm: string | null = null;
  if (rawEmail) {
    const e = parseEmail(rawEmail);
    if (!e) return bad(`${prefix}email`, { code: 'email_invalid', params: { value: clip(rawEmail, 80) } });
    email = clip(e.email, 320);
    emailNorm = e.norm;
  }
  let phoneNorm: string | null = null;
  if (rawPhone) {
    phoneNorm = phones.normalize(rawPhone);
    if (!phoneNorm) return bad(`${prefix}phone`, { code: 'phone_invalid', params: { value: clip(rawPhone, 80) } });
  }
  return { ok: true, value: { name, email, emailNorm, phone: rawPhone ? clip(rawPhone, 40) : null, phoneNorm } };
}

/** A required date cell (`what` names it in the problem when it is empty). */
export function readDate(cols: Columns, cells: string[], field: string, what: 'date' | 'order_date', opts: Pick<ParseOptions, 'dateOrder' | 'memo'>): Checked<number> {
  const raw = cols.get(cells, field);
  if (!raw) return bad(field, { code: 'date_empty', params: { what } });
  return opts.memo.date(field, raw, opts.dateOrder);
}

/** An optional date cell: null when empty. */
export function readOptionalDate(cols: Columns, cells: string[], field: string, opts: Pick<ParseOptions, 'dateOrder' | 'memo'>): Checked<number | null> {
  const raw = cols.get(cells, field);
  if (!raw) return { ok: true, value: null };
  return opts.memo.date(field, raw, opts.dateOrder);
}

/** A cell's text as a problem's `value`: long cells are cut (the whole row is in the rejected-rows file). */
export const valueOf = (raw: string) => clip(raw, 80);

/**
 * The start of every activity row (a message, a review): whose it is, found by email or phone,
 * and when it happened. `what` names the row in the problem (a message, a review).
 */
export function readOwnerAndTime(
  cols: Columns,
  cells: string[],
  opts: Pick<ParseOptions, 'phones' | 'memo' | 'dateOrder'>,
  what: 'message' | 'review',
): Checked<{ person: Person; occurredAt: number }> {
  const person = readPerson(cols, cells, 'customer_', opts);
  if (!person.ok) return person;
  if (!person.value.email && !person.value.phone) {
    return bad(cols.has('customer_email') ? 'customer_email' : 'customer_phone', { code: 'customer_key_missing', params: { what } });
  }
  const date = readDate(cols, cells, 'occurred_at', 'date', opts);
  if (!date.ok) return date;
  return { ok: true, value: { person: person.value, occurredAt: date.value } };
}

/** The row's language: the file's column when it has one, else guessed from the text. */
export function readLanguage(cols: Columns, cells: string[], text: string | null): Checked<string> {
  const raw = cols.get(cells, 'language');
  if (!raw) return { ok: true, value: guessLanguage(text) };
  const l = choice(LANGUAGE, raw);
  if (!l) return bad('language', { code: 'language_unknown', params: { value: valueOf(raw) } });
  return { ok: true, value: l };
}
