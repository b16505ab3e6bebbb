// The one find-or-create of a company by name, for every path that names one (the customer form,
// the import, the sample shop). A finder is made per write (or per bulk run) and remembers the
// ids it has found, so a file naming the same company on every row looks it up once.
import type Database from 'better-sqlite3';
import { own } from '../import/source-row';

export class CompanyFinder {
  private readonly ids = new Map<string, number>();
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      insert: sqlite.prepare('INSERT INTO companies (name, website) VALUES (?, ?) ON CONFLICT(name) DO NOTHING'),
      id: sqlite.prepare('SELECT id FROM companies WHERE name = ?').pluck(),
    };
  }

  /** The company's id, created (with its website, when given) the first time its name is seen. */
  id(name: string | null | undefined, website: string | null = null): number | null {
    if (!name) return null;
    let id = this.ids.get(name);
    if (id === undefined) {
      this.s.insert.run(name, website);
      id = this.s.id.get(name) as number;
      this.ids.set(own(name), id);
    }
    return id;
  }
}
