// The dashboard's sentiment section: over time, by topic, the most negative recent messages, and
// how much has been analysed.
import { Center, Grid, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { keys } from '../../lib/query-keys';
import { DashCard } from './DashCard';
import { MostNegative } from './MostNegative';
import type { Bucket } from './periods';
import { SentimentByAspect } from './SentimentByAspect';
import { SentimentCoverage } from './SentimentCoverage';
import { SentimentOverTime } from './SentimentOverTime';

/** The overview by week or month; the answer names its bucket, so a chart never reads one as the other. */
export const sentimentOverviewQuery = (bucket: Bucket) => ({
  queryKey: keys.sentimentOverview(bucket),
  queryFn: async () => ({ bucket, ...(await api.sentiment.overview.query({ bucket })) }),
});


export function SentimentSection() {
  const { t } = useTranslation();
  const [bucket, setBucket] = useState<Bucket>('week');
  // Keeps the chart on screen (in its own bucket) while the other bucket loads.
  const q = useQuery({ ...sentimentOverviewQuery(bucket), placeholderData: (prev) => prev });
  return (
    <Stack gap="sm" component="section" aria-labelledby="dashboard-sentiment" data-testid="dashboard-sentiment">
      <div>
        <Title order={3} fz="lg" id="dashboard-sentiment">
          {t('dashboard.sentiment.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('dashboard.sentiment.subtitle')}
        </Text>
      </div>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !q.data ? (
        <Center h={240}>
          <Loader />
        </Center>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <DashCard
              title={t('dashboard.sentiment.overTime')}
              hint={t('dashboard.sentiment.overTimeHint')}
              right={
                <SegmentedControl
                  size="xs"
                  aria-label={t('dashboard.sentiment.bucketLabel')}
                  value={bucket}
                  onChange={(v) => setBucket(v === 'month' ? 'month' : 'week')}
                  data={[
                    { value: 'week', label: t('dashboard.sentiment.byWeek') },
                    { value: 'month', label: t('dashboard.sentiment.byMonth') },
                  ]}
                />
              }
            >
              <SentimentOverTime series={q.data.series} bucket={q.data.bucket} />
            </DashCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <DashCard title={t('dashboard.sentiment.coverage')}>
              <SentimentCoverage totals={q.data.totals} />
            </DashCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <DashCard title={t('dashboard.sentiment.byAspect')} hint={t('dashboard.sentiment.byAspectHint')}>
              <SentimentByAspect aspects={q.data.aspects} />
            </DashCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <DashCard title={t('dashboard.sentiment.mostNegative')} hint={t('dashboard.sentiment.mostNegativeHint')}>
              <MostNegative items={q.data.mostNegative} />
            </DashCard>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
