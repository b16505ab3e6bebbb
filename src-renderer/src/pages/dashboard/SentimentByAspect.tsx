// By topic: a horizontal bar per aspect, bad mentions to the left of zero and good ones to the right,
// so the topic people complain about most stands out at the top.
import { BarChart } from '@mantine/charts';
import { Box, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import type { Outputs } from '../../lib/api-types';
import { formatNumber } from '../../lib/format';

type Row = Outputs['sentiment']['overview']['aspects'][number];
interface Bar {
  name: string;
  positive: number;
  /** Below zero, so the bar points left. */
  negative: number;
}

const ROW_HEIGHT = 30;

function AspectTooltip({ bar }: { bar: Bar | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!bar) return null;
  const line = (color: string, label: string, n: number) => (
    <Group justify="space-between" gap="lg" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <Box w={10} h={10} style={{ borderRadius: 2, background: `var(--mantine-color-${color}-6)` }} />
        <Text fz="xs">{label}</Text>
      </Group>
      <Text fz="xs" fw={600} className="tabular">
        {formatNumber(n, lang)}
      </Text>
    </Group>
  );
  return (
    <Paper px="sm" py={8} shadow="md" radius="md" miw={150}>
      <Text fz="sm" fw={600} mb={6}>
        {bar.name}
      </Text>
      {line('green', t('dashboard.sentiment.mentionsPositive'), bar.positive)}
      {line('red', t('dashboard.sentiment.mentionsNegative'), -bar.negative)}
    </Paper>
  );
}

export function SentimentByAspect({ aspects }: { aspects: readonly Row[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const bars: Bar[] = aspects
    .filter((a) => a.positive + a.negative > 0)
    .map((a) => ({ name: t(`sentiment.aspects.${a.aspect}`), positive: a.positive, negative: -a.negative }));
  if (bars.length === 0)
    return (
      <Text fz="sm" c="dimmed" py="md">
        {t('dashboard.sentiment.noAspects')}
      </Text>
    );
  const abs = (v: number) => formatNumber(Math.abs(v), lang);
  return (
    <BarChart
      h={bars.length * ROW_HEIGHT + 60}
      data={bars}
      dataKey="name"
      orientation="vertical"
      type="stacked"
      // Bad mentions are below zero: stacked by sign, each bar grows out from zero on its own side.
      barChartProps={{ stackOffset: 'sign' }}
      series={[
        { name: 'negative', label: t('dashboard.sentiment.mentionsNegative'), color: 'red.6' },
        { name: 'positive', label: t('dashboard.sentiment.mentionsPositive'), color: 'green.6' },
      ]}
      valueFormatter={abs}
      yAxisProps={{ width: 96, interval: 0 }}
      xAxisProps={{ allowDecimals: false }}
      referenceLines={[{ x: 0, color: 'gray.6' }]}
      gridAxis="y"
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 32, itemSorter: null }}
      maxBarWidth={18}
      tooltipProps={{ content: ({ label }) => <AspectTooltip bar={bars.find((b) => b.name === label)} /> }}
      data-testid="sentiment-by-aspect"
      aria-label={t('dashboard.sentiment.byAspect')}
    />
  );
}
