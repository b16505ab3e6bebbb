// Customer value on the dashboard: the expected value of every customer over the chosen horizon
// (discounted, CLV), the orders expected in it, and the value per RFM segment as bars.
import { BarChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NO_ORDERS } from '../../../../src-main/shared/segments';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Language } from '../../i18n';
import type { Outputs } from '../../lib/api-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { SEGMENT_COLORS, segmentName } from '../segments/rules';
import { segmentsOverviewKey } from '../segments/SegmentsPage';
import { formatCompactMoney, formatPercent } from './money';
import { TooltipBox, TooltipRow } from './RevenueCharts';
import { Private } from '../../hooks/usePrivacyMode';

type Overview = Outputs['predictions']['overview'];

/** "Over the next 12 months, discounted at 10% a year." from the run's own settings. */
export function valueCaption(run: NonNullable<Overview['run']>, t: TFunction, lang: Language): string {
  return t('predictDashboard.value.caption', { count: run.horizonMonths, rate: formatPercent(run.discountRate, lang, 1) });
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} className="tabular" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function ValueCardBody({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  // The person's own segment names, as the segments page shows them.
  const segments = useQuery({ queryKey: segmentsOverviewKey, queryFn: () => api.segments.overview.query({}) });
  const customNames = new Map((segments.data?.segments ?? []).map((s) => [s.code, s.customName]));
  const rows = data.bySegment
    .filter((s) => s.segment !== NO_ORDERS && s.clvCents > 0)
    .map((s) => ({ ...s, name: segmentName(s.segment, t, customNames.get(s.segment)), color: `${SEGMENT_COLORS[s.segment]}.6` }));
  const byName = new Map(rows.map((r) => [r.name, r]));
  return (
    <Stack gap="md">
      <SimpleGrid cols={3} spacing="sm">
        <Stat label={t('predictDashboard.value.total')} value={formatMoney(data.totals.clvCents, lang, shopCurrency)} testId="value-total" />
        <Stat label={t('predictDashboard.value.orders')} value={formatNumber(data.totals.expectedPurchases, lang)} />
        <Stat label={t('predictDashboard.value.customers')} value={formatNumber(data.totals.customers, lang)} />
      </SimpleGrid>
      {data.run && (
        <Text fz="xs" c="dimmed" data-testid="value-caption">
          {valueCaption(data.run, t, lang)}
        </Text>
      )}
      <div>
        <Text fz="sm" fw={600} mb={6}>
          {t('predictDashboard.value.bySegment')}
        </Text>
        {rows.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('predictDashboard.value.noSegments')}
          </Text>
        ) : (
          <BarChart
            h={Math.max(140, rows.length * 30 + 30)}
            data={rows}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'clvCents', label: t('predictDashboard.value.clv'), color: 'blue.6' }]}
            gridAxis="none"
            maxBarWidth={18}
            yAxisProps={{ width: 112, interval: 0 }}
            xAxisProps={{ tickFormatter: (v: number) => formatCompactMoney(v, lang, shopCurrency) }}
            tooltipProps={{
              content: ({ label }) => {
                const r = byName.get(label as string);
                if (!r) return null;
                return (
                  <TooltipBox>
                    <Text fz="sm" fw={600} mb={6}>
                      <Private kind="name" value={r.name} />
                    </Text>
                    <TooltipRow color={r.color} label={t('predictDashboard.value.clv')} value={formatMoney(r.clvCents, lang, shopCurrency)} />
                    <Group mt={4}>
                      <Text fz="xs" c="dimmed">
                        {t('predictDashboard.value.segmentTooltip', { customers: formatNumber(r.customers, lang), risk: formatPercent(r.avgChurnRisk, lang) })}
                      </Text>
                    </Group>
                  </TooltipBox>
                );
              },
            }}
            data-testid="value-by-segment"
            aria-label={t('predictDashboard.value.bySegment')}
          />
        )}
      </div>
    </Stack>
  );
}
