// No messages or reviews yet: what the dashboard will show, and the three ways to get there.
import { Box, Button, Center, EmptyState, Paper } from '@mantine/core';
import { IconChartBar, IconFileImport, IconMessagePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { JobProgress } from '../../components/JobProgress';
import { useSampleLoad } from '../../hooks/useSampleLoad';

export function DashboardEmpty() {
  const { t } = useTranslation();
  const { load, mine, running } = useSampleLoad();
  // A finished load keeps its full bar until the charts replace this screen.
  const sampleJob = running ?? (mine?.status === 'done' ? mine : undefined);
  return (
    <Paper p="xl" radius="md" data-testid="dashboard-empty">
      <Center>
        <EmptyState icon={<IconChartBar size={28} stroke={1.5} />} withIndicatorBackground title={t('dashboard.empty.title')} description={t('dashboard.empty.body')} maw={620}>
          {sampleJob ? (
            <Box w="100%" maw={420} mx="auto" mt="md">
              <JobProgress job={sampleJob} />
            </Box>
          ) : (
            <EmptyState.Actions>
              <Button component={Link} href="/customers" variant="default" leftSection={<IconMessagePlus size={16} />}>
                {t('dashboard.empty.customers')}
              </Button>
              <Button component={Link} href="/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('dashboard.empty.import')}
              </Button>
              <Button onClick={() => load.mutate()} loading={load.isPending}>
                {t('dashboard.empty.sample')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Center>
    </Paper>
  );
}
