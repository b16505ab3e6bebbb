// The customers list's filter and order as SQL, shared by the list the UI scrolls and the
// export of "this list", so both always show the same people in the same order. A smart-list
// filter or a saved list (lists/) is one more condition ANDed with the others.
import type Database from 'better-sqlite3';
import { buildMatchQuery } from '../search/fts-text';
import { FEELING_DAYS } from '../../shared/sentiment';
import { compileFilter } from '../lists/filter-sql';
import { listFilter } from '../lists/service';
import { analysisAsOf } from '../segments/analysis-date';
import { feelingFilter } from './feeling-filter';
import { anyErased } from '../privacy/erase-customer';
import type { ListInput } from './schemas';

const SORT_SQL: Record<string, string> = {
  // The stored pinyin/folded key (sort-key.ts), through its index: 黄静, 黄雪, 黄颖 among the H names.
  name: 'c.sort_key',
  createdAt: 'c.created_at',
  totalSpent: 'c.total_spent_cents',
  orderCount: 'c.order_count',
  lastOrderAt: 'c.last_order_at',
  city: 'c.city',
};

export interface CustomerListQuery {
  /** `WHERE ...` over customers aliased `c`, or ''. */
  whereSql: string;
  params: unknown[];
  /** `ORDER BY ...` with the id as tie-break, so pages never overlap. */
  orderSql: string;
  /** True when only the search filters: the FTS index can count the matches by itself. */
  searchOnly: boolean;
  /** The search had nothing searchable in it: the list is empty. */
  empty: boolean;
}

/**
 * `sqlite` is needed for a smart-list filter or a saved list (the list's filter and the analysis
 * date are read from it).
 */
export function customerListQuery(
  input: Pick<ListInput, 'search' | 'tagId' | 'city' | 'feeling' | 'aspect' | 'filter' | 'listId' | 'sort' | 'dir'>,
  now = Date.now(),
  sqlite?: Database.Database,
): CustomerListQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  let empty = false;
  if (input.search?.trim()) {
    const match = buildMatchQuery(input.search, { phoneColumn: 'phone' });
    if (match) {
      where.push('c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)');
      params.push(match);
    } else empty = true;
  }
  if (input.tagId) {
    where.push('c.id IN (SELECT customer_id FROM customer_tags WHERE tag_id = ?)');
    params.push(input.tagId);
  }
  if (input.city) {
    where.push('c.city = ?');
    params.push(input.city);
  }
  if (input.feeling || input.aspect) {
    const f = feelingFilter(input.feeling && [input.feeling], input.aspect && [input.aspect], { since: now - FEELING_DAYS * 86_400_000 });
    where.push(f.sql);
    params.push(...f.params);
  }
  let smart = false;
  if (input.filter || input.listId) {
    if (!sqlite) throw new Error('customerListQuery needs the database for a smart-list filter or a list.');
    const { asOf } = analysisAsOf(sqlite);
    for (const filter of [input.listId ? listFilter(sqlite, input.listId) : undefined, input.filter]) {
      if (!filter) continue;
      const f = compileFilter(filter, { asOf });
      if (f.sql === '1') continue;
      where.push(f.sql);
      params.push(...f.params);
      smart = true;
    }
  }
  const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
  // Erased customers (privacy/erase-customer.ts) keep a nameless row for their orders' totals; no
  // list of people shows them. Only once one exists, so the plain list keeps its index-only paging.
  // Their search rows are gone, so a search-only count stays right without this condition.
  const people = sqlite && anyErased(sqlite) ? ['c.erased_at IS NULL'] : [];
  return {
    whereSql: where.length + people.length ? `WHERE ${[...where, ...people].join(' AND ')}` : '',
    params,
    orderSql: `ORDER BY ${SORT_SQL[input.sort ?? 'name']} ${dir}, c.id ${dir}`,
    searchOnly: where.length === 1 && params.length === 1 && !input.tagId && !input.city && !input.feeling && !input.aspect && !smart,
    empty,
  };
}
