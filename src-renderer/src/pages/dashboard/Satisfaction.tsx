// Satisfaction over time: survey answers split into promoters, passives and detractors as stacked
// bars, NPS as a line on its own axis (−100 to 100), and beside it the period's NPS, its split and
// the average review rating. NPS = % promoters − % detractors (Reichheld 2003).
import type { TFunction } from 'i18next';
import { CompositeChart } from '@mantine/charts';
import { Box, Group, Progress, Rating, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import type { Outputs } from '../../lib/api-types';
import { formatNumber } from '../../lib/format';
import { formatPercent } from './money';
import { periodTick } from './periods';
import { BucketTitle, TooltipBox, TooltipRow } from './RevenueCharts';

type Satisfaction = Outputs['dashboard']['satisfaction'];

const COLORS = { promoters: 'teal.6', passives: 'gray.5', detractors: 'red.6', nps: 'violet.6', rating: 'yellow.6' } as const;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

export function satisfactionTakeaway(data: Satisfaction, t: TFunction, lang: 'en' | 'zh'): string | null {
  const s = data.totals;
  if (!s.responses || s.nps === null) return null;
  return t('dash.satisfaction.takeaway', {
    nps: signed(s.nps),
    n: formatNumber(s.responses, lang),
    promoters: formatPercent(s.promoters / s.responses, lang),
    detractors: formatPercent(s.detractors / s.responses, lang),
  });
}

export function SatisfactionChart({ data }: { data: Satisfaction }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const bucket = data.bucket;
  const byPeriod = new Map(data.points.map((p) => [p.period, p]));
  const rows = data.points.map((p) => ({ ...p, npsLine: p.nps }));
  return (
    <CompositeChart
      h={260}
      data={rows}
      dataKey="period"
      series={[
        { name: 'detractors', label: t('dash.satisfaction.detractors'), color: COLORS.detractors, type: 'bar' },
        { name: 'passives', label: t('dash.satisfaction.passives'), color: COLORS.passives, type: 'bar' },
        { name: 'promoters', label: t('dash.satisfaction.promoters'), color: COLORS.promoters, type: 'bar' },
        { name: 'npsLine', label: t('dash.satisfaction.nps'), color: COLORS.nps, type: 'line', yAxisId: 'right' },
      ]}
      barProps={(s) => (s.type === 'bar' ? { stackId: 'answers' } : {})}
      maxBarWidth={24}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 32, itemSorter: null }}
      withRightYAxis
      rightYAxisProps={{ domain: [-100, 100], ticks: [-100, -50, 0, 50, 100], width: 44 }}
      yAxisProps={{ allowDecimals: false, tickFormatter: (v: number) => formatNumber(v, lang), width: 44 }}
      xAxisProps={{ tickFormatter: (p: string) => periodTick(p, bucket, lang), minTickGap: 18 }}
      referenceLines={[{ y: 0, yAxisId: 'right', color: 'gray.5', strokeDasharray: '4 3' }]}
      connectNulls={false}
      curveType="monotone"
      dotProps={{ r: 2.5 }}
      gridAxis="y"
      tooltipProps={{
        content: ({ label }) => {
          const p = byPeriod.get(label as string);
          if (!p) return null;
          return (
            <TooltipBox>
              <BucketTitle period={p.period} bucket={bucket} />
              <Stack gap={3}>
                <TooltipRow color={COLORS.nps} label={t('dash.satisfaction.nps')} value={p.nps === null ? '—' : signed(p.nps)} />
                <TooltipRow color={COLORS.promoters} label={t('dash.satisfaction.promoters')} value={formatNumber(p.promoters, lang)} />
                <TooltipRow color={COLORS.passives} label={t('dash.satisfaction.passives')} value={formatNumber(p.passives, lang)} />
                <TooltipRow color={COLORS.detractors} label={t('dash.satisfaction.detractors')} value={formatNumber(p.detractors, lang)} />
                <TooltipRow color={COLORS.rating} label={t('dash.satisfaction.rating')} value={p.avgRating === null ? '—' : `${formatNumber(p.avgRating, lang, 1)} / 5`} />
              </Stack>
            </TooltipBox>
          );
        },
      }}
      data-testid="satisfaction-chart"
      aria-label={t('dash.satisfaction.title')}
    />
  );
}

export function SatisfactionSummary({ data }: { data: Satisfaction }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = data.totals;
  const pct = (n: number) => (s.responses ? (n / s.responses) * 100 : 0);
  return (
    <Stack gap="lg" data-testid="satisfaction-summary">
      <Box>
        <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
          {t('dash.satisfaction.nps')}
        </Text>
        <Text fz={34} fw={700} className="tabular" c={s.nps === null ? 'dimmed' : s.nps >= 0 ? 'teal' : 'red'} data-testid="nps-value">
          {s.nps === null ? '—' : signed(s.nps)}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('dash.satisfaction.responses', { n: formatNumber(s.responses, lang) })}
        </Text>
        {s.responses > 0 && (
          <Progress.Root size={14} mt={8}>
            {(['promoters', 'passives', 'detractors'] as const).map((k) => (
              <Tooltip key={k} label={`${t(`dash.satisfaction.${k}`)}: ${formatNumber(s[k], lang)} (${formatPercent(s[k] / s.responses, lang)})`} withArrow>
                <Progress.Section value={pct(s[k])} color={COLORS[k]} />
              </Tooltip>
            ))}
          </Progress.Root>
        )}
        {s.responses > 0 && (
          <Group gap="md" mt={6}>
            {(['promoters', 'passives', 'detractors'] as const).map((k) => (
              <Group key={k} gap={4} wrap="nowrap">
                <Box w={8} h={8} style={{ borderRadius: 2, background: `var(--mantine-color-${COLORS[k].replace('.', '-')})` }} />
                <Text fz="xs" c="dimmed">
                  {t(`dash.satisfaction.${k}`)} {formatPercent(s[k] / s.responses, lang)}
                </Text>
              </Group>
            ))}
          </Group>
        )}
      </Box>
      <Box>
        <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
          {t('dash.satisfaction.rating')}
        </Text>
        <Group gap="sm" align="center">
          <Text fz={34} fw={700} className="tabular" data-testid="rating-value">
            {s.avgRating === null ? '—' : formatNumber(s.avgRating, lang, 1)}
          </Text>
          {s.avgRating !== null && <Rating value={s.avgRating} fractions={10} readOnly size="sm" />}
        </Group>
        <Text fz="xs" c="dimmed">
          {t('dash.satisfaction.reviews', { n: formatNumber(s.reviews, lang) })}
        </Text>
      </Box>
    </Stack>
  );
}
