// The one definition of a valid email and phone number, and how a phone number is stored and
// shown: the UI's customer form, the import and the sample shop all read contact details here.
import type { CountryCode } from 'libphonenumber-js';
import { normalizeEmail, normalizePhone, phoneLib } from './normalize';

/** Full-width forms typed with a Chinese input method (＠, ０-９, ＋) read as their ASCII twins. */
export const halfWidth = (s: string) => (/[\uff01-\uff5e\u3000]/.test(s) ? s.normalize('NFKC') : s);

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;

/** The email as it will be stored (trimmed, "mailto:" and angle brackets gone), or null if invalid. */
export function parseEmail(raw: string): { email: string; norm: string } | null {
  let v = halfWidth(raw.trim()).replace(/^mailto:/i, '');
  const angle = /<([^>]+)>/.exec(v);
  if (angle) v = angle[1];
  v = v.trim();
  if (!EMAIL.test(v)) return null;
  return { email: v, norm: normalizeEmail(v)! };
}

/**
 * Mainland mobile numbers, the bulk of a Chinese file, without the full parser (15 µs a number):
 * 13800138000, 138 0013 8000, +86 138-0013-8000, 0086 13800138000, 8613800138000 all become
 * 8613800138000, exactly what libphonenumber-js gives (a test holds the two to the same answers
 * for every prefix). 179xx is left to the parser: China's IP-dialling prefixes (17951...) start so.
 */
export function cnMobile(v: string): string | null {
  if (!/^[+\d\s\-().]+$/.test(v)) return null;
  let d = v.replace(/\D/g, '');
  if (v.trimStart().startsWith('+')) {
    if (!d.startsWith('86')) return null;
    d = d.slice(2);
  } else if (d.length === 15 && d.startsWith('0086')) d = d.slice(4);
  else if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  return /^1(?:[3-68-9]\d|7[0-8])\d{8}$/.test(d) ? `86${d}` : null;
}

/** The de-duplication key of a phone number (digits with country code), or null when it is not one. */
export function phoneKey(raw: string, country: CountryCode = 'CN'): string | null {
  const v = halfWidth(raw).replace(/^tel:/i, '');
  const cn = country === 'CN' ? cnMobile(v) : null;
  if (cn !== null) return cn;
  return v.replace(/\D/g, '').length >= 5 ? normalizePhone(v, country) : null;
}

/**
 * A phone number as Patron shows and stores it, from its key: international format
 * ("+86 151 0000 0056"), whichever way it was typed or imported. A key the library cannot place
 * keeps the text as it was given.
 */
export function formatPhone(key: string, raw: string): string {
  // Mainland mobiles, most numbers of a Chinese file: the library's own format, without loading it.
  if (key.length === 13 && key.startsWith('861')) return `+86 ${key.slice(2, 5)} ${key.slice(5, 9)} ${key.slice(9)}`;
  const parsed = phoneLib().parsePhoneNumberFromString(`+${key}`);
  return parsed?.isPossible() ? parsed.formatInternational() : raw.trim();
}
