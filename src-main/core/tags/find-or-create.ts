// The one find-or-create of a tag by name, and the one way a tag is put on a customer, for every
// path (the tag box, the import, the sample shop): adding "VIP" twice gives one tag, created the
// first time with the colour given then.
import type Database from 'better-sqlite3';
import { own } from '../import/source-row';

export class TagFinder {
  private readonly ids = new Map<string, number>();
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      insert: sqlite.prepare('INSERT INTO tags (name, color) VALUES (?, ?) ON CONFLICT(name) DO NOTHING'),
      id: sqlite.prepare('SELECT id FROM tags WHERE name = ?').pluck(),
      link: sqlite.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)'),
    };
  }

  id(name: string, color = 'blue'): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      this.s.insert.run(name, color);
      id = this.s.id.get(name) as number;
      this.ids.set(own(name), id);
    }
    return id;
  }

  /** Tags the customer; true when the customer did not have the tag yet. */
  tag(customerId: number, name: string, color?: string): boolean {
    return this.s.link.run(customerId, this.id(name, color)).changes > 0;
  }
}
