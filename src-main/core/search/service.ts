// Global search (Ctrl+K): customers by name, company, email, phone, city and tags, and messages
// by their text, in English and Chinese, through the FTS5 indexes only.
import type Database from 'better-sqlite3';
import { buildMatchQuery } from './fts-text';

export interface SearchHits {
  customers: { id: number; name: string; email: string | null; phone: string | null; city: string | null }[];
  interactions: { id: number; customerId: number; customerName: string; channel: string; at: number; body: string }[];
}

export function search(sqlite: Database.Database, q: string, limit = 10): SearchHits {
  const customerMatch = buildMatchQuery(q, { phoneColumn: 'phone' });
  const textMatch = buildMatchQuery(q);
  const customers = customerMatch
    ? (sqlite
        .prepare(
          `SELECT c.id, c.name, c.email, c.phone, c.city
           FROM (SELECT rowid AS id, rank FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rank LIMIT ?) hit
           JOIN customers c ON c.id = hit.id ORDER BY hit.rank`,
        )
        .all(customerMatch, limit) as SearchHits['customers'])
    : [];
  // Newest first: FTS5 walks its doclist in rowid order and stops at the limit, so even a very
  // common character costs the same as a rare word.
  const interactions = textMatch
    ? (sqlite
        .prepare(
          `SELECT i.id, i.customer_id AS customerId, c.name AS customerName, i.channel, i.occurred_at AS at, i.body
           FROM (SELECT rowid AS id FROM interactions_fts WHERE interactions_fts MATCH ? ORDER BY rowid DESC LIMIT ?) hit
           JOIN interactions i ON i.id = hit.id JOIN customers c ON c.id = i.customer_id ORDER BY i.id DESC`,
        )
        .all(textMatch, limit) as SearchHits['interactions'])
    : [];
  return { customers, interactions };
}
