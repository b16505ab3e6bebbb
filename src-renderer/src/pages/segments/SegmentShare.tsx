// Each segment's share of customers beside its share of revenue: where the money comes from at a
// glance (Champions: a fifth of the people, half the revenue).
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import { formatShare, segmentName } from './rules';
import type { SegmentRow } from './types';

const ROW_HEIGHT = 34;

export function SegmentShare({ segments, totalCustomers }: { segments: readonly SegmentRow[]; totalCustomers: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const data = segments
    .filter((s) => s.customers > 0)
    .map((s) => ({
      name: segmentName(s.code, t, s.customName),
      customers: totalCustomers > 0 ? s.customers / totalCustomers : 0,
      revenue: s.revenueShare,
    }));
  return (
    <BarChart
      data-testid="segment-share-chart"
      h={data.length * ROW_HEIGHT + 70}
      data={data}
      dataKey="name"
      orientation="vertical"
      series={[
        { name: 'customers', label: t('segments.share.customers'), color: 'blue.5' },
        { name: 'revenue', label: t('segments.share.revenue'), color: 'teal.6' },
      ]}
      valueFormatter={(v) => formatShare(v, lang)}
      yAxisProps={{ width: lang === 'zh' ? 76 : 118, interval: 0 }}
      xAxisProps={{ domain: [0, 'auto'] }}
      gridAxis="y"
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 32 }}
      maxBarWidth={12}
      barProps={{ radius: 2 }}
    />
  );
}
