// The business side of the dashboard for one period: the KPI row, revenue and orders against a year
// earlier, new and returning customers, the customer mix, best sellers and categories, customers
// needing attention and satisfaction. Each card loads on its own, so a slow one holds up nothing.
import { Anchor, Center, Grid, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Filter } from '../../../../src-main/shared/filters';
import { ATTENTION_SEGMENTS } from '../../../../src-main/shared/segments';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { currencyName, formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { customersHref } from '../segments/links';
import { segmentsOverviewKey } from '../segments/SegmentsPage';
import { AttentionList } from './Attention';
import { Categories, TopProducts, productsTakeaway } from './BestSellers';
import { DashCard } from './DashCard';
import { KpiRow } from './KpiRow';
import type { Bucket } from './periods';
import type { Range } from './range';
import { NewReturningChart, OrdersChart, RevenueChart, revenueTakeaway } from './RevenueCharts';
import { SatisfactionChart, SatisfactionSummary, satisfactionTakeaway } from './Satisfaction';
import { SegmentMix } from './SegmentMix';
import { formatPercent } from './money';

const ATTENTION_FILTER: Filter = { match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: [...ATTENTION_SEGMENTS] }] };
const dashKey = (...parts: unknown[]) => [...keys.dashboardAll, ...parts] as const;

function Loading({ h = 240 }: { h?: number }) {
  return (
    <Center h={h}>
      <Loader size="sm" />
    </Center>
  );
}

function Body<T>({ q, h, children }: { q: { data?: T; error: unknown; refetch: () => unknown }; h?: number; children: (data: T) => ReactNode }) {
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (q.data === undefined) return <Loading h={h} />;
  return <>{children(q.data)}</>;
}

export function BusinessSection({ range, bucket }: { range: Range; bucket: Bucket }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const input = { bucket, from: range.from, to: range.to };
  const revenue = useQuery({ queryKey: dashKey('revenue', input), queryFn: () => api.dashboard.revenue.query(input), placeholderData: keepPreviousData });
  const products = useQuery({ queryKey: dashKey('products', range), queryFn: () => api.dashboard.products.query({ ...range, limit: 8 }), placeholderData: keepPreviousData });
  const attention = useQuery({ queryKey: dashKey('attention'), queryFn: () => api.dashboard.attention.query({ limit: 8 }) });
  const satisfaction = useQuery({ queryKey: dashKey('satisfaction', input), queryFn: () => api.dashboard.satisfaction.query(input), placeholderData: keepPreviousData });
  const segments = useQuery({ queryKey: segmentsOverviewKey, queryFn: () => api.segments.overview.query({}) });
  const customNames = Object.fromEntries((segments.data?.segments ?? []).map((s) => [s.code, s.customName]));
  const r = revenue.data;
  // Both series count orders: a new customer's first order, and orders from customers who bought before.
  const newShare = r && r.totals.orders ? r.totals.newCustomers / r.totals.orders : null;
  return (
    <Stack gap="md" data-testid="dashboard-business">
      <Body q={revenue} h={110}>
        {(data) => <KpiRow data={data} range={range} />}
      </Body>
      {r && r.totals.unconverted > 0 && (
        <Text fz="xs" c="orange">
          {t('dash.revenue.unconverted', { n: formatNumber(r.totals.unconverted, lang) })}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DashCard
            title={t('dash.revenue.title')}
            takeaway={r ? revenueTakeaway(r, t, lang) : null}
            hint={t('dash.revenue.hint', { currency: currencyName(shopCurrency, lang) })}
            testId="dashboard-revenue"
          >
            <Body q={revenue} h={470}>
              {(data) => <RevenueChart data={data} />}
            </Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DashCard
            title={t('dash.segments.title')}
            hint={t('dash.segments.hint')}
            right={
              <Anchor component={Link} href="/segments" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                {t('dash.segments.open')}
              </Anchor>
            }
            testId="dashboard-segments"
          >
            <Body q={segments} h={280}>
              {(data) => <SegmentMix data={data} />}
            </Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DashCard title={t('dash.orders.title')} hint={t('dash.orders.hint')} testId="dashboard-orders">
            <Body q={revenue}>{(data) => <OrdersChart data={data} />}</Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DashCard
            title={t('dash.newReturning.title')}
            takeaway={newShare === null ? null : t('dash.newReturning.takeaway', { pct: formatPercent(newShare, lang) })}
            hint={t('dash.newReturning.hint', { bucket: t(`dash.newReturning.${bucket}`) })}
            testId="dashboard-new-returning"
          >
            <Body q={revenue}>{(data) => <NewReturningChart data={data} />}</Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <DashCard title={t('dash.products.title')} takeaway={products.data ? productsTakeaway(products.data, t, lang) : null} hint={t('dash.products.hint')} testId="dashboard-products">
            <Body q={products}>{(data) => <TopProducts data={data} />}</Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DashCard title={t('dash.categories.title')} hint={t('dash.categories.hint')} testId="dashboard-categories">
            <Body q={products}>{(data) => <Categories data={data} />}</Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <DashCard title={t('dash.satisfaction.title')} takeaway={satisfaction.data ? satisfactionTakeaway(satisfaction.data, t, lang) : null} hint={t('dash.satisfaction.hint')} testId="dashboard-satisfaction">
            <Body q={satisfaction} h={260}>
              {(data) =>
                data.totals.responses + data.totals.reviews === 0 ? (
                  <Text fz="sm" c="dimmed">
                    {t('dash.satisfaction.empty')}
                  </Text>
                ) : (
                  <Grid gap="md">
                    <Grid.Col span={{ base: 12, sm: 8 }}>
                      <SatisfactionChart data={data} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <SatisfactionSummary data={data} />
                    </Grid.Col>
                  </Grid>
                )
              }
            </Body>
          </DashCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DashCard
            title={t('dash.attention.title')}
            hint={t('dash.attention.hint')}
            right={
              attention.data?.total.customers ? (
                <Anchor component={Link} href={customersHref(ATTENTION_FILTER)} fz="xs" style={{ whiteSpace: 'nowrap' }}>
                  {t('dash.attention.all')}
                </Anchor>
              ) : null
            }
            testId="dashboard-attention"
          >
            <Body q={attention}>{(data) => <AttentionList data={data} customNames={customNames} />}</Body>
          </DashCard>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
