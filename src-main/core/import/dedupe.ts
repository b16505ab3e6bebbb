// De-duplication and merge of customers during an import. A row is the same person as an
// existing customer, or as an earlier row of the same file, when its normalised email matches
// (else its normalised phone). Matches are merged, never duplicated:
//   created   — no match: a new customer
//   updated   — matched a customer that existed before the import, and changed something
//   unchanged — matched one, and the file adds nothing new (re-importing a file ends here)
//   merged    — matched a customer an earlier row of this file created or updated
// Keys are never overwritten: a matched customer keeps its email and phone, and only gains the
// ones it lacks (a phone another customer already has is left out).
//
// This is the customers' bulk mode: rows are written through the customers' own row writer
// (customers/rows.ts), companies and tags through the one find-or-create, phones stored in the
// one display format; search rows follow through the derived-state hooks (BulkScope).
import type Database from 'better-sqlite3';
import { CompanyFinder } from '../companies/find-or-create';
import { formatPhone } from '../customers/contact';
import { guessCustomerLanguage } from '../customers/language';
import { insertCustomerRow, updateCustomerRow, type CustomerValues } from '../customers/rows';
import type { BulkScope } from '../derived/bulk-scope';
import { noteRows } from '../notes/service';
import { TagFinder } from '../tags/find-or-create';
import { own } from './source-row';
import { grown } from './typed-arrays';
import type { CustomerRow } from './validate-customer';
import type { Person } from './validate-common';

/**
 * Customers (and so keys of each kind) up to which all keys are kept in memory (about 100 bytes
 * each). An object so a test can lower it.
 */
export const KEYS_IN_MEMORY = { maxCustomers: 300_000 };

/** Whether an import into this database looks customers' keys up in memory (see CustomerStore.keys). */
export function keysFitInMemory(sqlite: Database.Database): boolean {
  return (sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number) <= KEYS_IN_MEMORY.maxCustomers;
}

export type OnMatch = 'fill' | 'overwrite';
export type CustomerAction = 'created' | 'updated' | 'unchanged' | 'merged';

export interface MergeRecord {
  line: number;
  customerId: number;
  name: string;
  matchedBy: 'email' | 'phone';
  /** 'existing' (a customer from before the import) or the line of the earlier row. */
  into: 'existing' | number;
  action: 'updated' | 'merged';
  changed: string[];
}

export interface CustomerCounts {
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
}

/** A stored customer as the merge reads it: its row values (consents as SQLite's 0/1), its company's name. */
type Existing = Omit<CustomerValues, 'consentEmail' | 'consentSms' | 'consentWechat'> & {
  id: number;
  company: string | null;
  consentEmail: number;
  consentSms: number;
  consentWechat: number;
};

export class CustomerStore {
  readonly counts: CustomerCounts = { created: 0, updated: 0, unchanged: 0, merged: 0 };
  /** Customers with an id above this were created by this import. */
  readonly startMaxId: number;
  private readonly s;
  /** Existing customers this import has matched, with the line that first matched them. */
  private readonly touched = new Map<number, number>();
  /** Line that created customer startMaxId + 1 + i. */
  private createdLines = new Int32Array(1024);
  private readonly companies: CompanyFinder;
  private readonly tags: TagFinder;
  private readonly notes: ReturnType<typeof noteRows>;
  /** Display form of each phone key seen (the same customer's number repeats on every order line). */
  private readonly phoneShown = new Map<string, string>();
  /** Customers already resolved for order/message/review rows, by email or phone key. */
  private readonly refs = new Map<string, number>();
  /**
   * Every customer's email and phone key (the first customer holding each), kept while there are
   * not too many: most rows of a big file are new people, and a miss in memory is much cheaper
   * than a miss in the index. Null: look keys up in the database.
   */
  private keys: { email: Map<string, number>; phone: Map<string, number> } | null = null;
  private readonly onKeysInDatabase: (() => void) | undefined;
  private readonly now = Date.now();

  constructor(
    private readonly sqlite: Database.Database,
    /** What this import adds and changes, for the derived-state hooks. */
    private readonly bulk: BulkScope,
    private readonly onMatch: OnMatch,
    private readonly mergeSink: (m: MergeRecord) => void,
    opts: {
      /** Whether to keep the keys in memory; by default, when they fit (keysFitInMemory). */
      keysInMemory?: boolean;
      /** Called when the keys stop fitting in memory, before the first lookup in the database. */
      onKeysInDatabase?: () => void;
    } = {},
  ) {
    this.onKeysInDatabase = opts.onKeysInDatabase;
    this.s = {
      byEmail: sqlite.prepare('SELECT id FROM customers WHERE email_norm = ? ORDER BY id LIMIT 1').pluck(),
      byPhone: sqlite.prepare('SELECT id FROM customers WHERE phone_norm = ? ORDER BY id LIMIT 1').pluck(),
      load: sqlite.prepare(`SELECT c.id, c.name, c.email, c.email_norm AS emailNorm, c.phone, c.phone_norm AS phoneNorm, c.city, c.country,
          co.name AS company, c.company_id AS companyId, c.language, c.consent_email AS consentEmail, c.consent_sms AS consentSms, c.consent_wechat AS consentWechat
        FROM customers c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?`),
    };
    this.companies = new CompanyFinder(sqlite);
    this.tags = new TagFinder(sqlite);
    this.notes = noteRows(sqlite);
    this.startMaxId = bulk.addedAfter('customer');
    if (opts.keysInMemory ?? keysFitInMemory(sqlite)) {
      this.keys = { email: new Map(), phone: new Map() };
      const all = sqlite.prepare('SELECT id, email_norm AS e, phone_norm AS p FROM customers ORDER BY id').raw().iterate() as Iterable<[number, string | null, string | null]>;
      for (const [id, e, p] of all) this.addKeys(id, e, p);
    }
  }

  private addKeys(id: number, emailNorm: string | null, phoneNorm: string | null): void {
    const k = this.keys;
    if (!k) return;
    if (emailNorm && !k.email.has(emailNorm)) k.email.set(own(emailNorm), id);
    if (phoneNorm && !k.phone.has(phoneNorm)) k.phone.set(own(phoneNorm), id);
    if (k.email.size + k.phone.size > 2 * KEYS_IN_MEMORY.maxCustomers) {
      this.keys = null;
      this.onKeysInDatabase?.();
    }
  }

  private byEmail(emailNorm: string): number | undefined {
    return this.keys ? this.keys.email.get(emailNorm) : (this.s.byEmail.get(emailNorm) as number | undefined);
  }

  private byPhone(phoneNorm: string): number | undefined {
    return this.keys ? this.keys.phone.get(phoneNorm) : (this.s.byPhone.get(phoneNorm) as number | undefined);
  }

  find(p: Pick<Person, 'emailNorm' | 'phoneNorm'>): { id: number; by: 'email' | 'phone' } | null {
    if (p.emailNorm) {
      const id = this.byEmail(p.emailNorm);
      if (id !== undefined) return { id, by: 'email' };
    }
    if (p.phoneNorm) {
      const id = this.byPhone(p.phoneNorm);
      if (id !== undefined) return { id, by: 'phone' };
    }
    return null;
  }

  /** Adds tags the customer lacks; true when one was added. */
  private addTags(customerId: number, tags: string[]): boolean {
    let added = false;
    for (const name of tags) if (this.tags.tag(customerId, name)) added = true;
    return added;
  }

  private addNote(customerId: number, note: string | null): boolean {
    return !!note && this.notes.addOnce(customerId, note, this.now);
  }

  /** The phone as stored: the one display format, from its key. */
  private phone(key: string | null, raw: string | null): string | null {
    if (!key || !raw) return raw;
    let shown = this.phoneShown.get(key);
    if (shown === undefined) {
      if (this.phoneShown.size >= 50_000) this.phoneShown.clear();
      this.phoneShown.set(own(key), (shown = formatPhone(key, raw)));
    }
    return shown;
  }

  private insert(c: Omit<CustomerRow, 'tags' | 'note' | 'languageGiven'>, line: number): number {
    const values: CustomerValues = {
      name: c.name ?? '', companyId: this.companies.id(c.company), email: c.email, emailNorm: c.emailNorm, phone: this.phone(c.phoneNorm, c.phone),
      phoneNorm: c.phoneNorm, city: c.city, country: c.country, language: c.language,
      consentEmail: !!c.consentEmail, consentSms: !!c.consentSms, consentWechat: !!c.consentWechat,
    };
    const id = insertCustomerRow(this.sqlite, values, 'import', c.createdAt ?? this.now);
    this.addKeys(id, c.emailNorm, c.phoneNorm);
    const slot = id - this.startMaxId - 1;
    if (slot >= 0) {
      this.createdLines = grown(this.createdLines, slot + 1);
      this.createdLines[slot] = line;
    }
    this.counts.created++;
    return id;
  }

  /** The line a customer came from in this import, or 'existing'. */
  private origin(id: number): 'existing' | number {
    if (id > this.startMaxId) return this.createdLines[id - this.startMaxId - 1] ?? 'existing';
    return this.touched.get(id) ?? 'existing';
  }

  /** A row of a customer file: create, or merge into the matching customer. */
  upsert(row: CustomerRow, line: number): { id: number; action: CustomerAction } {
    const match = this.find(row);
    if (!match) {
      const id = this.insert(row, line);
      this.addTags(id, row.tags);
      this.addNote(id, row.note);
      return { id, action: 'created' };
    }
    const { id } = match;
    const seenBefore = id > this.startMaxId || this.touched.has(id);
    const into = this.origin(id);
    const changed = this.mergeInto(id, row);
    if (this.addTags(id, row.tags)) changed.push('tags');
    if (this.addNote(id, row.note)) changed.push('note');
    if (changed.length) this.bulk.changed('customer', id);
    if (seenBefore) {
      this.counts.merged++;
      this.mergeSink({ line, customerId: id, name: row.name ?? '', matchedBy: match.by, into, action: 'merged', changed });
      return { id, action: 'merged' };
    }
    this.touched.set(id, line);
    if (!changed.length) {
      this.counts.unchanged++;
      return { id, action: 'unchanged' };
    }
    this.counts.updated++;
    this.mergeSink({ line, customerId: id, name: row.name ?? '', matchedBy: match.by, into: 'existing', action: 'updated', changed });
    return { id, action: 'updated' };
  }

  /** Applies a row's values to customer `id` by the onMatch rule; returns the fields changed. */
  private mergeInto(id: number, row: Partial<CustomerRow> & Person): string[] {
    const cur = this.s.load.get(id) as Existing;
    const next = { ...cur };
    const changed: string[] = [];
    // A name that is only the customer's email or phone stands in for a missing one.
    const placeholder = cur.name === cur.email || cur.name === cur.phone;
    const take = (field: 'name' | 'city' | 'country' | 'company', value: string | null | undefined) => {
      if (!value || value === cur[field]) return;
      if (this.onMatch === 'overwrite' || !cur[field] || (field === 'name' && placeholder)) {
        next[field] = value;
        changed.push(field);
      }
    };
    // A name made up from the email or phone never replaces a real one.
    if (row.name && row.name !== row.email && row.name !== row.phone) take('name', row.name);
    take('city', row.city);
    take('country', row.country);
    take('company', row.company);
    if (row.emailNorm && !cur.emailNorm) {
      next.email = row.email;
      next.emailNorm = row.emailNorm;
      changed.push('email');
    }
    if (row.phoneNorm && !cur.phoneNorm) {
      const owner = this.byPhone(row.phoneNorm);
      if (owner === undefined || owner === id) {
        next.phone = this.phone(row.phoneNorm, row.phone);
        next.phoneNorm = row.phoneNorm;
        changed.push('phone');
      }
    }
    if (row.languageGiven && row.language && row.language !== cur.language && this.onMatch === 'overwrite') {
      next.language = row.language;
      changed.push('language');
    }
    const consent = (field: 'consentEmail' | 'consentSms' | 'consentWechat', v: boolean | undefined) => {
      if (v === undefined || Number(v) === cur[field]) return;
      next[field] = Number(v);
      changed.push(field);
    };
    consent('consentEmail', row.consentEmail);
    consent('consentSms', row.consentSms);
    consent('consentWechat', row.consentWechat);
    if (changed.length) {
      const companyId = next.company === cur.company ? cur.companyId : this.companies.id(next.company);
      updateCustomerRow(this.sqlite, id, {
        name: next.name, companyId, email: next.email, emailNorm: next.emailNorm, phone: next.phone, phoneNorm: next.phoneNorm, city: next.city,
        country: next.country, language: next.language, consentEmail: !!next.consentEmail, consentSms: !!next.consentSms, consentWechat: !!next.consentWechat,
      }, this.now);
      this.addKeys(id, next.emailNorm, next.phoneNorm);
    }
    return changed;
  }

  /**
   * The customer an order, message or review row belongs to: found by email or phone, or created
   * from the row when `create` is on. A customer found for the first time gains the email or
   * phone it lacks. Returns null for an unknown customer when creating is off. `wrote`: what the
   * row says the customer wrote (a message, a review), which with the name tells a new
   * customer's language.
   */
  reference(p: Person, line: number, create: boolean, wrote: string | null = null): number | null {
    // Emails contain @ and phone keys do not: one map serves both without building a key.
    const key = p.emailNorm ?? (p.phoneNorm as string);
    const cached = this.refs.get(key);
    if (cached !== undefined) return cached;
    const id = this.resolve(p, line, create, wrote);
    if (id !== null) {
      if (this.refs.size >= 100_000) this.refs.clear();
      this.refs.set(own(key), id);
    }
    return id;
  }

  private resolve(p: Person, line: number, create: boolean, wrote: string | null): number | null {
    const match = this.find(p);
    if (match) {
      const { id } = match;
      if (id <= this.startMaxId && !this.touched.has(id)) {
        this.touched.set(id, line);
        const changed = this.mergeInto(id, { name: null, email: p.email, emailNorm: p.emailNorm, phone: p.phone, phoneNorm: p.phoneNorm });
        if (changed.length) {
          this.bulk.changed('customer', id);
          this.counts.updated++;
          this.mergeSink({ line, customerId: id, name: p.name ?? '', matchedBy: match.by, into: 'existing', action: 'updated', changed });
        } else this.counts.unchanged++;
      }
      return id;
    }
    if (!create) return null;
    // Spelled out: V8 builds `{ ...p, more }` through a slow path (about 8 µs an object).
    const row = {
      name: p.name ?? p.email ?? p.phone, email: p.email, emailNorm: p.emailNorm, phone: p.phone, phoneNorm: p.phoneNorm, company: null, city: null, country: null, language: guessCustomerLanguage(p.name, wrote), createdAt: null,
      consentEmail: false, consentSms: false, consentWechat: false,
    };
    return this.insert(row, line);
  }
}
