// The customer's RFM segment among their metrics: the segment as a badge (its rule in words on
// hover), the R/F/M scores behind it and the cluster they fall in, as of the analysis date. Moves
// with the data: an order recorded here updates this customer's segment, and the change event
// refetches this card.
import { Anchor, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { keys } from '../../lib/query-keys';
import { formatDay } from '../segments/AnalysisDate';
import { ruleInWords, SEGMENT_COLORS, segmentName } from '../segments/rules';

export const customerSegmentKey = (id: number) => [...keys.segmentsAll, 'customer', id] as const;

export function CustomerSegment({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const seg = useQuery({ queryKey: customerSegmentKey(customerId), queryFn: () => api.segments.customer.query({ customerId }) });
  const names = useQuery({ queryKey: [...keys.segmentsAll, 'overview'], queryFn: () => api.segments.overview.query({}), staleTime: 30_000 });
  const s = seg.data;
  const custom = s ? names.data?.segments.find((row) => row.code === s.segment)?.customName : null;
  const label = t('segments.customer.label');
  return (
    <Paper p="md" radius="md" role="group" aria-label={label} data-testid="customer-segment" data-segment={s?.segment ?? ''}>
      <Text fz="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {s ? (
        <Stack gap={2} mt={6}>
          <Tooltip
            label={
              <Stack gap={2}>
                <Text fz="xs" fw={600}>
                  {ruleInWords(s.segment, t)}
                </Text>
                <Text fz="xs">{t(`segments.advice.${s.segment}`)}</Text>
                {s.prevSegment && s.prevSegment !== s.segment && <Text fz="xs">{t('segments.customer.was', { name: segmentName(s.prevSegment, t) })}</Text>}
                <Text fz="xs" c="dimmed">
                  {t('segments.customer.asOf', { date: formatDay(s.date, lang) })}
                </Text>
              </Stack>
            }
            multiline
            w={280}
            withArrow
          >
            <Anchor component={Link} href="/segments" underline="never" w="fit-content" aria-label={`${segmentName(s.segment, t, custom)}: ${ruleInWords(s.segment, t)}`}>
              {/* A badge that wraps: "Potential loyalists" in a narrow card stays whole. */}
              <Text
                component="span"
                fz="sm"
                fw={650}
                lh={1.3}
                px={8}
                py={3}
                data-testid="segment-badge"
                style={{
                  display: 'inline-block',
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: `var(--mantine-color-${SEGMENT_COLORS[s.segment]}-light)`,
                  color: `var(--mantine-color-${SEGMENT_COLORS[s.segment]}-light-color)`,
                  cursor: 'pointer',
                }}
              >
                {segmentName(s.segment, t, custom)}
              </Text>
            </Anchor>
          </Tooltip>
          <Group gap={6} wrap="nowrap" mt={2}>
            {s.r != null && (
              <Text fz="xs" c="dimmed" className="tabular" data-testid="rfm-scores" truncate>
                {t('segments.customer.scores', { r: s.r, f: s.f, m: s.m })}
              </Text>
            )}
          </Group>
          {s.clusterName && (
            <Text fz="xs" c="dimmed" truncate data-testid="customer-cluster" title={s.clusterName}>
              {t('segments.customer.cluster', { name: s.clusterName })}
            </Text>
          )}
        </Stack>
      ) : (
        <Text fz="sm" c="dimmed" mt={8}>
          {seg.isLoading ? '…' : t('segments.customer.none')}
        </Text>
      )}
    </Paper>
  );
}
