// A profile's PIN, stored only as an scrypt hash: `scrypt$N$r$p$salt$hash` (salt and hash base64).
// Parameters: N = 2^15, r = 8, p = 1, 16-byte random salt, 32-byte key — the interactive-login
// setting recommended by RFC 7914 §2 and OWASP's Password Storage Cheat Sheet (N ≥ 2^15 with r=8,
// p=1; about 32 MiB and 50–100 ms here). A 4–8 digit PIN has little entropy, so the hash is a
// second line of defence: the first is the wait after repeated wrong PINs (profiles.ts) and, for
// the file itself, the database encryption.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export const PIN_PATTERN = /^\d{4,8}$/;
export const SCRYPT = { N: 1 << 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

function derive(pin: string, salt: Buffer, N: number, r: number, p: number, keyBytes: number): Buffer {
  // maxmem above the 128·N·r bytes scrypt needs (node's default 32 MiB is exactly that, too tight).
  return scryptSync(pin.normalize('NFKC'), salt, keyBytes, { N, r, p, maxmem: 256 * N * r });
}

export function hashPin(pin: string): string {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = derive(pin, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyBytes);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a PIN against a stored hash; a malformed hash never matches. */
export function verifyPin(pin: string, stored: string | null): boolean {
  if (!stored) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (!expected.length) return false;
  const actual = derive(pin, salt, N, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}
