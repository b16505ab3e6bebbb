// Keeps messages' search rows (interactions_fts) true: a new message is searchable in the
// transaction that adds it. A deleted message's row goes by trigger.
import type Database from 'better-sqlite3';
import type { DerivedHook } from '../derived/hooks';
import { insertInteractionSearchRow } from './search-index';

const NAME = 'interactionSearchRows';

/** Writes the search rows of the messages with ids in (afterId, upToId], in pages. */
function sweep(sqlite: Database.Database, afterId: number, upToId: number): void {
  // In pages: the connection cannot insert while a SELECT on it is still being read.
  const page = sqlite.prepare('SELECT id, subject, body FROM interactions WHERE id > ? AND id <= ? ORDER BY id LIMIT 2000');
  let rows = page.all(afterId, upToId) as { id: number; subject: string | null; body: string }[];
  while (rows.length) {
    for (const r of rows) insertInteractionSearchRow(sqlite, r.id, r.subject, r.body);
    rows = page.all(rows[rows.length - 1].id, upToId) as { id: number; subject: string | null; body: string }[];
  }
}

export const interactionSearchRows: DerivedHook = {
  name: NAME,
  follows: ['interaction'],
  afterWrite(sqlite, w) {
    if (w.op !== 'create') return;
    const load = sqlite.prepare('SELECT subject, body FROM interactions WHERE id = ?');
    for (const id of w.ids) {
      const r = load.get(id) as { subject: string | null; body: string } | undefined;
      if (r) insertInteractionSearchRow(sqlite, id, r.subject, r.body);
    }
  },
  ahead(sqlite, bulk) {
    const from = bulk.progress.get(NAME) ?? bulk.addedAfter('interaction');
    const upTo = Math.min(bulk.maxId('interaction'), from + 2000);
    if (upTo <= from) return;
    sweep(sqlite, from, upTo);
    bulk.progress.set(NAME, upTo);
  },
  afterBulk(sqlite, bulk) {
    const from = bulk.progress.get(NAME) ?? bulk.addedAfter('interaction');
    const upTo = bulk.maxId('interaction');
    sweep(sqlite, from, upTo);
    bulk.progress.set(NAME, upTo);
  },
};
