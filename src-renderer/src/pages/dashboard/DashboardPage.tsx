// The dashboard: a page of sections, each a picture of one side of the business. Sentiment is the
// first; more (segments, revenue) follow as their capabilities land.
import { Box, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { DashboardEmpty } from './DashboardEmpty';
import { SentimentSection, sentimentOverviewQuery } from './SentimentSection';

export function DashboardPage() {
  const { t } = useTranslation();
  // The same call the sentiment section makes first (shared through the query cache): with no
  // inbound message or review at all there is nothing to chart yet.
  const sentiment = useQuery(sentimentOverviewQuery('week'));
  const totals = sentiment.data?.totals;
  const empty = totals != null && totals.analysed + totals.toAnalyse === 0;
  return (
    <Box maw={1280} mx="auto">
      <Stack gap="lg">
        <div>
          <Title order={2}>{t('dashboard.title')}</Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('dashboard.subtitle')}
          </Text>
        </div>
        {sentiment.error ? (
          <QueryError error={sentiment.error} onRetry={() => sentiment.refetch()} />
        ) : !totals ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : empty ? (
          <DashboardEmpty />
        ) : (
          <SentimentSection />
        )}
      </Stack>
    </Box>
  );
}
