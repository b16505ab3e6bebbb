// The customers list's filter and order as SQL, shared by the list the UI scrolls and the
// export of "this list", so both always show the same people in the same order.
import { buildMatchQuery } from '../search/fts-text';
import { FEELING_DAYS, type Aspect, type Feeling } from '../../shared/sentiment';
import { SHOWN } from '../sentiment/store';
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

export function customerListQuery(input: Pick<ListInput, 'search' | 'tagId' | 'city' | 'feeling' | 'aspect' | 'sort' | 'dir'>, now = Date.now()): CustomerListQuery {
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
    const f = feelingFilter(input.feeling, input.aspect, now);
    where.push(f.sql);
    params.push(...f.params);
  }
  const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
  return {
    whereSql: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    orderSql: `ORDER BY ${SORT_SQL[input.sort ?? 'name']} ${dir}, c.id ${dir}`,
    searchOnly: where.length === 1 && params.length === 1 && !input.tagId && !input.city && !input.feeling && !input.aspect,
    empty,
  };
}

/**
 * Customers who wrote something unhappy (happy) in the last FEELING_DAYS days, by the result
 * shown for each message or review (the model's where there is one). With an aspect: a mention of
 * it with that polarity, whatever the whole message's label; an aspect alone: any mention of it.
 */
function feelingFilter(feeling: Feeling | undefined, aspect: Aspect | undefined, now: number): { sql: string; params: unknown[] } {
  const since = now - FEELING_DAYS * 86_400_000;
  const polarity = feeling === 'unhappy' ? 'negative' : 'positive';
  if (aspect) {
    return {
      sql: `c.id IN (SELECT s.customer_id FROM sentiments s JOIN sentiment_aspects a ON a.sentiment_id = s.id
             WHERE s.occurred_at >= ? AND a.aspect = ? ${feeling ? 'AND a.polarity = ?' : ''} AND ${SHOWN})`,
      params: feeling ? [since, aspect, polarity] : [since, aspect],
    };
  }
  return { sql: `c.id IN (SELECT s.customer_id FROM sentiments s WHERE s.occurred_at >= ? AND s.label = ? AND ${SHOWN})`, params: [since, polarity] };
}
