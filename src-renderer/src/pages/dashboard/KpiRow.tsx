// The period at a glance: revenue, orders, new customers and average order value, each against the
// period of the same length just before it.
import { Badge, Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Outputs } from '../../lib/api-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { formatPercent } from './money';
import { change, rangeDays, type Range } from './range';

type Revenue = Outputs['dashboard']['revenue'];

function Kpi({ label, value, current, previous, days, testId, format }: { label: string; value: string; current: number; previous: number; days: number; testId: string; format: (n: number) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const c = change(current, previous);
  const up = c !== null && c >= 0;
  return (
    <Paper p="md" radius="md" data-testid={testId}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: lang === 'zh' ? 0 : 0.4 }}>
        {label}
      </Text>
      <Text fz={26} fw={700} mt={4} className="tabular" data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Group gap={6} mt={4} wrap="nowrap">
        {c === null ? (
          <Text fz="xs" c="dimmed">
            {t('dash.kpi.noBefore', { days })}
          </Text>
        ) : (
          <>
            <Tooltip label={`${format(previous)} → ${format(current)}`} withArrow>
              <Badge variant="light" color={up ? 'teal' : 'red'} size="sm" leftSection={up ? <IconArrowUpRight size={12} /> : <IconArrowDownRight size={12} />} className="tabular">
                {formatPercent(Math.abs(c), lang, Math.abs(c) < 0.1 ? 1 : 0)}
              </Badge>
            </Tooltip>
            <Text fz="xs" c="dimmed">
              {t('dash.kpi.vsBefore', { days })}
            </Text>
          </>
        )}
      </Group>
    </Paper>
  );
}

export function KpiRow({ data, range }: { data: Revenue; range: Range }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const money = (c: number) => formatMoney(c, lang, shopCurrency);
  const count = (n: number) => formatNumber(n, lang);
  const days = rangeDays(range);
  const cur = data.totals;
  const prev = data.before;
  const aov = (r: { revenueCents: number; orders: number }) => (r.orders ? Math.round(r.revenueCents / r.orders) : 0);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="dashboard-kpis">
      <Kpi label={t('dash.kpi.revenue')} value={money(cur.revenueCents)} current={cur.revenueCents} previous={prev.revenueCents} days={days} testId="kpi-revenue" format={money} />
      <Kpi label={t('dash.kpi.orders')} value={count(cur.orders)} current={cur.orders} previous={prev.orders} days={days} testId="kpi-orders" format={count} />
      <Kpi label={t('dash.kpi.newCustomers')} value={count(cur.newCustomers)} current={cur.newCustomers} previous={prev.newCustomers} days={days} testId="kpi-new-customers" format={count} />
      <Kpi label={t('dash.kpi.aov')} value={money(aov(cur))} current={aov(cur)} previous={aov(prev)} days={days} testId="kpi-aov" format={money} />
    </SimpleGrid>
  );
}
