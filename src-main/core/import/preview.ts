// The preview: the first rows of the file run through the real import pipeline inside a
// transaction that is always rolled back, so what it shows (values as stored, created / updated /
// merged / rejected) is exactly what the import will do with those rows.
import type Database from 'better-sqlite3';
import { ImportDetails, type RejectRecord } from './details';
import type { MergeRecord } from './dedupe';
import { checkSettings, RowChecker } from './check-row';
import { Importer, type ImportCounts } from './importer';
import type { RowOutcome } from './outcome';
import { inspectSource, type SourceLayout } from './read-source';
import { checkMapping, type ImportRequest } from './schemas';

export interface PreviewResult {
  layout: SourceLayout;
  /** One entry per previewed row, in file order. */
  rows: RowOutcome[];
  /** Counts for the previewed rows only (a dry-run job counts the whole file). */
  counts: ImportCounts;
  rejects: RejectRecord[];
  merges: MergeRecord[];
  estimatedRows: number | null;
}

class Rollback extends Error {}

export async function previewImport(sqlite: Database.Database, req: ImportRequest, limit = 50): Promise<PreviewResult> {
  const info = await inspectSource(req.source, limit);
  const { sampleRows, estimatedRows, ...layout } = info;
  checkMapping(req.kind, req.mapping, layout.headers.length);
  const details = new ImportDetails(layout.headers, req.mapping, null, limit);
  const outcomes: RowOutcome[] = [];
  let counts: ImportCounts | null = null;
  try {
    sqlite.transaction(() => {
      const importer = new Importer(sqlite, req, details, (o) => outcomes.push(o));
      const checker = new RowChecker(checkSettings(req, layout));
      for (const r of sampleRows) importer.write(r.line, r, checker.check(r));
      counts = importer.finish();
      throw new Rollback();
    })();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  outcomes.sort((a, b) => a.line - b.line);
  return { layout, rows: outcomes, counts: counts!, rejects: details.rejects.sort((a, b) => a.line - b.line), merges: details.merges, estimatedRows };
}
