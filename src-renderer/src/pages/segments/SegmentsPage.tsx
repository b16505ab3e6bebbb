// The segments page: who the best customers are and who is slipping, as of a stated day. The RFM
// grid and each segment's share of customers and revenue, every segment with its rule in words and
// what can be done with it, then the groups k-means found. Everything comes from one stored run
// (segments.overview); a recompute shows its progress here, and a stale run says so.
import { Alert, Box, Button, Center, EmptyState, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconChartDots3, IconFileImport, IconRefresh, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { NO_ORDERS, type SegmentCode } from '../../../../src-main/shared/segments';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { QueryError } from '../../components/QueryError';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { useSampleLoad } from '../../hooks/useSampleLoad';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { AnalysisDate } from './AnalysisDate';
import { ClusterSection } from './ClusterSection';
import { customersHref } from './links';
import { RenameModal, type RenameTarget } from './RenameModal';
import { RfmGrid } from './RfmGrid';
import { SEGMENT_COLORS, segmentName } from './rules';
import { SegmentShare } from './SegmentShare';
import { SegmentTable } from './SegmentTable';
import { segmentFilter, type ClusterView, type SegmentsOverview } from './types';

export const segmentsOverviewKey = [...keys.segmentsAll, 'overview'] as const;

function useRecompute() {
  const { t } = useTranslation();
  return useMutation({ mutationFn: () => api.segments.recompute.mutate({}), onError: (err) => notifyError(err, t) });
}

/** No orders yet: what the page will show and the ways to get there. */
function NoOrders() {
  const { t } = useTranslation();
  const { load, mine, running } = useSampleLoad();
  const sampleJob = running ?? (mine?.status === 'done' ? mine : undefined);
  return (
    <Paper p="xl" radius="md" data-testid="segments-empty">
      <Center>
        <EmptyState icon={<IconChartDots3 size={28} stroke={1.5} />} withIndicatorBackground title={t('segments.emptyTitle')} description={t('segments.emptyBody')} maw={620}>
          {sampleJob ? (
            <Box w="100%" maw={420} mx="auto" mt="md">
              <JobProgress job={sampleJob} />
            </Box>
          ) : (
            <EmptyState.Actions>
              <Button component={Link} href="/customers" variant="default" leftSection={<IconUsers size={16} />}>
                {t('segments.emptyCustomers')}
              </Button>
              <Button component={Link} href="/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('segments.emptyImport')}
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

function NotRun() {
  const { t } = useTranslation();
  const recompute = useRecompute();
  return (
    <Paper p="xl" radius="md" data-testid="segments-not-run">
      <Center>
        <EmptyState icon={<IconChartDots3 size={28} stroke={1.5} />} withIndicatorBackground title={t('segments.notRunTitle')} description={t('segments.notRunBody')} maw={560}>
          <EmptyState.Actions>
            <Button leftSection={<IconRefresh size={16} />} onClick={() => recompute.mutate()} loading={recompute.isPending}>
              {t('segments.computeNow')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    </Paper>
  );
}

function RunningJob({ jobId }: { jobId: number | null }) {
  const { t } = useTranslation();
  const jobs = useJobs();
  const job = jobs.byId(jobId) ?? jobs.active.find((j) => j.kind === 'segments.recompute');
  if (!job) return null;
  return (
    <Paper p="md" radius="md" data-testid="segments-running">
      <Text fz="sm" fw={500} mb={6}>
        {t('segments.running')}
      </Text>
      <JobProgress job={job} size="sm" withCancel={false} />
    </Paper>
  );
}

/** The biggest moves between segments since the last run: who is slipping, who is growing. */
function Moves({ data }: { data: SegmentsOverview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const name = (code: SegmentCode) => segmentName(code, t, data.segments.find((s) => s.code === code)?.customName);
  const top = data.moves.slice(0, 5);
  return (
    <Box mt="md" data-testid="segment-moves">
      <Text fz="sm" fw={600} mb={4}>
        {t('segments.moves.title')}
      </Text>
      {top.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('segments.moves.none')}
        </Text>
      ) : (
        <Stack gap={2}>
          {top.map((m) => (
            <Group key={`${m.from}-${m.to}`} gap={6} wrap="nowrap">
              <Box w={8} h={8} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${SEGMENT_COLORS[m.from]}-6)` }} />
              <IconArrowRight size={12} style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
              <Box w={8} h={8} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${SEGMENT_COLORS[m.to]}-6)` }} />
              <Text fz="xs" className="tabular">
                {t('segments.moves.line', { n: formatNumber(m.customers, lang), from: name(m.from), to: name(m.to) })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Box>
  );
}

function Header({ data, noOrders }: { data: SegmentsOverview; noOrders: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const recompute = useRecompute();
  const run = noOrders ? null : data.run;
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <div>
        <Title order={2}>{t('segments.title')}</Title>
        {run && (
          <Group gap="md" mt={4}>
            <AnalysisDate date={run.date} pinned={run.pinned} />
            <Text fz="xs" c="dimmed" className="tabular">
              {t('segments.customersCounted', { customers: formatNumber(run.customers, lang), withOrders: formatNumber(run.withOrders, lang), orders: formatNumber(run.orders, lang) })}
              {' · '}
              {t('segments.computedAt', { time: formatDateTime(run.computedAt, lang) })}
            </Text>
          </Group>
        )}
      </div>
      {run && (
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => recompute.mutate()} loading={recompute.isPending} disabled={data.jobId != null} data-testid="recompute">
          {t('segments.recompute')}
        </Button>
      )}
    </Group>
  );
}

export function SegmentsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const recompute = useRecompute();
  const overview = useQuery({ queryKey: segmentsOverviewKey, queryFn: () => api.segments.overview.query({}) });
  const appOverview = useQuery({ queryKey: keys.overview, queryFn: () => api.app.overview.query() });
  const { active } = useJobs();
  const [renaming, setRenaming] = useState<RenameTarget | null>(null);

  if (overview.error) return <QueryError error={overview.error} onRetry={() => overview.refetch()} />;
  const data = overview.data;
  if (!data || !appOverview.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const running = data.jobId != null || active.some((j) => j.kind === 'segments.recompute');
  const noOrders = appOverview.data.orders === 0 || (data.run != null && data.run.withOrders === 0 && !running);

  const renameSegment = (code: SegmentCode) => {
    const row = data.segments.find((s) => s.code === code);
    setRenaming({
      title: t('segments.rename.title'),
      name: segmentName(code, t, row?.customName),
      standard: t(`segments.names.${code}`),
      save: (name) => api.segments.renameSegment.mutate({ code, name }).catch((err) => notifyError(err, t)),
    });
  };
  const renameCluster = (c: ClusterView) =>
    setRenaming({
      title: t('segments.rename.clusterTitle'),
      name: c.name,
      description: c.description ?? '',
      save: (name, description) => api.segments.renameCluster.mutate({ idx: c.idx, name: name ?? c.name, description: description ?? null }).catch((err) => notifyError(err, t)),
    });

  const withOrders = data.run?.withOrders ?? 0;
  const rfm = data.segments.filter((s) => s.code !== NO_ORDERS);
  return (
    <Box maw={1320} mx="auto" data-testid="segments-page">
      <Stack gap="md">
        <Header data={data} noOrders={noOrders} />
        {running && <RunningJob jobId={data.jobId} />}
        {data.stale && !running && data.run && (
          <Alert color="yellow" variant="light" p="sm" data-testid="segments-stale">
            <Group justify="space-between" gap="sm">
              <Text fz="sm">{t('segments.stale')}</Text>
              <Button size="compact-sm" variant="light" color="yellow" leftSection={<IconRefresh size={14} />} onClick={() => recompute.mutate()} loading={recompute.isPending}>
                {t('segments.recompute')}
              </Button>
            </Group>
          </Alert>
        )}
        {noOrders ? (
          <NoOrders />
        ) : !data.run ? (
          running ? null : <NotRun />
        ) : (
          <>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Paper p="lg" radius="md" h="100%">
                  <Title order={3} fz="lg" mb={4}>
                    {t('segments.grid.title')}
                  </Title>
                  <Text fz="xs" c="dimmed" mb="md">
                    {t('segments.rule.explain')}
                  </Text>
                  <RfmGrid grid={data.grid} segments={data.segments} onOpen={(code) => navigate(customersHref(segmentFilter(code)))} />
                  <Moves data={data} />
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Paper p="lg" radius="md" h="100%">
                  <Title order={3} fz="lg" mb="md">
                    {t('segments.share.title')}
                  </Title>
                  <SegmentShare segments={data.segments} totalCustomers={data.run.customers} />
                </Paper>
              </Grid.Col>
            </Grid>
            <Paper p="lg" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={3} fz="lg">
                  {t('segments.list.title')}
                </Title>
                <Text fz="xs" c="dimmed" className="tabular">
                  {t('segments.grid.customers', { count: withOrders })}
                </Text>
              </Group>
              <SegmentTable segments={[...rfm, ...data.segments.filter((s) => s.code === NO_ORDERS)]} onRename={renameSegment} />
            </Paper>
            <ClusterSection clustering={data.clustering} clusters={data.clusters} onRename={renameCluster} />
          </>
        )}
      </Stack>
      <RenameModal target={renaming} onClose={() => setRenaming(null)} />
    </Box>
  );
}
