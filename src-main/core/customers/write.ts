// Customers' single-record write path (the UI's calls): checked by the one definition of a valid
// customer (valid.ts), the company found or created by the one finder, written through rows.ts,
// and its change recorded on the change bus; the search row follows by its hook.
import type Database from 'better-sqlite3';
import { CompanyFinder } from '../companies/find-or-create';
import { writeOne } from '../derived/write-one';
import { AppError, notFound } from '../errors';
import { guessCustomerLanguage } from './language';
import { insertCustomerRow, updateCustomerRow, type CustomerValues } from './rows';
import { customerInput, type CustomerInput } from './schemas';
import { requireContact } from './valid';

/** Throws not_found unless the customer exists: every write that hangs off a customer checks first. */
export function assertCustomer(sqlite: Database.Database, id: number): void {
  if (!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(id)) throw notFound('Customer', id);
}

function assertNoDuplicate(sqlite: Database.Database, v: CustomerValues, exceptId?: number) {
  const check = (column: string, value: string | null, field: 'email' | 'phone') => {
    if (!value) return;
    const hit = sqlite.prepare(`SELECT id, name FROM customers WHERE ${column} = ? AND id IS NOT ?`).get(value, exceptId ?? null) as
      | { id: number; name: string }
      | undefined;
    if (hit) {
      throw new AppError('conflict', `${hit.name} (customer ${hit.id}) already has this ${field === 'email' ? 'email address' : 'phone number'}.`, field, {
        customerId: hit.id,
        customerName: hit.name,
      });
    }
  };
  check('email_norm', v.emailNorm, 'email');
  check('phone_norm', v.phoneNorm, 'phone');
}

/** The row's values from the form: the language guessed from the name unless the person chose one. */
function values(sqlite: Database.Database, raw: CustomerInput, current?: { language: string }): CustomerValues {
  const input = customerInput.parse(raw);
  const contact = requireContact(input);
  return {
    ...contact,
    city: input.city ?? null,
    country: input.country ?? null,
    language: input.language ?? current?.language ?? guessCustomerLanguage(contact.name),
    consentEmail: input.consentEmail,
    consentSms: input.consentSms,
    consentWechat: input.consentWechat,
    companyId: new CompanyFinder(sqlite).id(input.company),
  };
}

export function createCustomer(sqlite: Database.Database, raw: CustomerInput): { id: number } {
  return writeOne(sqlite, 'customer', 'create', () => {
    const v = values(sqlite, raw);
    assertNoDuplicate(sqlite, v);
    const id = insertCustomerRow(sqlite, v, 'manual', Date.now());
    return { value: { id }, ids: [id], customerIds: [id] };
  });
}

export function updateCustomer(sqlite: Database.Database, id: number, raw: CustomerInput): { id: number } {
  return writeOne(sqlite, 'customer', 'update', () => {
    const current = sqlite.prepare('SELECT language FROM customers WHERE id = ?').get(id) as { language: string } | undefined;
    if (!current) throw notFound('Customer', id);
    const v = values(sqlite, raw, current);
    assertNoDuplicate(sqlite, v, id);
    updateCustomerRow(sqlite, id, v);
    return { value: { id }, ids: [id], customerIds: [id] };
  });
}

/** Deletes a customer with everything that hangs off it (orders, messages, notes...: cascades). */
export function deleteCustomer(sqlite: Database.Database, id: number): void {
  writeOne(sqlite, 'customer', 'delete', () => {
    if (sqlite.prepare('DELETE FROM customers WHERE id = ?').run(id).changes === 0) throw notFound('Customer', id);
    return { value: undefined, ids: [id], customerIds: [id] };
  });
}
