// Step 4: one import run. While it runs: a bar with rows, rows/s and time left, and Cancel. After:
// what it did, every rejected row with its line, column and reason (downloadable, to fix and
// import again), and the merges to review. The address stays valid, so a run can be reopened.
import { Alert, Anchor, Box, Button, Center, Group, Loader, Menu, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconDownload, IconFileImport, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api, errorShape } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { QueryError } from '../../components/QueryError';
import { isActive, useJobs, type JobView } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import type { ImportSummary } from '../../lib/api-types';
import { describeShape } from '../../lib/errors';
import { runExport } from '../../lib/exporter';
import { formatDuration, formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { CountsSummary } from './CountsSummary';
import { MergesTable, RejectsTable } from './DetailsTables';
import { resetWizard, setWizard, useWizard } from './wizard-store';

export function RunPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const live = useJobs().byId(id);
  const stored = useQuery({ queryKey: keys.job(id), queryFn: () => api.jobs.get.query({ id }), retry: false, enabled: !live || !isActive(live.status) });
  const job: JobView | undefined = live ?? (stored.data ? { ...stored.data, ratePerSec: null, etaSec: null, detail: null } : undefined);

  if (!job && stored.error) {
    if (errorShape(stored.error).code === 'not_found')
      return (
        <Frame>
          <Alert color="gray" title={t('import.run.notFound')}>
            <Anchor component={Link} href="/import">
              {t('import.run.startNew')}
            </Anchor>
          </Alert>
        </Frame>
      );
    return (
      <Frame>
        <QueryError error={stored.error} onRetry={() => stored.refetch()} />
      </Frame>
    );
  }
  if (!job)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const summary = job.status === 'done' && job.kind === 'import.run' ? job.result : null;
  return (
    <Frame>
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="sm">
            <Title order={2}>
              {summary?.dryRun
                ? t('import.run.checkTitle')
                : isActive(job.status)
                  ? t('import.run.running')
                  : job.status === 'cancelled'
                    ? t('import.run.cancelledTitle')
                    : job.status === 'failed'
                      ? t('import.run.failed')
                      : t('import.run.title')}
            </Title>
            <JobStatusBadge status={job.status} />
          </Group>
          {summary && (
            <Text c="dimmed" fz="sm" mt={4}>
              {summary.sheet ? t('import.run.fileSheet', { file: summary.file, sheet: summary.sheet }) : summary.file}
            </Text>
          )}
        </div>
      </Group>
      {isActive(job.status) && <Running job={job} />}
      {job.status === 'failed' && <Ended job={job} />}
      {job.status === 'cancelled' && <Ended job={job} />}
      {summary && <Result jobId={job.id} summary={summary} />}
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <Box maw={1100} mx="auto">
      <Stack gap="md">{children}</Stack>
    </Box>
  );
}

function Running({ job }: { job: JobView }) {
  const { t } = useTranslation();
  return (
    <Paper p="lg" radius="md">
      <Stack gap="sm">
        <JobProgress job={job} />
        <Text fz="sm" c="dimmed">
          {t('import.run.runningHint')}
        </Text>
      </Stack>
    </Paper>
  );
}

function Ended({ job }: { job: JobView }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const w = useWizard();
  return (
    <Paper p="lg" radius="md">
      <Stack gap="md">
        {job.status === 'failed' ? (
          <Alert color="red" role="alert">
            {job.error ? describeShape(job.error, t).message : null}
            {job.error?.code !== 'import_interrupted' && (
              <Text fz="sm" mt={6}>
                {t('import.run.nothingKept')}
              </Text>
            )}
          </Alert>
        ) : (
          <Text>{t('import.run.cancelled')}</Text>
        )}
        <Group>
          {w.source && (
            <Button
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => {
                setWizard({ step: 'preview' });
                navigate('/import');
              }}
            >
              {t('import.run.backToPreview')}
            </Button>
          )}
          <AnotherFileButton />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Starts the wizard over for the next file. */
function AnotherFileButton() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <Button
      variant="default"
      leftSection={<IconFileImport size={16} />}
      onClick={() => {
        resetWizard();
        navigate('/import');
      }}
    >
      {t('import.run.another')}
    </Button>
  );
}

function Result({ jobId, summary }: { jobId: number; summary: ImportSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const download = (format: 'csv' | 'xlsx') => void runExport({ input: { list: { kind: 'rejects', jobId }, format }, label: t('import.result.rejectedFile') }, t);
  return (
    <>
      <Paper p="lg" radius="md">
        <Stack gap="md">
          {summary.dryRun ? (
            <Text>{t('import.run.checkDone', { rows: formatNumber(summary.rows, lang) })}</Text>
          ) : (
            <Text data-testid="import-done">
              {summary.seconds < 1
                ? t('import.run.doneFast', { rows: formatNumber(summary.rows, lang) })
                : t('import.run.done', { rows: formatNumber(summary.rows, lang), time: formatDuration(summary.seconds, t), rate: formatNumber(summary.rowsPerSecond, lang) })}
            </Text>
          )}
          <CountsSummary kind={summary.kind} counts={summary} future={summary.dryRun} />
          <Group>
            {!summary.dryRun && (
              <Button component={Link} href="/customers" leftSection={<IconUsers size={16} />}>
                {t('import.run.openCustomers')}
              </Button>
            )}
            <AnotherFileButton />
          </Group>
        </Stack>
      </Paper>
      {(summary.rejected > 0 || summary.mergeCount > 0) && (
        <Paper p="lg" radius="md">
          <Tabs defaultValue={summary.rejected > 0 ? 'rejects' : 'merges'} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="rejects" disabled={!summary.rejected}>
                {t('import.result.rejectsTab', { n: formatNumber(summary.rejected, lang) })}
              </Tabs.Tab>
              <Tabs.Tab value="merges" disabled={!summary.mergeCount}>
                {t('import.result.mergesTab', { n: formatNumber(summary.mergeCount, lang) })}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="rejects" pt="md">
              <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
                <Text fz="sm" c="dimmed" maw={640}>
                  {t('import.result.rejectsHint')}
                </Text>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
                      {t('import.result.download')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => download('csv')}>{t('import.result.downloadCsv')}</Menu.Item>
                    <Menu.Item onClick={() => download('xlsx')}>{t('import.result.downloadXlsx')}</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
              <RejectsTable jobId={jobId} />
            </Tabs.Panel>
            <Tabs.Panel value="merges" pt="md">
              <Text fz="sm" c="dimmed" mb="sm">
                {t('import.result.mergesHint')}
              </Text>
              <MergesTable jobId={jobId} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
      )}
    </>
  );
}
