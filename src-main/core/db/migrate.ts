// Applies the committed drizzle-kit migrations in order. The applied list must be a prefix of
// the known list: anything else means the file was written by another (usually newer) Patron,
// and we refuse to touch it rather than guess. Each applied migration's stored hash must match
// its file too: a released migration is never edited (a database that ran the old text would
// silently differ from one that ran the new), so an edit is refused, naming the migration.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../errors';

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

export function loadMigrations(folder: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sqlText = readFileSync(join(folder, `${tag}.sql`), 'utf8');
      return {
        tag,
        hash: migrationHash(sqlText),
        statements: sqlText
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

/**
 * The SHA-256 of a migration's text with its line ends made \n: a checkout that turned them into
 * \r\n (git on Windows) holds the same migration. Files with \n hash as they always did.
 */
export function migrationHash(sqlText: string): string {
  return createHash('sha256').update(sqlText.replace(/\r\n/g, '\n')).digest('hex');
}

export function applyMigrations(db: Database.Database, migrations: Migration[]): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const done = db.prepare('SELECT idx, tag, hash FROM schema_migrations ORDER BY idx').all() as { idx: number; tag: string; hash: string }[];
  done.forEach((row, i) => {
    if (row.idx !== i || migrations[i]?.tag !== row.tag) {
      throw new AppError(
        'db_newer_schema',
        `This database was created by a newer or different version of Patron (it has migration "${row.tag}" which this version does not know). Update Patron to open it; the file was not changed.`,
      );
    }
    if (migrations[i].hash !== row.hash) {
      throw new AppError(
        'db_migration_changed',
        `Migration "${row.tag}" differs from the one this database ran (sha256 ${row.hash.slice(0, 12)}… when applied, ${migrations[i].hash.slice(0, 12)}… now): ` +
          'a released migration was edited, or the database was made by a different build of Patron. The file was not changed. ' +
          'Released migrations are never edited; put the change in a new migration (npm run db:generate).',
        undefined,
        { tag: row.tag },
      );
    }
  });
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)');
  for (let i = done.length; i < migrations.length; i++) {
    const m = migrations[i];
    // Each migration is all-or-nothing: a failure leaves the previous schema intact.
    db.transaction(() => {
      for (const statement of m.statements) db.exec(statement);
      record.run(i, m.tag, m.hash, Date.now());
    })();
    applied.push(m.tag);
  }
  return { applied };
}
