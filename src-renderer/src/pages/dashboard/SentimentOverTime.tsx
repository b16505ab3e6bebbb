// Sentiment over time: per week or month, the messages and reviews by label as stacked bars
// (negative at the bottom, where a rise is easiest to see) and the average score as a line on its
// own axis.
import { CompositeChart } from '@mantine/charts';
import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SentimentLabel } from '../../../../src-main/shared/sentiment';
import { SENTIMENT_COLORS, formatScore } from '../../components/SentimentBadge';
import { useLanguage } from '../../hooks/useLanguage';
import type { Outputs } from '../../lib/api-types';
import { formatNumber } from '../../lib/format';
import { WINDOW, lastBuckets, periodTick, periodTitle, type Bucket } from './periods';

type Row = Outputs['sentiment']['overview']['series'][number];

const STACK: SentimentLabel[] = ['negative', 'mixed', 'neutral', 'positive'];
const AVERAGE_COLOR = 'indigo.5';

function PeriodTooltip({ row, bucket }: { row: Row | undefined; bucket: Bucket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!row) return null;
  const total = STACK.reduce((n, l) => n + row[l], 0);
  const title = periodTitle(row.period, bucket, lang);
  return (
    <Paper px="sm" py={8} shadow="md" radius="md" miw={180}>
      <Text fz="sm" fw={600} mb={6}>
        {bucket === 'week' ? t('dashboard.sentiment.weekOf', { date: title }) : title}
      </Text>
      <Stack gap={3}>
        {[...STACK].reverse().map((l) => (
          <Group key={l} justify="space-between" gap="lg" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <Box w={10} h={10} style={{ borderRadius: 2, background: `var(--mantine-color-${SENTIMENT_COLORS[l]}-6)` }} />
              <Text fz="xs">{t(`sentiment.labels.${l}`)}</Text>
            </Group>
            <Text fz="xs" fw={600} className="tabular">
              {formatNumber(row[l], lang)}
            </Text>
          </Group>
        ))}
        {total > 0 && (
          <Group justify="space-between" gap="lg" wrap="nowrap" pt={4} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Text fz="xs">{t('sentiment.chart.average')}</Text>
            <Text fz="xs" fw={600} className="tabular" c={row.avgScore < 0 ? 'red' : undefined}>
              {formatScore(row.avgScore, lang)}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function SentimentOverTime({ series, bucket }: { series: readonly Row[]; bucket: Bucket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = lastBuckets(series, bucket, WINDOW[bucket], (period) => ({
    period,
    start: 0,
    positive: 0,
    negative: 0,
    neutral: 0,
    mixed: 0,
    avgScore: 0,
  }));
  // An empty bucket has no average: a gap in the line, not a fall to zero.
  const data = rows.map((r) => ({ ...r, average: STACK.some((l) => r[l] > 0) ? r.avgScore : null }));
  return (
    <CompositeChart
      h={280}
      data={data}
      dataKey="period"
      series={[
        ...STACK.map((l) => ({ name: l, label: t(`sentiment.labels.${l}`), color: `${SENTIMENT_COLORS[l]}.${l === 'neutral' ? 4 : 6}`, type: 'bar' as const })),
        { name: 'average', label: t('sentiment.chart.average'), color: AVERAGE_COLOR, type: 'line' as const, yAxisId: 'right' },
      ]}
      barProps={(s) => (s.type === 'bar' ? { stackId: 'labels' } : {})}
      maxBarWidth={28}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 36, itemSorter: null }}
      withRightYAxis
      rightYAxisProps={{ domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1], tickFormatter: (v: number) => formatScore(v, lang), width: 48 }}
      yAxisProps={{ allowDecimals: false, tickFormatter: (v: number) => formatNumber(v, lang), width: 44 }}
      xAxisProps={{ tickFormatter: (p: string) => periodTick(p, bucket, lang), minTickGap: 16 }}
      referenceLines={[{ y: 0, yAxisId: 'right', color: 'gray.5', strokeDasharray: '4 3' }]}
      connectNulls={false}
      curveType="monotone"
      dotProps={{ r: 2.5 }}
      gridAxis="x"
      tooltipProps={{ content: ({ label }) => <PeriodTooltip row={rows.find((r) => r.period === label)} bucket={bucket} /> }}
      data-testid="sentiment-over-time"
      aria-label={t('dashboard.sentiment.overTime')}
    />
  );
}
