// The one place a customer row is inserted or updated, for the single-record and bulk modes
// alike, so a column every write must fill is filled in one place. Values arrive checked
// (valid.ts); derived state follows through the hooks (derived/hooks.ts), not from here.
import type Database from 'better-sqlite3';
import { customerSortKey } from './sort-key';

export interface CustomerValues {
  name: string;
  companyId: number | null;
  email: string | null;
  emailNorm: string | null;
  phone: string | null;
  phoneNorm: string | null;
  city: string | null;
  country: string | null;
  language: string;
  consentEmail: boolean;
  consentSms: boolean;
  consentWechat: boolean;
}

export type CustomerSource = 'manual' | 'sample' | 'import';

const cache = new WeakMap<Database.Database, { insert: Database.Statement; update: Database.Statement }>();

function statements(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      insert: sqlite.prepare(`INSERT INTO customers (name, company_id, email, email_norm, phone, phone_norm, city, country, language,
          consent_email, consent_sms, consent_wechat, source, created_at, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      update: sqlite.prepare(`UPDATE customers SET name = ?, sort_key = ?, company_id = ?, email = ?, email_norm = ?, phone = ?, phone_norm = ?, city = ?,
          country = ?, language = ?, consent_email = ?, consent_sms = ?, consent_wechat = ?, updated_at = ? WHERE id = ?`),
    };
    cache.set(sqlite, s);
  }
  return s;
}

/** Inserts a customer; returns its id. `createdAt` is "customer since" until activity says earlier. */
export function insertCustomerRow(sqlite: Database.Database, v: CustomerValues, source: CustomerSource, createdAt: number): number {
  return Number(
    statements(sqlite).insert.run(v.name, v.companyId, v.email, v.emailNorm, v.phone, v.phoneNorm, v.city, v.country, v.language,
      v.consentEmail ? 1 : 0, v.consentSms ? 1 : 0, v.consentWechat ? 1 : 0, source, Math.round(createdAt), customerSortKey(v.name)).lastInsertRowid,
  );
}

export function updateCustomerRow(sqlite: Database.Database, id: number, v: CustomerValues, updatedAt = Date.now()): void {
  statements(sqlite).update.run(v.name, customerSortKey(v.name), v.companyId, v.email, v.emailNorm, v.phone, v.phoneNorm, v.city, v.country, v.language,
    v.consentEmail ? 1 : 0, v.consentSms ? 1 : 0, v.consentWechat ? 1 : 0, updatedAt, id);
}
