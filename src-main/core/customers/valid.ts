// The one definition of a valid customer, for every write path: the UI's form (single-record
// mode), the import and the sample shop (bulk mode). A customer needs a name, email or phone; an
// email or phone given must be one. Problems are codes with the field they belong to.
import type { CountryCode } from 'libphonenumber-js';
import type { FieldIssue } from '../../shared/problems';
import { AppError } from '../errors';
import { formatPhone, parseEmail, phoneKey } from './contact';

export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Contact details as stored: the email cleaned, the phone in its display format, both keys. */
export interface Contact {
  name: string;
  email: string | null;
  emailNorm: string | null;
  phone: string | null;
  phoneNorm: string | null;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export type ContactCheck = { ok: true; value: Contact } | { ok: false; issues: FieldIssue[] };

/** Checks a customer's name, email and phone; every wrong field is named, not just the first. */
export function checkContact(input: ContactInput, country: CountryCode = 'CN'): ContactCheck {
  const issues: FieldIssue[] = [];
  const name = input.name?.replace(/\s+/g, ' ').trim() || null;
  const rawEmail = input.email?.trim() || null;
  const rawPhone = input.phone?.trim() || null;
  let email: Contact['email'] = null;
  let emailNorm: string | null = null;
  if (rawEmail) {
    const e = parseEmail(rawEmail);
    if (e) ({ email, norm: emailNorm } = e);
    else issues.push({ field: 'email', code: 'email_invalid', params: { value: clip(rawEmail, 80) } });
  }
  let phone: string | null = null;
  let phoneNorm: string | null = null;
  if (rawPhone) {
    phoneNorm = phoneKey(rawPhone, country);
    if (phoneNorm) phone = clip(formatPhone(phoneNorm, rawPhone), 40);
    else issues.push({ field: 'phone', code: 'phone_invalid', params: { value: clip(rawPhone, 80) } });
  }
  if (!name && !rawEmail && !rawPhone) issues.push({ field: 'name', code: 'person_missing', params: {} });
  if (issues.length) return { ok: false, issues };
  // A customer known only by email or phone is called by it until renamed.
  return { ok: true, value: { name: clip(name ?? email ?? phone ?? '', 200), email: email && clip(email, 320), emailNorm, phone, phoneNorm } };
}

/** The contact details, or an invalid_input error naming every wrong field (single-record and sample paths). */
export function requireContact(input: ContactInput): Contact {
  const checked = checkContact(input);
  if (checked.ok) return checked.value;
  const first = checked.issues[0];
  throw new AppError('invalid_input', `${first.field}: ${first.code}`, first.field, {}, checked.issues);
}
