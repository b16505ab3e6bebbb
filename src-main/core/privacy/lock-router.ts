// The app lock and encryption at rest. state, unlock and lock work while the app is locked: they
// use the host (ctx.host), never ctx.core, and are not owner-gated (anyone at the machine may try
// the passphrase). Turning encryption on or off, changing the passphrase and the idle time are the
// owner's: they rewrite the file through the host (privacy/encryption.ts), which closes the core,
// swaps the file and reopens it. Without a host (in-process callers) the rewrite works on the
// core's own file and leaves that core closed: the caller opens a new one.
// Passphrases are never logged, echoed or stored: they live in the host only while unlocked.
import { z } from 'zod';
import type { LockState } from '../../shared/privacy';
import { getSetting, setSetting } from '../app/service';
import type { Core } from '../core';
import { isEncryptedFile } from '../db/cipher';
import { AppError } from '../errors';
import { procedure, router, type Context } from '../trpc';
import { MIN_PASSPHRASE_LENGTH, rewriteDatabase, type RewriteResult } from './encryption';
import { ownerProcedure } from './permissions';

export const IDLE_CHOICES = [5, 15, 30, 60] as const;
const LOCK_KEY = 'privacy.lock';

export interface LockSettings {
  /** Minutes without input before the app locks itself; null: never. */
  idleMinutes: number | null;
}

const typed = z.string().min(1, 'Enter the passphrase.').max(1024);
const newPassphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `At least ${MIN_PASSPHRASE_LENGTH} characters.`).max(1024);
const idleMinutes = z.union([z.literal(5), z.literal(15), z.literal(30), z.literal(60), z.null()]);

export function readLockSettings(core: Core): LockSettings {
  const stored = getSetting<Partial<LockSettings> | null>(core.db, LOCK_KEY, null);
  const m = stored?.idleMinutes;
  return { idleMinutes: typeof m === 'number' && (IDLE_CHOICES as readonly number[]).includes(m) ? m : m === null ? null : 15 };
}

function stateOf(ctx: Context): LockState {
  if (!ctx.host) {
    const core = ctx.core;
    return { encrypted: isEncryptedFile(core.paths.dbFile), locked: false, idleMinutes: readLockSettings(core).idleMinutes };
  }
  const s = ctx.host.state();
  const core = ctx.host.core;
  // The idle time lives in the (locked) database: only known while unlocked.
  return core ? { ...s, idleMinutes: readLockSettings(core).idleMinutes } : s;
}

/** Closes the core, rewrites the file with `from` -> `to`, reopens with `to` (a host) or leaves it closed. */
async function rewrite(ctx: Context, from: string | null, to: string | null): Promise<RewriteResult> {
  if (ctx.host) {
    const core = ctx.host.requireCore();
    const nativeBinding = core.nativeBinding;
    return ctx.host.replace((dbFile) => rewriteDatabase(dbFile, { from, to, nativeBinding }), to ?? undefined);
  }
  const core = ctx.core;
  await core.close();
  return rewriteDatabase(core.paths.dbFile, { from, to, nativeBinding: core.nativeBinding });
}

function mustBeEncrypted(ctx: Context, want: boolean): void {
  const file = ctx.host ? ctx.host.dbFile : ctx.core.paths.dbFile;
  const encrypted = isEncryptedFile(file);
  if (encrypted !== want) {
    throw new AppError('invalid_input', want ? 'The database is not encrypted.' : 'The database is already encrypted: change its passphrase instead.', 'passphrase');
  }
}

export const lockRouter = router({
  state: procedure.query(({ ctx }) => stateOf(ctx)),
  /** Opens the encrypted database; a wrong passphrase is `wrong_passphrase` and changes nothing. */
  unlock: procedure.input(z.object({ passphrase: typed })).mutation(({ ctx, input }) => {
    ctx.host?.unlock(input.passphrase);
    return stateOf(ctx);
  }),
  /** Closes the database and drops the key (a plain database stays open: there is nothing to lock). */
  lock: procedure.mutation(async ({ ctx }) => {
    await ctx.host?.lock();
    return ctx.host ? ctx.host.state() : stateOf(ctx);
  }),
  enable: ownerProcedure('privacy')
    .input(z.object({ passphrase: newPassphrase }))
    .mutation(async ({ ctx, input }) => {
      mustBeEncrypted(ctx, false);
      const result = await rewrite(ctx, null, input.passphrase);
      return { ...result, state: ctx.host ? stateOf(ctx) : null };
    }),
  changePassphrase: ownerProcedure('privacy')
    .input(z.object({ current: typed, next: newPassphrase }))
    .mutation(async ({ ctx, input }) => {
      mustBeEncrypted(ctx, true);
      const result = await rewrite(ctx, input.current, input.next);
      return { ...result, state: ctx.host ? stateOf(ctx) : null };
    }),
  disable: ownerProcedure('privacy')
    .input(z.object({ passphrase: typed }))
    .mutation(async ({ ctx, input }) => {
      mustBeEncrypted(ctx, true);
      const result = await rewrite(ctx, input.passphrase, null);
      return { ...result, state: ctx.host ? stateOf(ctx) : null };
    }),
  setIdleMinutes: ownerProcedure('privacy')
    .input(z.object({ idleMinutes }))
    .mutation(({ ctx, input }) => {
      setSetting(ctx.core.db, LOCK_KEY, { idleMinutes: input.idleMinutes } satisfies LockSettings);
      return readLockSettings(ctx.core);
    }),
});
