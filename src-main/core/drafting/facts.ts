// CONTRACT STUB (replaced by the drafting helper): the shop facts a reply may rely on, kept in settings.
import type { Db } from '../db/open';
import type Database from 'better-sqlite3';
import type { ShopFacts } from '../../shared/drafting';

export function getShopFacts(db: Db): ShopFacts {
  void db;
  throw new Error('drafting not built yet');
}

/** Saves the facts through the settings write path (one change event). */
export function saveShopFacts(sqlite: Database.Database, db: Db, facts: ShopFacts): ShopFacts {
  void [sqlite, db, facts];
  throw new Error('drafting not built yet');
}
