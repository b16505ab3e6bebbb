// Who is acting: the profile signed in on the connection a call came from, carried through the
// call's async work (AsyncLocalStorage) so the audit log (and jobs a call starts) can name it
// without threading it through every write. In-process callers (the CLI, tests, the app's own
// scheduled work) act as the machine's owner.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { ProfileRole } from '../../shared/privacy';

export interface Actor {
  profileId: number | null;
  /** The profile's name as it is now; null for the app itself or a machine without profiles. */
  profileName: string | null;
  role: ProfileRole;
}

/** No profile: the CLI, tests, and a machine where no profiles were set up act with the owner's rights. */
export const OWNER_ACTOR: Actor = { profileId: null, profileName: null, role: 'owner' };

const store = new AsyncLocalStorage<Actor>();

export function currentActor(): Actor {
  return store.getStore() ?? OWNER_ACTOR;
}

export function runAs<T>(actor: Actor, work: () => T): T {
  return store.run(actor, work);
}

/**
 * The actor of a call. No session (an in-process caller): the owner. A connection signed in as a
 * profile: that profile. A connection not signed in on a machine that has profiles: staff rights
 * with no name, so nothing owner-only is reachable before signing in.
 */
export function actorForSession(sqlite: Database.Database | null, session: { profileId: number | null } | undefined): Actor {
  if (!session || !sqlite) return OWNER_ACTOR;
  if (session.profileId !== null) {
    const row = sqlite.prepare('SELECT id, name, role FROM profiles WHERE id = ?').get(session.profileId) as { id: number; name: string; role: ProfileRole } | undefined;
    if (row) return { profileId: row.id, profileName: row.name, role: row.role };
  }
  const any = sqlite.prepare('SELECT 1 FROM profiles LIMIT 1').get();
  return any ? { profileId: null, profileName: null, role: 'staff' } : OWNER_ACTOR;
}
