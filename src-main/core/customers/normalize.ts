// De-duplication keys: the same person typed twice should normalise to the same email/phone.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/** Digits with country code (8613800138000); numbers without one are read as `defaultCountry`. */
export function normalizePhone(phone: string | null | undefined, defaultCountry: CountryCode = 'CN'): string | null {
  const raw = phone?.trim();
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (parsed?.isPossible()) return parsed.number.replace(/\D/g, '');
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 5 ? digits : null;
}
