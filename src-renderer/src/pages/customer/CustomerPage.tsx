import { Anchor, Box, Button, Center, EmptyState, Group, Loader, Stack, Title } from '@mantine/core';
import { IconChevronLeft, IconUserQuestion } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, errorShape } from '../../api/client';
import { CustomerFormModal } from '../../components/CustomerFormModal';
import { QueryError } from '../../components/QueryError';
import { useTimelineActions } from '../../hooks/useTimelineActions';
import { keys } from '../../lib/query-keys';
import { Composer } from './Composer';
import { CustomerHeader } from './CustomerHeader';
import { CustomerPredictions } from './CustomerPredictions';
import { CustomerTimeline } from './CustomerTimeline';
import { DeleteCustomerModal } from './DeleteCustomerModal';
import { MetricsRow } from './MetricsRow';
import { RecordOrderModal } from './RecordOrderModal';
import { SentimentTrend } from './SentimentTrend';
import { SummaryCard } from './SummaryCard';

export function CustomerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const customer = useQuery({ queryKey: keys.customer(id), queryFn: () => api.customers.get.query({ id }), retry: false });
  const actions = useTimelineActions(id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [ordering, setOrdering] = useState(false);
  // Each press of Summarise starts a fresh summary.
  const [summary, setSummary] = useState(0);

  const back = (
    <Anchor component={Link} href="/customers" fz="sm" c="dimmed">
      <Group gap={2}>
        <IconChevronLeft size={16} />
        {t('customer.back')}
      </Group>
    </Anchor>
  );

  if (customer.error) {
    if (errorShape(customer.error).code === 'not_found')
      return (
        <Center py={80}>
          <EmptyState
            icon={<IconUserQuestion size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('customer.notFoundTitle')}
            description={t('customer.notFoundBody')}
          >
            <EmptyState.Actions>
              <Button component={Link} href="/customers" variant="default">
                {t('customer.back')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Center>
      );
    return <QueryError error={customer.error} onRetry={() => customer.refetch()} />;
  }
  if (!customer.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const c = customer.data;
  return (
    <Box maw={1180} mx="auto">
      <Stack gap="md">
        {back}
        <CustomerHeader customer={c} onEdit={() => setEditing(true)} onDelete={() => setDeleting(true)} onSummarise={() => setSummary((n) => n + 1)} onRecordOrder={() => setOrdering(true)} />
        {summary > 0 && <SummaryCard key={summary} customerId={id} onClose={() => setSummary(0)} />}
        <MetricsRow customer={c} />
        <CustomerPredictions customerId={id} />
        <SentimentTrend customerId={id} />
        <Title order={3} fz="lg" mt="sm">
          {t('timeline.title')}
        </Title>
        <Composer actions={actions} defaultChannel={c.language === 'zh' ? 'wechat' : 'email'} />
        <CustomerTimeline customerId={id} actions={actions} />
      </Stack>
      <CustomerFormModal opened={editing} onClose={() => setEditing(false)} customer={c} />
      <DeleteCustomerModal customer={c} opened={deleting} onClose={() => setDeleting(false)} />
      <RecordOrderModal customerId={id} opened={ordering} onClose={() => setOrdering(false)} />
    </Box>
  );
}
