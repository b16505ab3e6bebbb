// Fields the owner marks private: staff read them as null. Applied in ONE place, the outputs of the
// calls that return customers' contact fields (customers.get/list, search.all, the timeline's
// notes), so no screen has to remember to hide them and a direct call gets nothing either.
import type Database from 'better-sqlite3';
import { PRIVATE_FIELD_CHOICES, type PrivateField } from '../../shared/privacy';
import { changeBus } from '../changes/bus';
import { currentActor, type Actor } from './actor';

export const PRIVATE_FIELDS_KEY = 'privacy.privateFields';

export function privateFields(sqlite: Database.Database): PrivateField[] {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PRIVATE_FIELDS_KEY) as string | undefined;
  const stored = raw ? (JSON.parse(raw) as unknown) : [];
  return PRIVATE_FIELD_CHOICES.filter((f) => Array.isArray(stored) && stored.includes(f));
}

export function setPrivateFields(sqlite: Database.Database, fields: PrivateField[]): PrivateField[] {
  const next = PRIVATE_FIELD_CHOICES.filter((f) => fields.includes(f));
  const bus = changeBus(sqlite);
  bus.write(() => {
    sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(PRIVATE_FIELDS_KEY, JSON.stringify(next));
    // Said as a change to customers too: open windows re-read them and staff see the fields go.
    bus.record('settings', 'update');
    bus.record('customer', 'bulk');
  });
  return next;
}

/** The fields hidden from `actor`: none for the owner. */
export function hiddenFields(sqlite: Database.Database, actor: Actor = currentActor()): ReadonlySet<PrivateField> {
  return actor.role === 'owner' ? new Set() : new Set(privateFields(sqlite));
}

type WithFields = Partial<Record<Exclude<PrivateField, 'notes'>, unknown>>;

/** A customer row (or any row with contact fields) with the actor's hidden fields set to null. */
export function hideFields<T extends WithFields>(row: T, hidden: ReadonlySet<PrivateField>): T {
  if (!hidden.size) return row;
  const out: Record<string, unknown> = { ...row };
  for (const f of hidden) if (f !== 'notes' && f in out) out[f] = null;
  return out as T;
}

export function hideCustomerRows<T extends WithFields>(sqlite: Database.Database, rows: T[]): T[] {
  const hidden = hiddenFields(sqlite);
  return hidden.size ? rows.map((r) => hideFields(r, hidden)) : rows;
}

export function hideCustomer<T extends WithFields>(sqlite: Database.Database, row: T): T {
  return hideFields(row, hiddenFields(sqlite));
}

/** Timeline items with the notes' text blanked (null) when 'notes' is private for the actor. */
export function hideNotes<T extends { type: string }>(sqlite: Database.Database, items: T[]): T[] {
  if (!hiddenFields(sqlite).has('notes')) return items;
  return items.map((i) => (i.type === 'note' ? ({ ...i, body: null } as T) : i));
}
