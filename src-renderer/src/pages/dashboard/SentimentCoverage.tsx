// How much has been analysed and by whom, with the two ways to do more: catch up after an analyser
// update, and have the local model read the messages again. Running jobs show their progress here.
import { Alert, Anchor, Button, Progress, Stack, Text } from '@mantine/core';
import { IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import type { Outputs } from '../../lib/api-types';
import { formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';

type Totals = Outputs['sentiment']['overview']['totals'];

const SENTIMENT_JOBS: ReadonlySet<string> = new Set(['sentiment.model', 'sentiment.reanalyse']);

export function SentimentCoverage({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { active } = useJobs();
  const status = useQuery({ queryKey: keys.modelStatus, queryFn: () => api.models.status.query() });
  const runModel = useMutation({ mutationFn: () => api.sentiment.runModel.mutate({ onlyMissing: true }), onError: (err) => notifyError(err, t) });
  const reanalyse = useMutation({ mutationFn: () => api.sentiment.reanalyse.mutate({}), onError: (err) => notifyError(err, t) });
  const jobs = active.filter((j) => SENTIMENT_JOBS.has(j.kind));
  const modelBusy = jobs.some((j) => j.kind === 'sentiment.model');
  const reanalyseBusy = jobs.some((j) => j.kind === 'sentiment.reanalyse');
  const hasModel = status.data ? status.data.activeFile != null : null;
  const share = totals.analysed > 0 ? (totals.byModel / totals.analysed) * 100 : 0;
  const allByModel = totals.analysed > 0 && totals.byModel >= totals.analysed;

  return (
    <Stack gap="sm" data-testid="sentiment-coverage">
      <div>
        <Text fz={26} fw={650} className="tabular" lh={1.2}>
          {formatNumber(totals.analysed, lang)}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('dashboard.sentiment.analysed', { count: totals.analysed })}
        </Text>
      </div>
      <Stack gap={4}>
        <Progress value={share} color="indigo" size="sm" radius="xl" aria-label={t('dashboard.sentiment.coverageBar')} />
        <Text fz="xs" c="dimmed">
          {t('dashboard.sentiment.byModel', { count: totals.byModel })}
        </Text>
      </Stack>
      {totals.toAnalyse > 0 && (
        <Alert color="yellow" variant="light" p="xs">
          <Stack gap={6} align="flex-start">
            <Text fz="xs">{t('dashboard.sentiment.toAnalyse', { count: totals.toAnalyse })}</Text>
            <Button
              size="compact-xs"
              variant="light"
              color="yellow"
              leftSection={<IconRefresh size={12} />}
              onClick={() => reanalyse.mutate()}
              loading={reanalyse.isPending}
              disabled={reanalyseBusy}
            >
              {t('dashboard.sentiment.reanalyse')}
            </Button>
          </Stack>
        </Alert>
      )}
      {allByModel ? (
        <Text fz="xs" c="dimmed">
          {t('dashboard.sentiment.allByModel')}
        </Text>
      ) : (
        <Stack gap={6} align="flex-start">
          <Button
            leftSection={<IconSparkles size={16} />}
            variant="light"
            onClick={() => runModel.mutate()}
            loading={runModel.isPending}
            disabled={hasModel !== true || modelBusy || totals.analysed === 0}
          >
            {t('dashboard.sentiment.runModel')}
          </Button>
          {hasModel === false ? (
            <Text fz="xs" c="dimmed" data-testid="sentiment-needs-model">
              {t('dashboard.sentiment.needsModel')}{' '}
              <Anchor component={Link} href="/models" fz="xs" fw={500}>
                {t('dashboard.sentiment.openModels')}
              </Anchor>
            </Text>
          ) : (
            <Text fz="xs" c="dimmed">
              {t('dashboard.sentiment.runModelHint')}
            </Text>
          )}
        </Stack>
      )}
      {jobs.length > 0 && (
        <Stack gap="xs" data-testid="sentiment-jobs">
          {jobs.map((job) => (
            <JobProgress key={job.id} job={job} size="sm" />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
