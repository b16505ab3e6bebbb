import type Database from 'better-sqlite3';
import { digitSuffixes, ftsText } from '../search/fts-text';

const cache = new WeakMap<Database.Database, Database.Statement>();

/** Adds an interaction's text to interactions_fts; call in the transaction that inserts it. */
export function insertInteractionSearchRow(sqlite: Database.Database, id: number, subject: string | null | undefined, body: string): void {
  let ins = cache.get(sqlite);
  if (!ins) {
    ins = sqlite.prepare('INSERT INTO interactions_fts (rowid, subject, body, digits) VALUES (?, ?, ?, ?)');
    cache.set(sqlite, ins);
  }
  ins.run(id, ftsText(subject), ftsText(body), digitSuffixes(`${subject ?? ''} ${body}`));
}
