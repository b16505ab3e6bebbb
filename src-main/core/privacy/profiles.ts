// Profiles on a shared machine: one owner and staff, each with a name and a PIN. With no profiles
// the app is one person, the owner (actor.ts). Every change goes through the write path, recorded
// as a settings change, so the audit log (triggers on `profiles`) and open windows see it.
import type Database from 'better-sqlite3';
import type { ProfileRole, ProfileSummary } from '../../shared/privacy';
import { changeBus } from '../changes/bus';
import { AppError, notFound } from '../errors';
import { hashPin, PIN_PATTERN, verifyPin } from './pin';

/** Wrong PINs in a row before a wait, and the wait. */
export const PIN_TRIES = 5;
export const PIN_WAIT_MS = 30_000;

interface ProfileRow {
  id: number;
  name: string;
  role: ProfileRole;
  pinHash: string | null;
}

const SELECT = 'SELECT id, name, role, pin_hash AS pinHash FROM profiles';

function summary(row: ProfileRow): ProfileSummary {
  return { id: row.id, name: row.name, role: row.role, hasPin: row.pinHash !== null };
}

export function listProfiles(sqlite: Database.Database): ProfileSummary[] {
  // The owner first, then by name: the sign-in screen lists them so.
  return (sqlite.prepare(`${SELECT} ORDER BY role = 'owner' DESC, name COLLATE NOCASE, id`).all() as ProfileRow[]).map(summary);
}

export function hasProfiles(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM profiles LIMIT 1').get() !== undefined;
}

function row(sqlite: Database.Database, id: number): ProfileRow {
  const found = sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as ProfileRow | undefined;
  if (!found) throw notFound('Profile', id);
  return found;
}

export function getProfile(sqlite: Database.Database, id: number): ProfileSummary | null {
  const found = sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as ProfileRow | undefined;
  return found ? summary(found) : null;
}

function checkPin(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new AppError('invalid_input', 'pin: A PIN is 4 to 8 digits', 'pin');
}

function checkName(sqlite: Database.Database, name: string, exceptId: number | null): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('invalid_input', 'name: A profile needs a name', 'name');
  const taken = sqlite.prepare('SELECT id FROM profiles WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(trimmed, exceptId);
  if (taken) throw new AppError('profile_name_taken', `There is already a profile called “${trimmed}”.`, 'name', { name: trimmed });
  return trimmed;
}

function owners(sqlite: Database.Database): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM profiles WHERE role = 'owner'`).get() as { n: number }).n;
}

export interface ProfileInput {
  name: string;
  role: ProfileRole;
  pin: string;
}

/** A new profile. The first one is the owner whatever role was asked: someone must hold the keys. */
export function createProfile(sqlite: Database.Database, input: ProfileInput): ProfileSummary {
  checkPin(input.pin);
  const pinHash = hashPin(input.pin);
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const name = checkName(sqlite, input.name, null);
    const role: ProfileRole = hasProfiles(sqlite) ? input.role : 'owner';
    const id = Number(sqlite.prepare('INSERT INTO profiles (name, role, pin_hash) VALUES (?, ?, ?)').run(name, role, pinHash).lastInsertRowid);
    bus.record('settings', 'update', [id]);
    return summary(row(sqlite, id));
  });
}

export interface ProfileChange {
  name?: string;
  role?: ProfileRole;
  /** A new PIN; absent keeps the current one. */
  pin?: string;
}

export function updateProfile(sqlite: Database.Database, id: number, change: ProfileChange): ProfileSummary {
  if (change.pin !== undefined) checkPin(change.pin);
  const pinHash = change.pin !== undefined ? hashPin(change.pin) : undefined;
  const bus = changeBus(sqlite);
  return bus.write(() => {
    const before = row(sqlite, id);
    const name = change.name !== undefined ? checkName(sqlite, change.name, id) : before.name;
    const role = change.role ?? before.role;
    if (before.role === 'owner' && role !== 'owner' && owners(sqlite) === 1) {
      throw new AppError('last_owner', 'The last owner cannot be made staff.', 'role');
    }
    sqlite.prepare('UPDATE profiles SET name = ?, role = ?, pin_hash = ? WHERE id = ?').run(name, role, pinHash ?? before.pinHash, id);
    bus.record('settings', 'update', [id]);
    if (pinHash !== undefined) tries.delete(id);
    return summary(row(sqlite, id));
  });
}

/**
 * Removes a profile. The last owner goes only with the last profile: removing every profile is how
 * the owner stops using profiles (the app is then one person again).
 */
export function removeProfile(sqlite: Database.Database, id: number): void {
  const bus = changeBus(sqlite);
  bus.write(() => {
    const before = row(sqlite, id);
    const count = (sqlite.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n;
    if (before.role === 'owner' && owners(sqlite) === 1 && count > 1) {
      throw new AppError('last_owner', 'The last owner cannot be removed while other profiles remain.');
    }
    sqlite.prepare('DELETE FROM profiles WHERE id = ?').run(id);
    bus.record('settings', 'update', [id]);
  });
  tries.delete(id);
}

/**
 * Wrong PINs in a row per profile, in memory: a restart forgets them, which is fine for a wait
 * meant to make guessing by hand slow (10,000 four-digit PINs at 5 per 30 s is over 16 hours).
 */
const tries = new Map<number, { wrong: number; until: number }>();

/** Checks a profile's PIN; a wrong one throws `wrong_pin`, the sixth try within the wait `pin_wait`. */
export function checkProfilePin(sqlite: Database.Database, id: number, pin: string, now = Date.now()): ProfileSummary {
  const profile = row(sqlite, id);
  const t = tries.get(id);
  if (t && t.until > now) {
    const seconds = Math.ceil((t.until - now) / 1000);
    throw new AppError('pin_wait', `Too many wrong PINs: wait ${seconds} seconds.`, 'pin', { seconds });
  }
  if (!verifyPin(pin, profile.pinHash)) {
    const wrong = (t?.wrong ?? 0) + 1;
    tries.set(id, { wrong: wrong >= PIN_TRIES ? 0 : wrong, until: wrong >= PIN_TRIES ? now + PIN_WAIT_MS : 0 });
    throw new AppError('wrong_pin', `That PIN is not right for “${profile.name}”.`, 'pin', { profile: profile.name });
  }
  tries.delete(id);
  return summary(profile);
}
