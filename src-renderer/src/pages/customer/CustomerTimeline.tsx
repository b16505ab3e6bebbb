import { Button, Center, Loader, Paper, Stack, Text, Timeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import { keys } from '../../lib/query-keys';
import { bulletFor, TimelineEntry } from './TimelineEntry';

type TimelineCursor = NonNullable<Awaited<ReturnType<typeof api.timeline.forCustomer.query>>['nextCursor']>;

const PAGE = 30;

export function CustomerTimeline({ customerId, actions }: { customerId: number; actions: TimelineActions }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: keys.timeline(customerId),
    queryFn: ({ pageParam }) => api.timeline.forCustomer.query({ customerId, cursor: pageParam, limit: PAGE }),
    initialPageParam: undefined as TimelineCursor | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Paper p="xl" radius="md" ta="center">
        <Text c="dimmed" fz="sm">
          {t('timeline.empty')}
        </Text>
      </Paper>
    );
  return (
    <Stack gap="md" component="section" aria-label={t('timeline.label')}>
      <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
        {items.map((item) => (
          <Timeline.Item key={`${item.type}-${item.id}`} bullet={bulletFor(item)} data-testid={`timeline-${item.type}`}>
            <TimelineEntry item={item} actions={actions} />
          </Timeline.Item>
        ))}
      </Timeline>
      {q.hasNextPage ? (
        <Button variant="default" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage} mx="auto" display="block">
          {t('timeline.loadMore')}
        </Button>
      ) : (
        <Text fz="xs" c="dimmed" ta="center">
          {t('timeline.end')}
        </Text>
      )}
    </Stack>
  );
}
