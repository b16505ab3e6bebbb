// Step 3: the first rows as they will be stored and what will happen to each (nothing is written
// yet); optionally a check of the whole file, which counts everything and lists every problem
// and writes nothing; then the import itself, as a job.
import { Alert, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconChecklist, IconFileImport } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { isActive, useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { describeError, describeShape } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { CountsSummary } from './CountsSummary';
import { RejectsTable } from './DetailsTables';
import { IMPORT_KIND } from './FileStep';
import { useInspection } from './MappingStep';
import { PreviewTable } from './PreviewTable';
import { setWizard, useWizard } from './wizard-store';

const PREVIEW_ROWS = 50;

export function PreviewStep() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [, navigate] = useLocation();
  const w = useWizard();
  const info = useInspection(w.source).data;
  const request = { source: w.source!, kind: w.kind!, mapping: w.mapping, options: w.options };
  const preview = useQuery({
    queryKey: keys.importPreview(request),
    queryFn: () => api.import.preview.query({ ...request, limit: PREVIEW_ROWS }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const jobs = useJobs();
  // A full check belongs to the exact request it checked.
  const [check, setCheck] = useState<{ jobId: number; key: string } | null>(null);
  const requestKey = JSON.stringify(request);
  const checkJob = check && check.key === requestKey ? jobs.byId(check.jobId) : undefined;

  const startCheck = useMutation({
    mutationFn: () => api.import.start.mutate({ ...request, dryRun: true }),
    onSuccess: ({ jobId }) => setCheck({ jobId, key: requestKey }),
    onError: (err) => notifyError(err, t, t('import.preview.checkFailed')),
  });
  const start = useMutation({
    mutationFn: () => api.import.start.mutate(request),
    onSuccess: ({ jobId }) => {
      setWizard({ launched: jobId });
      navigate(`/import/runs/${jobId}`);
    },
    onError: (err) => notifyError(err, t, t('import.preview.startFailed')),
  });
  const otherImport = jobs.active.find((j) => j.kind === IMPORT_KIND && j.id !== check?.jobId);
  const estimated = preview.data?.estimatedRows ?? info?.estimatedRows ?? null;
  const checked = checkJob?.status === 'done' && checkJob.kind === 'import.run' ? checkJob.result : null;
  // A preview that read fewer rows than it asked for has seen the whole file: no need for a full check.
  const wholeFileShown = !!preview.data && preview.data.counts.rows < PREVIEW_ROWS;

  return (
    <Stack gap="md">
      <Paper p="md" radius="md">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Title order={3} fz="md">
              {t('import.preview.title')}
            </Title>
            <Text fz="xs" c="dimmed">
              {wholeFileShown
                ? t('import.preview.wholeHint')
                : estimated != null
                  ? t('import.preview.partHint', { shown: PREVIEW_ROWS, total: formatNumber(estimated, lang) })
                  : t('import.preview.firstHint', { shown: PREVIEW_ROWS })}
            </Text>
          </div>
          {preview.isFetching && <Loader size="sm" />}
        </Group>
        {preview.error ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('import.preview.failed')} role="alert">
            {describeError(preview.error, t).message}
          </Alert>
        ) : !preview.data ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : (
          <Stack gap="md">
            <CountsSummary kind={w.kind!} counts={preview.data.counts} future />
            <PreviewTable kind={w.kind!} preview={preview.data} />
          </Stack>
        )}
      </Paper>

      {!wholeFileShown && (
        <Paper p="md" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Title order={3} fz="md">
                {t('import.preview.checkTitle')}
              </Title>
              <Text fz="xs" c="dimmed" maw={620}>
                {t('import.preview.checkHint')}
              </Text>
            </div>
            {!checkJob || !isActive(checkJob.status) ? (
              <Button variant="default" leftSection={<IconChecklist size={16} />} onClick={() => startCheck.mutate()} loading={startCheck.isPending} disabled={!preview.data}>
                {checked ? t('import.preview.checkAgain') : t('import.preview.check')}
              </Button>
            ) : null}
          </Group>
          {checkJob && isActive(checkJob.status) && (
            <Box mt="sm">
              <JobProgress job={checkJob} />
            </Box>
          )}
          {checkJob?.status === 'failed' && checkJob.error && (
            <Alert color="red" mt="sm" title={t('import.preview.checkFailed')}>
              {describeShape(checkJob.error, t).message}
            </Alert>
          )}
          {checked && (
            <Stack gap="sm" mt="md" data-testid="full-check">
              <Text fz="sm">{t('import.preview.checked', { rows: formatNumber(checked.rows, lang) })}</Text>
              <CountsSummary kind={checked.kind} counts={checked} future />
              {checked.rejected > 0 && <RejectsTable jobId={checkJob!.id} />}
            </Stack>
          )}
        </Paper>
      )}

      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setWizard({ step: 'mapping' })}>
          {t('import.preview.back')}
        </Button>
        <Group gap="sm">
          {otherImport && (
            <Text fz="sm" c="dimmed">
              {t('import.preview.waiting')}
            </Text>
          )}
          <Button size="md" leftSection={<IconFileImport size={18} />} onClick={() => start.mutate()} loading={start.isPending} disabled={!preview.data}>
            {t('import.preview.import')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
