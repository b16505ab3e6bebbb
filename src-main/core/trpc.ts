// The RPC layer every domain router is built with. Inputs are validated with zod before a
// handler runs; every error leaves as {code, message, field?, params?, issues?} under `data.app`.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Core } from './core';
import type { CoreHost, Session } from './host';
import { AppError, type ErrorShape } from './errors';
import { fieldIssues } from './field-issues';
import { actorForSession, runAs } from './privacy/actor';

export interface Context {
  /** The open core; reading it while the app is locked throws `locked` (host.ts). */
  core: Core;
  /** Present behind a transport: lock state, unlock, replacing the database file. */
  host?: CoreHost;
  /** Who this connection is (privacy/profiles.ts). Absent for in-process callers (the CLI, tests): the owner. */
  session?: Session;
}

export function toErrorShape(error: unknown): ErrorShape {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) {
    // Every wrong field at once (issues), the first also as `field` and in the English message.
    const issue = cause.issues[0];
    const field = issue?.path.join('.') || undefined;
    const issues = fieldIssues(cause);
    return {
      code: 'invalid_input',
      message: field ? `${field}: ${issue.message}` : (issue?.message ?? 'Invalid input'),
      ...(field ? { field } : {}),
      ...(issues.length ? { issues } : {}),
    };
  }
  if (cause instanceof AppError) return cause.toShape();
  if (error instanceof TRPCError && error.code === 'NOT_FOUND') return { code: 'not_found', message: error.message };
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, stack: undefined, app: toErrorShape(error) } };
  },
});

export const router = t.router;
/** Every call; a mutation first waits for exclusive work (an import's open transaction) to end. */
export const procedure = t.procedure.use(async ({ ctx, type, next }) => {
  // Behind a transport the core may be locked: calls that work while locked (lock.*) must not touch it.
  const core = ctx.host ? ctx.host.core : ctx.core;
  if (type === 'mutation' && core) await core.writes.idle();
  // The call and everything it sets off run as the connection's profile (privacy/actor.ts).
  return runAs(actorForSession(core?.sqlite ?? null, ctx.session), () => next());
});
/** For the few mutations that must not wait for an import's transaction (cancelling it). */
export const unguardedProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
