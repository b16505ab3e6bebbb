// The customer's sentiment at a glance: each message's and review's score over time (green above the
// zero line, red below, each point in its label's colour), how many read as each label, and the
// topics they are unhappy or happy about.
import { AreaChart } from '@mantine/charts';
import { Badge, Box, Center, Grid, Group, Loader, Paper, Progress, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DotItemDotProps } from 'recharts';
import { SENTIMENT_LABELS, type Aspect, type Polarity, type SentimentLabel } from '../../../../src-main/shared/sentiment';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { POLARITY_COLORS, SENTIMENT_COLORS, SentimentLabelBadge, formatScore } from '../../components/SentimentBadge';
import { useLanguage } from '../../hooks/useLanguage';
import type { Outputs } from '../../lib/api-types';
import { formatDate, formatDateTime, formatMonth, formatNumber, formatRelative } from '../../lib/format';
import { keys } from '../../lib/query-keys';

type CustomerSentiment = Outputs['sentiment']['customer'];
interface Point {
  at: number;
  score: number;
  label: SentimentLabel;
}

const DAY = 86_400_000;
const TICKS = 5;
const labelColor = (l: SentimentLabel) => `var(--mantine-color-${SENTIMENT_COLORS[l]}-6)`;

function PointTooltip({ point }: { point: Point | undefined }) {
  const lang = useLanguage();
  if (!point) return null;
  return (
    <Paper px="sm" py={6} shadow="md" radius="md">
      <Text fz="xs" c="dimmed" mb={4}>
        {formatDateTime(point.at, lang)}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <SentimentLabelBadge label={point.label} size="xs" />
        <Text fz="sm" fw={600} className="tabular">
          {formatScore(point.score, lang)}
        </Text>
      </Group>
    </Paper>
  );
}

/** Scores on a time axis, so a quiet year looks like one. */
function Trend({ points }: { points: CustomerSentiment['points'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const data: Point[] = points.map((p) => ({ at: p.at, score: p.score, label: p.label }));
  const first = data[0]?.at ?? 0;
  const last = data[data.length - 1]?.at ?? 0;
  // One message, or several on one day: widen the axis so the points are not on its edge.
  const pad = last - first < DAY ? DAY : 0;
  const [from, to] = [first - pad, last + pad];
  // Evenly spaced ticks named by month when the history is long, by day when it is short (and then
  // no more ticks than days, so no date shows twice).
  const count = Math.max(2, Math.min(TICKS, Math.round((to - from) / DAY) + 1));
  const ticks = Array.from({ length: count }, (_, i) => Math.round(from + ((to - from) * i) / (count - 1)));
  const tick = (v: number) => (to - from > 120 * DAY ? formatMonth(v, lang) : formatDate(v, lang));
  const dot = ({ cx, cy, index }: DotItemDotProps) => {
    const p = data[index];
    if (!p || cx == null || cy == null) return null;
    return <circle key={index} cx={cx} cy={cy} r={4} fill={labelColor(p.label)} stroke="var(--mantine-color-body)" strokeWidth={1.5} />;
  };
  return (
    <AreaChart
      h={190}
      data={data}
      dataKey="at"
      type="split"
      splitColors={['green.6', 'red.6']}
      series={[{ name: 'score', label: t('sentiment.chart.score'), color: 'gray.6' }]}
      curveType="linear"
      withDots={false}
      areaProps={{ dot, activeDot: { r: 6 } }}
      fillOpacity={0.2}
      strokeWidth={1.5}
      gridAxis="x"
      referenceLines={[{ y: 0, color: 'gray.6', strokeDasharray: '4 3' }]}
      yAxisProps={{ domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1], width: 44 }}
      valueFormatter={(v) => formatScore(v, lang)}
      xAxisProps={{
        type: 'number',
        scale: 'time',
        domain: [from, to],
        ticks,
        tickFormatter: tick,
      }}
      tooltipProps={{ content: ({ label }) => <PointTooltip point={data.find((d) => d.at === label)} /> }}
      aria-label={t('sentiment.customer.trendLabel')}
      data-testid="sentiment-trend-chart"
    />
  );
}

/** How many read as each label: one bar in proportion, with the numbers under it. */
function Counts({ counts }: { counts: CustomerSentiment['counts'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const total = SENTIMENT_LABELS.reduce((n, l) => n + counts[l], 0);
  return (
    <Stack gap={8}>
      <Progress.Root size={10} radius="xl">
        {SENTIMENT_LABELS.filter((l) => counts[l] > 0).map((l) => (
          <Tooltip key={l} label={t('sentiment.customer.countLabel', { label: t(`sentiment.labels.${l}`), count: counts[l] })}>
            <Progress.Section value={(counts[l] / total) * 100} color={SENTIMENT_COLORS[l]} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="md" wrap="wrap">
        {SENTIMENT_LABELS.map((l) => (
          <Group key={l} gap={5} wrap="nowrap" data-testid={`sentiment-count-${l}`}>
            <Box w={8} h={8} style={{ borderRadius: 8, background: labelColor(l) }} />
            <Text fz="xs" c="dimmed">
              {t(`sentiment.labels.${l}`)}
            </Text>
            <Text fz="xs" fw={600} className="tabular">
              {formatNumber(counts[l], lang)}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** "Mostly unhappy about  Delivery 3  Quality 1". */
function Topics({ title, items, polarity, testId }: { title: string; items: { aspect: Aspect; count: number }[]; polarity: Polarity; testId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fz="xs" fw={600} c="dimmed">
        {title}
      </Text>
      <Group gap={6} wrap="wrap">
        {items.map((a) => (
          <Badge
            key={a.aspect}
            variant="light"
            color={POLARITY_COLORS[polarity]}
            radius="sm"
            size="md"
            data-aspect={a.aspect}
            rightSection={
              <Text span fz="xs" fw={700} className="tabular">
                {formatNumber(a.count, lang)}
              </Text>
            }
          >
            {t(`sentiment.aspects.${a.aspect}`)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" py={4} data-testid="sentiment-empty">
      <ThemeIcon variant="light" color="gray" size={36} radius="xl">
        <IconMoodEmpty size={20} stroke={1.6} />
      </ThemeIcon>
      <div>
        <Text fw={600} fz="sm">
          {t('sentiment.customer.emptyTitle')}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('sentiment.customer.emptyBody')}
        </Text>
      </div>
    </Group>
  );
}

function Summary({ d }: { d: CustomerSentiment }) {
  const { t } = useTranslation();
  const unhappy = d.aspects.filter((a) => a.negative > 0).sort((a, b) => b.negative - a.negative).slice(0, 3);
  const happy = d.aspects.filter((a) => a.positive > 0).sort((a, b) => b.positive - a.positive).slice(0, 3);
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Trend points={d.points} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Counts counts={d.counts} />
          {unhappy.length > 0 ? (
            <Topics title={t('sentiment.customer.unhappyAbout')} items={unhappy.map((a) => ({ aspect: a.aspect, count: a.negative }))} polarity="negative" testId="sentiment-unhappy" />
          ) : (
            <Text fz="xs" c="dimmed">
              {t('sentiment.customer.nothingNegative')}
            </Text>
          )}
          {happy.length > 0 && (
            <Topics title={t('sentiment.customer.happyAbout')} items={happy.map((a) => ({ aspect: a.aspect, count: a.positive }))} polarity="positive" testId="sentiment-happy" />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export function SentimentTrend({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({ queryKey: keys.sentimentCustomer(customerId), queryFn: () => api.sentiment.customer.query({ customerId }) });
  const d = q.data;
  return (
    <Paper p="md" radius="md" component="section" aria-label={t('sentiment.customer.title')} data-testid="sentiment-card">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" align="baseline">
          <Title order={3} fz="md">
            {t('sentiment.customer.title')}
          </Title>
          {d && d.points.length > 0 && (
            <Text fz="xs" c="dimmed">
              {t('sentiment.customer.analysed', { count: d.points.length })}
            </Text>
          )}
        </Group>
        {d?.latest && (
          <Group gap={6} wrap="nowrap" data-testid="sentiment-latest">
            <Text fz="xs" c="dimmed" title={formatDateTime(d.latest.at, lang)}>
              {t('sentiment.customer.latest', { when: formatRelative(d.latest.at, lang) })}
            </Text>
            <SentimentLabelBadge label={d.latest.label} size="xs" />
          </Group>
        )}
      </Group>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !d ? (
        <Center h={80}>
          <Loader size="sm" />
        </Center>
      ) : d.points.length === 0 ? (
        <Empty />
      ) : (
        <Summary d={d} />
      )}
    </Paper>
  );
}
