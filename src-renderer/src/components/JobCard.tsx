import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../hooks/useJobs';
import { isActive } from '../hooks/useJobs';
import { useLanguage } from '../hooks/useLanguage';
import { describeShape } from '../lib/errors';
import { formatDateTime, formatDuration, formatRelative } from '../lib/format';
import { jobResultSummary, jobTitle } from '../lib/jobs';
import { JobProgress } from './JobProgress';
import { JobStatusBadge } from './JobStatusBadge';

export function JobCard({ job, compact = false }: { job: JobView; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const name = jobTitle(job, t);
  const when = job.startedAt ?? job.createdAt;
  const took = job.finishedAt && job.startedAt ? job.finishedAt - job.startedAt : null;
  return (
    <Paper p={compact ? 'xs' : 'md'} withBorder={!compact} bg={compact ? 'transparent' : undefined} data-testid="job-card" aria-label={name}>
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} fz={compact ? 'sm' : 'md'}>
              {name}
            </Text>
            <JobStatusBadge status={job.status} />
          </Group>
          <Group gap="sm" wrap="nowrap">
            {job.kind === 'import.run' && (
              <Anchor component={Link} href={`/import/runs/${job.id}`} fz="xs">
                {t('jobs.openImport')}
              </Anchor>
            )}
            <Text fz="xs" c="dimmed" title={formatDateTime(when, lang)}>
              {formatRelative(when, lang)}
            </Text>
          </Group>
        </Group>
        {isActive(job.status) && <JobProgress job={job} size={compact ? 'sm' : 'md'} />}
        {job.status === 'done' && (
          <Text fz="sm" c="dimmed">
            {jobResultSummary(job, t)}
            {took != null && !compact && ` · ${t('jobs.tookTime', { time: formatDuration(took / 1000, t) })}`}
          </Text>
        )}
        {job.status === 'failed' && job.error && (
          <Text fz="sm" c="red">
            {describeShape(job.error, t).message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
