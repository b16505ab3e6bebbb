// The RPC layer every domain router is built with. Inputs are validated with zod before a
// handler runs; every error leaves as {code, message, field?} under `data.app`.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Core } from './core';
import { AppError, type ErrorShape } from './errors';

export interface Context {
  core: Core;
}

export function toErrorShape(error: unknown): ErrorShape {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) {
    const issue = cause.issues[0];
    const field = issue?.path.join('.') || undefined;
    return { code: 'invalid_input', message: field ? `${field}: ${issue.message}` : (issue?.message ?? 'Invalid input'), ...(field ? { field } : {}) };
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
  if (type === 'mutation') await ctx.core.writes.idle();
  return next();
});
export const createCallerFactory = t.createCallerFactory;
