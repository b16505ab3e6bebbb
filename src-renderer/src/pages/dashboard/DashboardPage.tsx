// The dashboard, the start page once there are orders: how the shop is doing over a chosen period
// (revenue, orders, customers, best sellers, satisfaction), who is slipping away, the customer mix,
// then how customers feel (the sentiment section).
import { Box, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { segmentsOverviewKey } from '../segments/SegmentsPage';
import { BusinessSection } from './BusinessSection';
import { DashboardEmpty } from './DashboardEmpty';
import { PredictionsSection } from './PredictionsSection';
import { RangeBar, type RangeState } from './RangeBar';
import { customRange, defaultBucket, endOfToday, presetRange, toInput, type Range } from './range';
import { SentimentSection, sentimentOverviewQuery } from './SentimentSection';

/** The end of the analysis day: the pinned one (the segments page's "as of") or today. */
function useEnd(): number {
  const segments = useQuery({ queryKey: segmentsOverviewKey, queryFn: () => api.segments.overview.query({}) });
  const run = segments.data?.run;
  return run?.pinned ? dayjs(run.date).startOf('day').add(1, 'day').valueOf() : endOfToday();
}

export function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const overview = useQuery({ queryKey: keys.overview, queryFn: () => api.app.overview.query() });
  // With no message or review at all, the sentiment section has nothing to chart.
  const sentiment = useQuery(sentimentOverviewQuery('week'));
  const end = useEnd();
  const [state, setState] = useState<RangeState>(() => {
    const r = presetRange('last12m', endOfToday());
    return { preset: 'last12m', customFrom: toInput(r.from), customTo: toInput(r.to - 1), bucket: 'month' };
  });
  const range: Range | null = state.preset === 'custom' ? customRange(state.customFrom, state.customTo) : presetRange(state.preset, end);
  const onRange = (next: Partial<RangeState>) =>
    setState((s) => {
      const merged = { ...s, ...next };
      // A new preset picks the bucket that reads best for its length; the person can switch after.
      if (next.preset && next.preset !== 'custom') merged.bucket = defaultBucket(presetRange(next.preset, end));
      if (next.preset === 'custom' && range) Object.assign(merged, { customFrom: toInput(range.from), customTo: toInput(range.to - 1) });
      return merged;
    });
  const totals = sentiment.data?.totals;
  const hasSentiment = totals != null && totals.analysed + totals.toAnalyse > 0;
  const noOrders = overview.data?.orders === 0;
  const error = overview.error ?? sentiment.error;
  return (
    <Box maw={1320} mx="auto">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <div>
            <Title order={2}>{t('dashboard.title')}</Title>
            <Text c="dimmed" fz="sm" mt={4}>
              {t('dash.subtitle')}
            </Text>
          </div>
          {!noOrders && overview.data && (
            <Stack gap={4} align="flex-end">
              <RangeBar value={state} onChange={onRange} />
              {range && (
                <Text fz="xs" c="dimmed" data-testid="dashboard-range-text">
                  {t('dash.range.showing', { from: formatDate(range.from, lang), to: formatDate(range.to - 1, lang) })}
                </Text>
              )}
            </Stack>
          )}
        </Group>
        {error ? (
          <QueryError error={error} onRetry={() => void Promise.all([overview.refetch(), sentiment.refetch()])} />
        ) : !overview.data || !totals ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : (
          <>
            {noOrders ? <DashboardEmpty /> : range && <BusinessSection range={range} bucket={state.bucket} />}
            {!noOrders && <PredictionsSection />}
            {hasSentiment && <SentimentSection />}
          </>
        )}
      </Stack>
    </Box>
  );
}
