import { Anchor, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLanguage } from '../../hooks/useLanguage';
import type { CustomerDetail } from '../../lib/api-types';
import { formatDate, formatMoney, formatMonth, formatNumber, formatRelative } from '../../lib/format';
import { CustomerSegment } from './CustomerSegment';

function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Paper p="md" radius="md" data-testid={testId} role="group" aria-label={label}>
      <Text fz="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text fz={22} fw={650} mt={4} className="tabular" lh={1.25} truncate>
        {value}
      </Text>
      <Text fz="xs" c="dimmed" mt={2} h={18} truncate>
        {hint}
      </Text>
    </Paper>
  );
}

/** Orders left out of the total for want of a rate: said under it, with the way to a rate. */
function NotCounted({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  if (!customer.unconverted.length) return null;
  const currencies = customer.unconverted.map((u) => u.currency).join(', ');
  return (
    <Tooltip label={t('money.notCountedWhy', { currencies, currency: customer.currency })} multiline w={280} withArrow>
      <Anchor component={Link} href="/settings" fz="xs" c="orange" data-testid="metric-not-counted">
        {t('money.notCounted', { count: customer.unconvertedOrders, currencies })}
      </Anchor>
    </Tooltip>
  );
}

/** Spend, orders and dates at a glance; later capabilities add segment, churn risk, CLV and sentiment here. */
export function MetricsRow({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const none = t('common.none');
  return (
    <SimpleGrid cols={{ base: 4, lg: 7 }} spacing="sm" aria-label={t('customer.metrics.label')} component="section">
      <CustomerSegment customerId={customer.id} />
      <Stat
        label={t('customer.metrics.totalSpent')}
        value={formatMoney(customer.totalSpentCents, lang, customer.currency)}
        hint={<NotCounted customer={customer} />}
        testId="metric-total-spent"
      />
      <Stat label={t('customer.metrics.orders')} value={formatNumber(customer.orderCount, lang)} testId="metric-orders" />
      <Stat label={t('customer.metrics.averageOrder')} value={customer.orderCount > customer.unconvertedOrders ? formatMoney(customer.averageOrderCents, lang, customer.currency) : none} />
      <Stat
        label={t('customer.metrics.lastPurchase')}
        value={customer.lastOrderAt ? formatRelative(customer.lastOrderAt, lang) : t('common.never')}
        hint={customer.lastOrderAt ? formatDate(customer.lastOrderAt, lang) : undefined}
      />
      <Stat
        label={t('customer.metrics.firstPurchase')}
        value={customer.firstOrderAt ? formatMonth(customer.firstOrderAt, lang) : none}
        hint={customer.firstOrderAt ? `${formatDate(customer.firstOrderAt, lang)} · ${formatRelative(customer.firstOrderAt, lang)}` : undefined}
      />
      <Stat label={t('customer.metrics.openTasks')} value={formatNumber(customer.openTasks, lang)} testId="metric-open-tasks" />
    </SimpleGrid>
  );
}
