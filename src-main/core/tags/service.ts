// Tags on customers, single-record mode: the tag found or created by the one finder
// (find-or-create.ts, which the import and the sample shop use too), the change recorded on the
// bus; the customer's search row follows by its hook.
import type Database from 'better-sqlite3';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';
import { notFound } from '../errors';
import { TagFinder } from './find-or-create';

export interface Tag {
  id: number;
  name: string;
  color: string;
}

export function listTags(sqlite: Database.Database) {
  return sqlite
    .prepare(
      `SELECT t.id, t.name, t.color, (SELECT count(*) FROM customer_tags ct WHERE ct.tag_id = t.id) AS customers
       FROM tags t ORDER BY t.name`,
    )
    .all() as { id: number; name: string; color: string; customers: number }[];
}

/** Tags by name: adding "VIP" twice gives one tag, created the first time. */
export function tagCustomer(sqlite: Database.Database, customerId: number, name: string, color?: string): Tag {
  return writeOne(sqlite, 'tag', 'update', () => {
    assertCustomer(sqlite, customerId);
    const finder = new TagFinder(sqlite);
    const added = finder.tag(customerId, name, color);
    const tag = sqlite.prepare('SELECT id, name, color FROM tags WHERE id = ?').get(finder.id(name, color)) as Tag;
    return { value: tag, ids: added ? [tag.id] : [], customerIds: [customerId] };
  });
}

/** Takes a tag off a customer; returns it, so the UI can offer undo by putting it back. */
export function untagCustomer(sqlite: Database.Database, customerId: number, tagId: number): Tag {
  return writeOne(sqlite, 'tag', 'update', () => {
    const tag = sqlite.prepare('SELECT id, name, color FROM tags WHERE id = ?').get(tagId) as Tag | undefined;
    if (!tag) throw notFound('Tag', tagId);
    const removed = sqlite.prepare('DELETE FROM customer_tags WHERE customer_id = ? AND tag_id = ?').run(customerId, tagId).changes;
    return { value: tag, ids: removed ? [tagId] : [], customerIds: [customerId] };
  });
}
