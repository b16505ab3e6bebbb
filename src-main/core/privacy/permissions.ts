// What only the owner may do, checked in the core for every call (not only hidden in the UI), so
// staff cannot reach it through the contract directly either.
import type { OwnerOnlyAction } from '../../shared/privacy';
import { AppError } from '../errors';
import { procedure } from '../trpc';
import { currentActor, type Actor } from './actor';

export function assertOwner(action: OwnerOnlyAction, actor: Actor = currentActor()): void {
  if (actor.role === 'owner') return;
  throw new AppError('owner_only', `Only the owner may do this (${action}); the profile “${actor.profileName ?? '?'}” is staff.`, undefined, {
    action,
    ...(actor.profileName ? { profile: actor.profileName } : {}),
  });
}

/** A procedure only the owner may call: `ownerProcedure('export').input(...).mutation(...)`. */
export const ownerProcedure = (action: OwnerOnlyAction) =>
  procedure.use(({ next }) => {
    assertOwner(action);
    return next();
  });
