import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import type { JobView } from '../../hooks/useJobs';

/** Above the list while the sample shop is still being created. */
export function SampleJobBanner({ job }: { job: JobView }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" bg="var(--patron-surface)">
      <Stack gap="xs">
        <Group gap="xs">
          <Loader size={14} />
          <Text fz="sm" fw={500}>
            {t('customers.sampleRunning')}
          </Text>
        </Group>
        <JobProgress job={job} />
      </Stack>
    </Paper>
  );
}
