// No orders yet: what the dashboard will show, and the ways to get there (import orders, or the
// sample shop, whose load shows its progress here until the charts replace this screen).
import { Box, Button, Center, EmptyState, Paper } from '@mantine/core';
import { IconChartBar, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { JobProgress } from '../../components/JobProgress';
import { useSampleLoad } from '../../hooks/useSampleLoad';

export function DashboardEmpty() {
  const { t } = useTranslation();
  const { load, mine, running } = useSampleLoad();
  const sampleJob = running ?? (mine?.status === 'done' ? mine : undefined);
  return (
    <Paper p="xl" radius="md" data-testid="dashboard-empty">
      <Center>
        <EmptyState icon={<IconChartBar size={28} stroke={1.5} />} withIndicatorBackground title={t('dash.empty.title')} description={t('dash.empty.body')} maw={620}>
          {sampleJob ? (
            <Box w="100%" maw={420} mx="auto" mt="md">
              <JobProgress job={sampleJob} />
            </Box>
          ) : (
            <EmptyState.Actions>
              <Button component={Link} href="/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('dash.empty.import')}
              </Button>
              <Button onClick={() => load.mutate()} loading={load.isPending}>
                {t('dash.empty.sample')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Center>
    </Paper>
  );
}
