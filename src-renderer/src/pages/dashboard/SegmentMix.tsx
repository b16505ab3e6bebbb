// The customer mix by RFM segment (segments.overview) and how it moved since the previous period:
// each segment's customers now against a period earlier, and the biggest moves between segments.
// While a recompute runs, its progress; before any run, the button that starts one.
import { Box, Button, Group, Progress, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { NO_ORDERS, type SegmentCode } from '../../../../src-main/shared/segments';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { customersHref } from '../segments/links';
import { SEGMENT_COLORS, segmentName } from '../segments/rules';
import { segmentFilter, type SegmentsOverview } from '../segments/types';

function Running({ jobId }: { jobId: number | null }) {
  const { t } = useTranslation();
  const jobs = useJobs();
  const job = jobs.byId(jobId) ?? jobs.active.find((j) => j.kind === 'segments.recompute');
  return (
    <Stack gap={6} data-testid="dashboard-segments-running">
      <Text fz="sm">{t('dash.segments.computing')}</Text>
      {job && <JobProgress job={job} size="sm" withCancel={false} />}
    </Stack>
  );
}

export function SegmentMix({ data }: { data: SegmentsOverview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const recompute = useMutation({ mutationFn: () => api.segments.recompute.mutate({}), onError: (err) => notifyError(err, t) });
  if (!data.run) {
    if (data.jobId !== null) return <Running jobId={data.jobId} />;
    return (
      <Stack gap="sm" align="flex-start">
        <Text fz="sm" c="dimmed">
          {t('dash.segments.notRun')}
        </Text>
        <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={() => recompute.mutate()} loading={recompute.isPending}>
          {t('dash.segments.computeNow')}
        </Button>
      </Stack>
    );
  }
  const rows = data.segments.filter((s) => s.code !== NO_ORDERS && (s.customers > 0 || s.prevCustomers > 0));
  const max = Math.max(1, ...rows.map((s) => Math.max(s.customers, s.prevCustomers)));
  const name = (code: SegmentCode) => segmentName(code, t, data.segments.find((s) => s.code === code)?.customName);
  return (
    <Stack gap="md">
      {data.jobId !== null && <Running jobId={data.jobId} />}
      <Stack gap={7} data-testid="segment-mix">
        {rows.map((s) => {
          const delta = s.customers - s.prevCustomers;
          return (
            <Tooltip
              key={s.code}
              withArrow
              position="top-start"
              label={`${t('dash.segments.customers')}: ${formatNumber(s.customers, lang)} · ${t('dash.segments.previous')}: ${formatNumber(s.prevCustomers, lang)}`}
            >
              <UnstyledButton component={Link} href={customersHref(segmentFilter(s.code))} style={{ display: 'block' }}>
                <Group justify="space-between" gap="sm" wrap="nowrap" mb={2}>
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Box w={10} h={10} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${SEGMENT_COLORS[s.code]}-6)` }} />
                    <Text fz="sm" truncate>
                      {name(s.code)}
                    </Text>
                  </Group>
                  <Group gap={8} wrap="nowrap" style={{ flex: 'none' }}>
                    <Text fz="sm" fw={600} className="tabular">
                      {formatNumber(s.customers, lang)}
                    </Text>
                    <Text fz="xs" w={52} ta="right" className="tabular" c={delta > 0 ? 'teal' : delta < 0 ? 'red' : 'dimmed'}>
                      {delta > 0 ? '+' : delta < 0 ? '−' : '±'}
                      {formatNumber(Math.abs(delta), lang)}
                    </Text>
                  </Group>
                </Group>
                <Progress.Root size={6} aria-hidden>
                  <Progress.Section value={(s.customers / max) * 100} color={SEGMENT_COLORS[s.code]} />
                </Progress.Root>
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </Stack>
      <Box>
        <Text fz="sm" fw={600} mb={4}>
          {t('dash.segments.moves')}
        </Text>
        {data.moves.length === 0 ? (
          <Text fz="xs" c="dimmed">
            {t('dash.segments.noMoves')}
          </Text>
        ) : (
          <Stack gap={3} data-testid="dashboard-segment-moves">
            {data.moves.slice(0, 4).map((m) => (
              <Group key={`${m.from}-${m.to}`} gap={6} wrap="nowrap">
                <Box w={8} h={8} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${SEGMENT_COLORS[m.from]}-6)` }} />
                <IconArrowRight size={12} style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
                <Box w={8} h={8} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${SEGMENT_COLORS[m.to]}-6)` }} />
                <Text fz="xs" className="tabular" truncate>
                  {t('dash.segments.move', { n: formatNumber(m.customers, lang), from: name(m.from), to: name(m.to) })}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
