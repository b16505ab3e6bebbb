// How the writing of a campaign's messages goes: the job's bar with Cancel while it runs; once it
// stopped (cancelled, failed, or the app closed) with messages left unwritten, Resume; and, when
// the messages come from templates, what a model would add and where to get one.
import { Alert, Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { IconPlayerPlay, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { isActive, useJobs, type JobView } from '../../hooks/useJobs';
import { describeShape } from '../../lib/errors';
import { notifyDone, notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import type { Campaign } from './types';

export function CampaignProgress({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const live = useJobs().byId(campaign.jobId);
  // A job the recent list does not hold (just queued, or long ago) is asked for by its id.
  const jobId = campaign.jobId ?? 0;
  const asked = useQuery({ queryKey: keys.job(jobId), queryFn: () => api.jobs.get.query({ id: jobId }), enabled: jobId > 0 && !live, retry: false });
  const job: JobView | undefined = live ?? (asked.data ? { ...asked.data, ratePerSec: null, etaSec: null, detail: null } : undefined);
  const known = !campaign.jobId || job != null || asked.isError;
  const resume = useMutation({
    mutationFn: () => api.campaigns.resume.mutate({ id: campaign.id }),
    onSuccess: () => notifyDone(t('campaigns.page.resumed')),
    onError: (err) => notifyError(err, t),
  });
  const left = campaign.counts.total - campaign.counts.drafted;
  if (job && isActive(job.status))
    return (
      <Paper p="md" radius="md" withBorder data-testid="campaign-job">
        <JobProgress job={job} />
      </Paper>
    );
  if (left > 0 && known)
    return (
      <Alert color="orange" variant="light" data-testid="campaign-stopped">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fz="sm">{t('campaigns.page.stopped', { count: left })}</Text>
            {job?.status === 'failed' && job.error && (
              <Text fz="xs" c="red" mt={2}>
                {describeShape(job.error, t).message}
              </Text>
            )}
          </div>
          <Button size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={() => resume.mutate()} loading={resume.isPending} data-testid="campaign-resume">
            {t('campaigns.page.resume')}
          </Button>
        </Group>
      </Alert>
    );
  return null;
}

/** Shown when messages came from templates: what they are, what a model would add, where to get one. */
export function TemplateNote() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="gray" icon={<IconSparkles size={18} />} title={t('campaigns.page.templatesTitle')} data-testid="campaign-templates">
      <Text fz="sm">{t('campaigns.page.templatesBody')}</Text>
      <Anchor component={Link} href="/models" fz="sm" fw={500} mt={6} display="inline-block">
        {t('campaigns.page.getModel')}
      </Anchor>
    </Alert>
  );
}
