// Applies the committed drizzle-kit migrations in order. The applied list must be a prefix of
// the known list: anything else means the file was written by another (usually newer) Patron,
// and we refuse to touch it rather than guess.
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
        hash: createHash('sha256').update(sqlText).digest('hex'),
        statements: sqlText
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

export function applyMigrations(db: Database.Database, migrations: Migration[]): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const done = db.prepare('SELECT idx, tag FROM schema_migrations ORDER BY idx').all() as { idx: number; tag: string }[];
  done.forEach((row, i) => {
    if (row.idx !== i || migrations[i]?.tag !== row.tag) {
      throw new AppError(
        'db_newer_schema',
        `This database was created by a newer or different version of Patron (it has migration "${row.tag}" which this version does not know). Update Patron to open it; the file was not changed.`,
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
