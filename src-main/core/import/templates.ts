// Saved column mappings. A template remembers which header feeds which field (by the header's
// name, so it still fits when the columns move) and the parse options; a file whose headers
// include all of a template's is offered that template.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { importTemplates } from '../db/schema';
import { notFound } from '../errors';
import type { ImportKind } from './fields';
import { normalizeHeader } from './suggest-mapping';
import type { ImportOptions } from './schemas';

export interface ImportTemplate {
  id: number;
  name: string;
  kind: ImportKind;
  /** Field key → header name. */
  mapping: Record<string, string>;
  options: Partial<ImportOptions>;
  createdAt: number;
  updatedAt: number | null;
}

export function listTemplates(db: Db): ImportTemplate[] {
  return db.select().from(importTemplates).orderBy(asc(importTemplates.name)).all() as ImportTemplate[];
}

/** Saves (or replaces, by name) a template from a mapping by column index and the file's headers. */
export function saveTemplate(
  db: Db,
  input: { name: string; kind: ImportKind; mapping: Record<string, number>; headers: string[]; options: Partial<ImportOptions> },
): { id: number } {
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(input.mapping)) if (input.headers[column] !== undefined) mapping[field] = input.headers[column];
  const row = db
    .insert(importTemplates)
    .values({ name: input.name, kind: input.kind, mapping, options: input.options })
    .onConflictDoUpdate({ target: importTemplates.name, set: { kind: input.kind, mapping, options: input.options, updatedAt: Date.now() } })
    .returning({ id: importTemplates.id })
    .get();
  return row;
}

export function deleteTemplate(db: Db, id: number): void {
  if (db.delete(importTemplates).where(eq(importTemplates.id, id)).run().changes === 0) throw notFound('Import template', id);
}

/** A template applied to a file's headers: its mapping as column indexes, and the headers it names that the file lacks. */
export function fitTemplate(t: ImportTemplate, headers: string[]): { mapping: Record<string, number>; missing: string[] } {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (!index.has(n)) index.set(n, i);
  });
  const mapping: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(t.mapping)) {
    const column = index.get(normalizeHeader(header));
    if (column === undefined) missing.push(header);
    else mapping[field] = column;
  }
  return { mapping, missing };
}

/** The template that fits these headers best (all its headers present, most fields), as column indexes. */
export function matchTemplate(db: Db, headers: string[]): (Omit<ImportTemplate, 'mapping'> & { mapping: Record<string, number> }) | null {
  let best: (Omit<ImportTemplate, 'mapping'> & { mapping: Record<string, number> }) | null = null;
  for (const t of listTemplates(db)) {
    const { mapping, missing } = fitTemplate(t, headers);
    if (!missing.length && Object.keys(mapping).length && (!best || Object.keys(mapping).length > Object.keys(best.mapping).length)) best = { ...t, mapping };
  }
  return best;
}
