import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../lib/api-types';

const COLORS: Record<JobStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' };

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'running' ? 'dot' : 'light'} size="sm">
      {t(`jobs.status.${status}`)}
    </Badge>
  );
}
