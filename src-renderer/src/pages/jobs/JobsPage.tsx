import { Box, Center, EmptyState, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { JobCard } from '../../components/JobCard';
import { useJobs } from '../../hooks/useJobs';

export function JobsPage() {
  const { t } = useTranslation();
  const { jobs, isLoading } = useJobs();
  return (
    <Box maw={860} mx="auto">
      <Stack gap="md">
        <div>
          <Title order={2}>{t('jobs.title')}</Title>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('jobs.subtitle')}
          </Text>
        </div>
        {isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : jobs.length === 0 ? (
          <Paper p="xl" radius="md">
            <EmptyState icon={<IconActivity size={28} stroke={1.5} />} withIndicatorBackground title={t('jobs.emptyTitle')} description={t('jobs.emptyBody')} />
          </Paper>
        ) : (
          <Stack gap="sm" data-testid="jobs-list">
            {jobs.map((job) => (
              <JobCard key={job.id} job={job} />
            ))}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
