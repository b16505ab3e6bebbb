// De-duplication keys: the same person typed twice should normalise to the same email/phone.
import type { CountryCode } from 'libphonenumber-js';
import { createRequire } from 'node:module';

// Loaded on the first number that needs the full parser: it takes 0.1-0.3 s to load (the import's
// worker thread waits that long before its first rows), and a file of mainland mobile numbers
// never needs it (contact.ts cnMobile).
let lib: typeof import('libphonenumber-js') | null = null;
export const phoneLib = () => (lib ??= createRequire(import.meta.url)('libphonenumber-js') as typeof import('libphonenumber-js'));

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/** Digits with country code (8613800138000); numbers without one are read as `defaultCountry`. */
export function normalizePhone(phone: string | null | undefined, defaultCountry: CountryCode = 'CN'): string | null {
  const raw = phone?.trim();
  if (!raw) return null;
  const parsed = phoneLib().parsePhoneNumberFromString(raw, defaultCountry);
  if (parsed?.isPossible()) return parsed.number.replace(/\D/g, '');
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 5 ? digits : null;
}
