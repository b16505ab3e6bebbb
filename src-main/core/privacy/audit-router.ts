// The audit log over the contract: read it (newest first, filtered, paged), what it can be filtered
// by, and a CSV of it for the owner. Nothing here edits or deletes an entry: the log's own
// triggers refuse that anyway (migration 0008).
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../shared/privacy';
import { procedure, router } from '../trpc';
import { currentActor } from './actor';
import { auditFacets, exportAudit, listAudit, type AuditListEntry } from './audit-query';
import { ownerProcedure } from './permissions';
import { hiddenFields } from './private-fields';

const id = z.number().int().positive();
export const auditFilter = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    recordType: z.string().min(1).max(40).optional(),
    profileId: id.optional(),
    customerId: id.optional(),
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
  })
  .default({});

/** Staff do not see the owner's private fields in the log's before/after values either. */
function hidePrivate(entries: AuditListEntry[], hidden: ReadonlySet<string>): AuditListEntry[] {
  if (!hidden.size) return entries;
  // A note's text is its body; the customer fields keep their names.
  const isHidden = (e: AuditListEntry, field: string) => hidden.has(field) || (hidden.has('notes') && e.recordType === 'note' && field === 'body');
  return entries.map((e) => {
    if (!e.changes) return e;
    const changes = Object.fromEntries(
      Object.entries(e.changes).map(([k, v]) => [k, isHidden(e, k) ? ([v[0] == null ? null : '***', v[1] == null ? null : '***'] as [unknown, unknown]) : v]),
    );
    return { ...e, changes };
  });
}

export const auditRouter = router({
  /** Entries newest first; pass `nextCursor` back as `cursor` for older ones. */
  list: procedure
    .input(z.object({ filter: auditFilter, cursor: id.nullish(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => {
      const page = listAudit(ctx.core.sqlite, input.filter, input.cursor, input.limit);
      return { ...page, entries: hidePrivate(page.entries, hiddenFields(ctx.core.sqlite, currentActor())) };
    }),
  /** The profiles, record types and actions present, for the page's filters. */
  facets: procedure.query(({ ctx }) => auditFacets(ctx.core.sqlite)),
  /** A CSV (with a BOM) of the matching entries in dataDir/exports; read it with export.read. The export is itself recorded. */
  export: ownerProcedure('audit_export')
    .input(z.object({ filter: auditFilter, language: z.enum(['en', 'zh']).default('en') }))
    .mutation(({ ctx, input }) => exportAudit(ctx.core.sqlite, ctx.core.paths.dataDir, input.filter, input.language)),
});
