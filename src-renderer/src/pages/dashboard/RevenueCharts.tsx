// Revenue and orders by week or month with the same bucket a year earlier as a lighter dashed line,
// and orders from new against returning customers as stacked bars. Every chart has a tooltip naming the bucket
// and the exact figures; the titles carry the takeaway.
import type { TFunction } from 'i18next';
import { BarChart, CompositeChart } from '@mantine/charts';
import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Outputs } from '../../lib/api-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { formatCompactMoney, formatPercent } from './money';
import { periodTick, periodTitle, type Bucket } from './periods';
import { change } from './range';

type Revenue = Outputs['dashboard']['revenue'];
type Point = Revenue['points'][number];

export const CURRENT_COLOR = 'teal.6';
export const PREVIOUS_COLOR = 'gray.5';
export const NEW_COLOR = 'cyan.5';
export const RETURNING_COLOR = 'indigo.6';

export function BucketTitle({ period, bucket }: { period: string; bucket: Bucket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = periodTitle(period, bucket, lang);
  return (
    <Text fz="sm" fw={600} mb={6}>
      {bucket === 'week' ? t('dash.weekOf', { date: title }) : title}
    </Text>
  );
}

export function TooltipRow({ color, label, value, dashed }: { color: string; label: string; value: string; dashed?: boolean }) {
  const [name, shade] = color.split('.');
  return (
    <Group justify="space-between" gap="lg" wrap="nowrap">
      <Group gap={6} wrap="nowrap">
        <Box w={12} h={dashed ? 0 : 10} style={{ borderRadius: 2, background: dashed ? undefined : `var(--mantine-color-${name}-${shade})`, borderTop: dashed ? `2px dashed var(--mantine-color-${name}-${shade})` : undefined }} />
        <Text fz="xs">{label}</Text>
      </Group>
      <Text fz="xs" fw={600} className="tabular">
        {value}
      </Text>
    </Group>
  );
}

export function TooltipBox({ children }: { children: React.ReactNode }) {
  return (
    <Paper px="sm" py={8} shadow="md" radius="md" miw={200} withBorder>
      {children}
    </Paper>
  );
}

function ChangeLine({ current, previous }: { current: number; previous: number }) {
  const lang = useLanguage();
  const c = change(current, previous);
  if (c === null) return null;
  return (
    <Text fz="xs" c={c >= 0 ? 'teal' : 'red'} fw={600} mt={4} className="tabular">
      {c >= 0 ? '+' : '−'}
      {formatPercent(Math.abs(c), lang)}
    </Text>
  );
}

/** The tooltip of a chart of this period against a year earlier: the bucket, both figures, the change. */
function againstLastYear(points: readonly Point[], bucket: Bucket, rows: { color: string; label: string; pick: (p: Point) => number; dashed?: boolean }[], format: (n: number) => string) {
  const byPeriod = new Map(points.map((r) => [r.period, r]));
  return {
    content: ({ label }: { label?: unknown }) => {
      const r = byPeriod.get(label as string);
      if (!r) return null;
      return (
        <TooltipBox>
          <BucketTitle period={r.period} bucket={bucket} />
          <Stack gap={3}>
            {rows.map((row) => (
              <TooltipRow key={row.label} color={row.color} dashed={row.dashed} label={row.label} value={format(row.pick(r))} />
            ))}
          </Stack>
          <ChangeLine current={rows[0].pick(r)} previous={rows[1].pick(r)} />
        </TooltipBox>
      );
    },
  };
}

/** Revenue up/down x% on the same period last year, or null with nothing to compare. */
export function revenueTakeaway(data: Revenue, t: TFunction, lang: 'en' | 'zh'): string {
  const prev = data.totals.prevRevenueCents;
  const c = change(data.totals.revenueCents, prev);
  if (c === null) return t('dash.revenue.noPrevious');
  if (Math.abs(c) < 0.01) return t('dash.revenue.flat');
  return t(c > 0 ? 'dash.revenue.up' : 'dash.revenue.down', { pct: formatPercent(Math.abs(c), lang) });
}

const xAxis = (bucket: Bucket, lang: 'en' | 'zh') => ({ tickFormatter: (p: string) => periodTick(p, bucket, lang), minTickGap: 18 });

export function RevenueChart({ data }: { data: Revenue }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const bucket = data.bucket;
  const rows = data.points;
  return (
    <CompositeChart
      h={470}
      data={rows}
      dataKey="period"
      series={[
        { name: 'revenueCents', label: t('dash.revenue.current'), color: CURRENT_COLOR, type: 'area' },
        { name: 'prevRevenueCents', label: t('dash.revenue.previous'), color: PREVIOUS_COLOR, type: 'line', strokeDasharray: '6 4' },
      ]}
      curveType="monotone"
      withDots={false}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 32, itemSorter: null }}
      yAxisProps={{ tickFormatter: (v: number) => formatCompactMoney(v, lang, shopCurrency), width: 64 }}
      xAxisProps={xAxis(bucket, lang)}
      gridAxis="y"
      areaProps={{ fillOpacity: 0.25 }}
      tooltipProps={againstLastYear(
        rows,
        bucket,
        [
          { color: CURRENT_COLOR, label: t('dash.revenue.current'), pick: (r) => r.revenueCents },
          { color: PREVIOUS_COLOR, dashed: true, label: t('dash.revenue.previous'), pick: (r) => r.prevRevenueCents },
        ],
        (n) => formatMoney(n, lang, shopCurrency),
      )}
      data-testid="revenue-chart"
      aria-label={t('dash.revenue.title')}
    />
  );
}

export function OrdersChart({ data }: { data: Revenue }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const bucket = data.bucket;
  return (
    <CompositeChart
      h={240}
      data={data.points}
      dataKey="period"
      series={[
        { name: 'orders', label: t('dash.orders.current'), color: 'blue.6', type: 'bar' },
        { name: 'prevOrders', label: t('dash.orders.previous'), color: PREVIOUS_COLOR, type: 'line', strokeDasharray: '6 4' },
      ]}
      maxBarWidth={24}
      withDots={false}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 32, itemSorter: null }}
      yAxisProps={{ allowDecimals: false, tickFormatter: (v: number) => formatNumber(v, lang), width: 52 }}
      xAxisProps={xAxis(bucket, lang)}
      gridAxis="y"
      tooltipProps={againstLastYear(
        data.points,
        bucket,
        [
          { color: 'blue.6', label: t('dash.orders.current'), pick: (r) => r.orders },
          { color: PREVIOUS_COLOR, dashed: true, label: t('dash.orders.previous'), pick: (r) => r.prevOrders },
        ],
        (n) => formatNumber(n, lang),
      )}
      data-testid="orders-chart"
      aria-label={t('dash.orders.title')}
    />
  );
}

export function NewReturningChart({ data }: { data: Revenue }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const bucket = data.bucket;
  const byPeriod = new Map(data.points.map((r) => [r.period, r]));
  return (
    <BarChart
      h={240}
      data={data.points}
      dataKey="period"
      type="stacked"
      series={[
        { name: 'returningOrders', label: t('dash.newReturning.returning'), color: RETURNING_COLOR },
        { name: 'newCustomers', label: t('dash.newReturning.new'), color: NEW_COLOR },
      ]}
      maxBarWidth={24}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 32, itemSorter: null }}
      yAxisProps={{ allowDecimals: false, tickFormatter: (v: number) => formatNumber(v, lang), width: 52 }}
      xAxisProps={xAxis(bucket, lang)}
      gridAxis="y"
      tooltipProps={{
        content: ({ label }) => {
          const r = byPeriod.get(label as string);
          if (!r) return null;
          const all = r.newCustomers + r.returningOrders;
          return (
            <TooltipBox>
              <BucketTitle period={r.period} bucket={bucket} />
              <Stack gap={3}>
                <TooltipRow color={NEW_COLOR} label={t('dash.newReturning.new')} value={formatNumber(r.newCustomers, lang)} />
                <TooltipRow color={RETURNING_COLOR} label={t('dash.newReturning.returning')} value={formatNumber(r.returningOrders, lang)} />
              </Stack>
              {all > 0 && (
                <Text fz="xs" c="dimmed" mt={4}>
                  {t('dash.newReturning.takeaway', { pct: formatPercent(r.newCustomers / all, lang) })}
                </Text>
              )}
            </TooltipBox>
          );
        },
      }}
      data-testid="new-returning-chart"
      aria-label={t('dash.newReturning.title')}
    />
  );
}
