// A running job as a person wants to see it: a bar, "1,200 / 2,000 customers · 350/s · 3 s
// left", and a way to stop it.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { JobView } from '../hooks/useJobs';
import { useLanguage } from '../hooks/useLanguage';
import { formatNumber } from '../lib/format';
import { jobName, progressLine } from '../lib/jobs';
import { notifyError } from '../lib/notify';

export function JobProgress({ job, withCancel = true, size = 'md' }: { job: JobView; withCancel?: boolean; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cancel = useMutation({ mutationFn: () => api.jobs.cancel.mutate({ id: job.id }), onError: (err) => notifyError(err, t) });
  const pct = job.total > 0 ? Math.min(100, (job.done / job.total) * 100) : 0;
  const name = jobName(job.kind, t);
  const indeterminate = job.total <= 0;
  return (
    <Stack gap={6} data-testid="job-progress">
      <Progress
        value={indeterminate ? 100 : pct}
        animated={job.status === 'running'}
        striped={indeterminate}
        size={size === 'sm' ? 'sm' : 'lg'}
        radius="xl"
        aria-label={name}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={job.total || undefined}
        aria-valuenow={indeterminate ? undefined : job.done}
        transitionDuration={200}
      />
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz={size === 'sm' ? 'xs' : 'sm'} c="dimmed" className="tabular" data-testid="job-progress-text">
          {progressLine(job, t, (n) => formatNumber(n, lang))}
        </Text>
        {withCancel && (job.status === 'running' || job.status === 'queued') && (
          <Button
            size={size === 'sm' ? 'compact-xs' : 'compact-sm'}
            variant="default"
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
            aria-label={t('jobs.cancelJob', { name })}
          >
            {t('jobs.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
