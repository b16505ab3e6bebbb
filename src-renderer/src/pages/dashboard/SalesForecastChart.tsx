// The sales forecast: paid revenue of the complete periods as a solid line, the forecast as a
// dashed line carrying on from it, its 80% and 95% ranges as shaded bands (the 80% one darker),
// and what the open period has taken so far as a dot beside its forecast. Day, week or month.
import { Box, Center, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FORECAST_PERIODS, type ForecastPeriod } from '../../../../src-main/shared/predictions';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Language } from '../../i18n';
import type { Outputs } from '../../lib/api-types';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { DashCard } from './DashCard';
import { formatCompactMoney } from './money';
import { periodTick, periodTitle } from './periods';
import { TooltipBox, TooltipRow } from './RevenueCharts';

type ForecastView = Outputs['predictions']['forecast'];
type SalesForecast = NonNullable<ForecastView['forecast']>;

export const forecastQuery = (period: ForecastPeriod) => ({
  queryKey: [...keys.predictionsAll, 'forecast', period] as const,
  queryFn: () => api.predictions.forecast.query({ period }),
});

export const HISTORY_COLOR = 'teal.6';
export const FORECAST_COLOR = 'indigo.6';
const BAND_95 = 0.14;
const BAND_80 = 0.26;
const cssColor = (c: string) => `var(--mantine-color-${c.replace('.', '-')})`;

interface Row {
  date: string;
  actual?: number;
  soFar?: number;
  mean?: number;
  band80?: [number, number];
  band95?: [number, number];
  /** A forecast period (not the joint where the dashed line leaves the solid one). */
  ahead?: boolean;
}

/** One row per period: history, then the forecast, the last actual period joining the two. */
export function forecastRows(f: SalesForecast): Row[] {
  const rows: Row[] = f.history.map((h) => ({ date: h.date, actual: h.value }));
  const last = rows[rows.length - 1];
  if (last && f.forecast.length) Object.assign(last, { mean: last.actual, band80: [last.actual, last.actual], band95: [last.actual, last.actual] });
  for (const p of f.forecast) {
    rows.push({ date: p.date, mean: p.mean, band80: [p.lower80, p.upper80], band95: [p.lower95, p.upper95], ahead: true, soFar: f.current?.date === p.date ? f.current.soFar : undefined });
  }
  if (f.current && !rows.some((r) => r.date === f.current!.date)) rows.push({ date: f.current.date, soFar: f.current.soFar });
  return rows;
}

/**
 * The core names the model in English ("ETS(A,N,A) on √y + yearly profile", see
 * core/predict/forecast/forecast.ts); the ETS code stays, its transform and yearly profile are put
 * in the UI's language.
 */
export function modelName(model: string, t: TFunction): string {
  const m = /^(ETS\([^)]*\))( on log\(1\+y\)| on √y)?( \+ yearly profile)?$/.exec(model);
  if (!m) return model;
  const parts = [m[2] ? t(m[2].includes('log') ? 'predictDashboard.forecast.model.log' : 'predictDashboard.forecast.model.sqrt') : null, m[3] ? t('predictDashboard.forecast.model.yearly') : null].filter(Boolean);
  return parts.length ? `${m[1]} ${t('predictDashboard.forecast.model.with', { what: parts.join(t('predictDashboard.forecast.model.join')) })}` : m[1];
}

const tick = (date: string, period: ForecastPeriod, lang: Language) => periodTick(date, period === 'month' ? 'month' : 'week', lang);

function periodName(date: string, period: ForecastPeriod, t: TFunction, lang: Language): string {
  if (period === 'day') return formatDate(dayjs(date).valueOf(), lang);
  if (period === 'week') return t('predictDashboard.forecast.weekOf', { date: periodTitle(date, 'week', lang) });
  return periodTitle(date, 'month', lang);
}

/** "Next month: about ¥1.2M (likely ¥0.9M – ¥1.5M)", or the open period's forecast against its takings so far. */
export function forecastTakeaway(f: SalesForecast, t: TFunction, lang: Language, currency: string): string | null {
  const next = f.forecast[0];
  if (!next) return null;
  const money = (c: number) => formatCompactMoney(c, lang, currency);
  const period = t(`predictDashboard.forecast.unit.${f.period}`);
  if (f.current?.date === next.date) return t('predictDashboard.forecast.nextSoFar', { period, mean: money(next.mean), soFar: money(f.current.soFar) });
  return t('predictDashboard.forecast.next', { period, mean: money(next.mean), low: money(next.lower80), high: money(next.upper80) });
}

function ForecastTooltip({ row, period }: { row: Row | undefined; period: ForecastPeriod }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  if (!row) return null;
  const full = (c: number) => formatMoney(c, lang, shopCurrency);
  const short = (c: number) => formatCompactMoney(c, lang, shopCurrency);
  const range = (b: [number, number]) => `${short(b[0])} – ${short(b[1])}`;
  return (
    <TooltipBox>
      <Text fz="sm" fw={600} mb={6}>
        {periodName(row.date, period, t, lang)}
      </Text>
      <Stack gap={3}>
        {row.actual !== undefined && <TooltipRow color={HISTORY_COLOR} label={t('predictDashboard.forecast.history')} value={full(row.actual)} />}
        {row.soFar !== undefined && <TooltipRow color={HISTORY_COLOR} label={t('predictDashboard.forecast.soFar')} value={full(row.soFar)} />}
        {row.ahead && row.mean !== undefined && <TooltipRow color={FORECAST_COLOR} dashed label={t('predictDashboard.forecast.forecast')} value={short(row.mean)} />}
        {row.ahead && row.band80 && <TooltipRow color="indigo.4" label={t('predictDashboard.forecast.range80')} value={range(row.band80)} />}
        {row.ahead && row.band95 && <TooltipRow color="indigo.2" label={t('predictDashboard.forecast.range95')} value={range(row.band95)} />}
      </Stack>
    </TooltipBox>
  );
}

function Swatch({ kind, color, label, opacity = 1 }: { kind: 'line' | 'dashed' | 'band' | 'dot'; color: string; label: string; opacity?: number }) {
  const c = cssColor(color);
  const style =
    kind === 'band'
      ? { width: 14, height: 10, borderRadius: 2, background: c, opacity }
      : kind === 'dot'
        ? { width: 9, height: 9, borderRadius: '50%', background: c, border: '2px solid var(--mantine-color-body)', boxShadow: `0 0 0 1px ${c}` }
        : { width: 16, height: 0, borderTop: `2px ${kind === 'dashed' ? 'dashed' : 'solid'} ${c}` };
  return (
    <Group gap={6} wrap="nowrap">
      <Box style={{ flex: 'none', ...style }} />
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

export function ForecastPlot({ forecast, asOf }: { forecast: SalesForecast; asOf: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const rows = forecastRows(forecast);
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const period = forecast.period;
  const firstAhead = forecast.forecast[0]?.date;
  const axis = { fill: 'var(--mantine-color-dimmed)', fontSize: 12 };
  return (
    <Stack gap="xs">
      <Box h={340} data-testid="forecast-chart" role="img" aria-label={t('predictDashboard.forecast.title')}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--mantine-color-default-border)" strokeDasharray="3 3" />
            <XAxis dataKey="date" tick={axis} tickLine={false} axisLine={false} minTickGap={24} tickFormatter={(d: string) => tick(d, period, lang)} />
            <YAxis tick={axis} tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => formatCompactMoney(v, lang, shopCurrency)} />
            <Tooltip
              cursor={{ stroke: 'var(--mantine-color-default-border)' }}
              content={({ label }) => <ForecastTooltip row={byDate.get(label as string)} period={period} />}
              isAnimationActive={false}
            />
            {firstAhead && <ReferenceLine x={firstAhead} stroke="var(--mantine-color-default-border)" strokeDasharray="2 4" />}
            <Area dataKey="band95" className="forecast-band-95" stroke="none" fill={cssColor(FORECAST_COLOR)} fillOpacity={BAND_95} isAnimationActive={false} activeDot={false} connectNulls={false} />
            <Area dataKey="band80" className="forecast-band-80" stroke="none" fill={cssColor(FORECAST_COLOR)} fillOpacity={BAND_80} isAnimationActive={false} activeDot={false} connectNulls={false} />
            <Line dataKey="actual" stroke={cssColor(HISTORY_COLOR)} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="mean" stroke={cssColor(FORECAST_COLOR)} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="soFar" stroke="none" dot={{ r: 4.5, fill: cssColor(HISTORY_COLOR), stroke: 'var(--mantine-color-body)', strokeWidth: 2 }} isAnimationActive={false} legendType="none" />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
      <Group gap="md" wrap="wrap">
        <Swatch kind="line" color={HISTORY_COLOR} label={t('predictDashboard.forecast.history')} />
        <Swatch kind="dashed" color={FORECAST_COLOR} label={t('predictDashboard.forecast.forecast')} />
        {/* The 80% band lies over the 95% one, so it shows both opacities stacked. */}
        <Swatch kind="band" color={FORECAST_COLOR} opacity={1 - (1 - BAND_95) * (1 - BAND_80)} label={t('predictDashboard.forecast.range80')} />
        <Swatch kind="band" color={FORECAST_COLOR} opacity={BAND_95} label={t('predictDashboard.forecast.range95')} />
        {forecast.current && <Swatch kind="dot" color={HISTORY_COLOR} label={t('predictDashboard.forecast.soFar')} />}
      </Group>
      {forecast.model && (
        <Text fz="xs" c="dimmed" data-testid="forecast-caption">
          {t('predictDashboard.forecast.caption', { model: modelName(forecast.model, t), date: asOf ? formatDate(dayjs(asOf).valueOf(), lang) : '' })}
          {' · '}
          {t(`predictDashboard.forecast.restsOn_${period}`, { count: forecast.fittedOn, n: formatNumber(forecast.fittedOn, lang) })}
        </Text>
      )}
      {forecast.model && !forecast.converged && (
        <Text fz="xs" c="orange">
          {t('predictDashboard.forecast.notConverged')}
        </Text>
      )}
    </Stack>
  );
}

/** The forecast card with its Day / Week / Month switch; each period loads on its own. */
export function SalesForecastCard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const [period, setPeriod] = useState<ForecastPeriod>('week');
  // Keeps the last chart on screen while another period loads.
  const q = useQuery({ ...forecastQuery(period), placeholderData: (prev) => prev });
  const f = q.data?.forecast ?? null;
  const unit = t(`predictDashboard.forecast.unit.${period}`);
  return (
    <DashCard
      title={t('predictDashboard.forecast.title')}
      takeaway={f ? forecastTakeaway(f, t, lang, shopCurrency) : null}
      hint={t('predictDashboard.forecast.hint', { period: unit })}
      testId="predictions-forecast"
      right={
        <SegmentedControl
          size="xs"
          aria-label={t('predictDashboard.forecast.periodLabel')}
          value={period}
          onChange={(v) => setPeriod(v as ForecastPeriod)}
          data={FORECAST_PERIODS.map((p) => ({ value: p, label: t(`predictDashboard.forecast.${p}`) }))}
          data-testid="forecast-period"
        />
      }
    >
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !q.data ? (
        <Center h={340}>
          <Loader size="sm" />
        </Center>
      ) : !f ? (
        <Text fz="sm" c="dimmed">
          {t('predictDashboard.forecast.none')}
        </Text>
      ) : f.reason === 'too_short' || !f.forecast.length ? (
        <Text fz="sm" c="dimmed" data-testid="forecast-too-short">
          {t(`predictDashboard.forecast.tooShort.${f.period}`)}
        </Text>
      ) : (
        <ForecastPlot forecast={f} asOf={q.data.asOf} />
      )}
    </DashCard>
  );
}
