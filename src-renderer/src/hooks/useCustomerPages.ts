// The customer list, fetched in pages of 100 by offset as the virtual list scrolls: the first
// page (which carries the total) always, then only the pages whose rows are on screen.
// react-query keeps the pages already seen, so scrolling back costs nothing.
import type { Filter } from '../../../src-main/shared/filters';
import type { Aspect, Feeling } from '../../../src-main/shared/sentiment';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CustomerListRow } from '../lib/api-types';
import { keys } from '../lib/query-keys';

export const PAGE_SIZE = 100;

export type SortKey = 'name' | 'city' | 'totalSpent' | 'orderCount' | 'lastOrderAt';

export interface ListParams {
  search?: string;
  tagId?: number;
  city?: string;
  feeling?: Feeling;
  aspect?: Aspect;
  /** A smart-list filter (shared/filters.ts), ANDed with the above. */
  filter?: Filter;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

const fetchPage = (params: ListParams, page: number) => api.customers.list.query({ ...params, offset: page * PAGE_SIZE, limit: PAGE_SIZE });

/** The first page and the total count for these filters. */
export function useCustomerTotal(params: ListParams) {
  return useQuery({
    queryKey: keys.customerList(params, 0),
    queryFn: () => fetchPage(params, 0),
    placeholderData: keepPreviousData,
  });
}

/**
 * Rows by index for the visible range [start, end]. Pages already fetched show at once; new
 * pages are asked for once the range has settled for a moment, so dragging the scrollbar across
 * 100,000 rows does not queue a request for every page it passes.
 */
export function useCustomerRows(params: ListParams, firstPage: CustomerListRow[] | undefined, start: number, end: number) {
  const qc = useQueryClient();
  const [settled] = useDebouncedValue(`${start}:${end}`, 90);
  const [from, to] = settled.split(':').map(Number);
  const pages: number[] = [];
  for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(to / PAGE_SIZE); p++) if (p > 0) pages.push(p);
  // Subscribing re-renders the list when a page arrives; rows are read from the cache below.
  useQueries({
    queries: pages.map((page) => ({ queryKey: keys.customerList(params, page), queryFn: () => fetchPage(params, page) })),
  });
  return (index: number): CustomerListRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = page === 0 ? firstPage : qc.getQueryData<{ rows: CustomerListRow[] }>(keys.customerList(params, page))?.rows;
    return rows?.[index % PAGE_SIZE];
  };
}
