// What the inbox reads from the core (inbox.*), under keys.inboxAll so any message, feedback,
// segment or prediction change refetches it (hooks/useLiveChanges.ts).
import { useQuery } from '@tanstack/react-query';
import type { InboxFilter } from '../../../../src-main/shared/inbox';
import { api } from '../../api/client';
import type { Outputs } from '../../lib/api-types';
import { keys } from '../../lib/query-keys';

export type InboxList = Outputs['inbox']['list'];
export type InboxRow = InboxList['items'][number];
export type InboxMessage = Outputs['inbox']['get'];

/** How many of the most urgent the list holds; past that the header says "the N most urgent of M". */
export const LIST_LIMIT = 500;

export const inboxListKey = (filter: InboxFilter) => [...keys.inboxAll, 'list', filter] as const;
export const inboxListsKey = [...keys.inboxAll, 'list'] as const;
export const inboxMessageKey = (id: number) => [...keys.inboxAll, 'message', id] as const;
export const inboxStatsKey = [...keys.inboxAll, 'stats'] as const;

export function useInboxList(filter: InboxFilter) {
  return useQuery({ queryKey: inboxListKey(filter), queryFn: () => api.inbox.list.query({ filter, limit: LIST_LIMIT }), placeholderData: (prev) => prev });
}

/** Open count and the median response time: the page header and the navbar's count share it. */
export function useInboxStats() {
  return useQuery({ queryKey: inboxStatsKey, queryFn: () => api.inbox.stats.query() });
}

export function useInboxMessage(id: number | null) {
  return useQuery({ queryKey: inboxMessageKey(id ?? 0), queryFn: () => api.inbox.get.query({ id: id! }), enabled: id != null });
}
