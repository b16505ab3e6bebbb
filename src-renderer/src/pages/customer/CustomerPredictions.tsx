// A customer's predictions (predictions.customer): churn risk with its reasons in words, the chance
// they are still a customer, the orders and order value to expect and their predicted value over
// the CLV horizon, each saying what it rests on; no number where the data is too thin (one order:
// no order value of their own). Beside it, products they may also like, each opening "also bought".
import { Alert, Badge, Box, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { churnBand, type ChurnBand, type CustomerPrediction } from '../../../../src-main/shared/predictions';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { QueryError } from '../../components/QueryError';
import { AlsoBoughtDrawer } from '../../components/predict/AlsoBoughtDrawer';
import { itemOf, type ProductItem } from '../../components/predict/item-key';
import predictClasses from '../../components/predict/Predict.module.css';
import { reasonText } from '../../components/predict/reason-text';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Outputs } from '../../lib/api-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { formatPercent } from '../dashboard/money';
import { formatDay } from '../segments/AnalysisDate';

type Suggestions = Outputs['predictions']['customer']['suggestions'];

/** A churn band's colour: one map for every screen that shows the band. */
export const BAND_COLORS: Record<ChurnBand, string> = { high: 'red', medium: 'orange', low: 'teal' };

export const customerPredictionKey = (id: number) => [...keys.predictionsAll, 'customer', id] as const;

const caption = (label: string) => (
  <Text fz="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
    {label}
  </Text>
);

/** One number with its label, what it means on hover or focus, and a line under it. */
function Figure({ label, hint, value, under, testId, color }: { label: string; hint: string; value: ReactNode; under?: ReactNode; testId: string; color?: string }) {
  return (
    <Tooltip label={hint} multiline w={280} withArrow position="top-start">
      <Box tabIndex={0} role="group" aria-label={label} className={predictClasses.figure} data-testid={testId}>
        {caption(label)}
        <Text fz={22} fw={650} mt={4} lh={1.25} className="tabular" c={color}>
          {value}
        </Text>
        {under && (
          <Text fz="xs" c="dimmed" mt={2}>
            {under}
          </Text>
        )}
      </Box>
    </Tooltip>
  );
}

function Numbers({ p }: { p: CustomerPrediction }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const band = churnBand(p.churnRisk);
  const months = p.horizonMonths;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="sm">
        <Figure
          label={t('predictPages.customer.churn')}
          hint={t('predictPages.customer.churnHint', { days: p.churnPeriodDays })}
          value={formatPercent(p.churnRisk, lang)}
          color={`var(--mantine-color-${BAND_COLORS[band]}-text)`}
          under={
            <Badge component="span" size="xs" variant="light" color={BAND_COLORS[band]} data-testid="churn-band" data-band={band}>
              {t(`predict.bands.${band}`)}
            </Badge>
          }
          testId="churn-risk"
        />
        <Figure label={t('predictPages.customer.pAlive')} hint={t('predictPages.customer.pAliveHint')} value={formatPercent(p.pAlive, lang)} testId="p-alive" />
        <Figure
          label={t('predictPages.customer.expected')}
          hint={t('predictPages.customer.expectedHint')}
          value={formatNumber(p.expectedPurchases, lang, 1)}
          under={t('predictPages.customer.expectedOver', { count: months })}
          testId="expected-purchases"
        />
        {p.expectedOrderCents === null ? (
          <Figure label={t('predictPages.customer.orderValue')} hint={t('predictPages.customer.needsSecondHint')} value="—" under={t('predictPages.customer.needsSecond')} testId="expected-order" />
        ) : (
          <Figure
            label={t('predictPages.customer.orderValue')}
            hint={t('predictPages.customer.orderValueHint')}
            value={formatMoney(p.expectedOrderCents, lang, shopCurrency)}
            testId="expected-order"
          />
        )}
        <Figure
          label={t('predictPages.customer.clv')}
          hint={`${t('predictPages.customer.clvHint')}${p.clvUsesAverageOrder ? ` ${t('predictPages.customer.clvAverage')}` : ''}`}
          value={formatMoney(p.clvCents, lang, shopCurrency)}
          under={t('predictPages.customer.clvOver', { count: months, rate: formatPercent(p.discountRate, lang, 1) })}
          testId="clv"
        />
      </SimpleGrid>
      <Box>
        {caption(t('predictPages.customer.why'))}
        {p.reasons.length ? (
          <Stack gap={2} mt={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="churn-reasons">
            {p.reasons.map((r, i) => (
              <Text component="li" key={`${r.code}-${i}`} fz="sm" data-testid="churn-reason" data-code={r.code}>
                {reasonText(r, t)}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed" mt={4}>
            {t('predictPages.customer.noReasons')}
          </Text>
        )}
      </Box>
      {p.clvUsesAverageOrder && (
        <Text fz="xs" c="dimmed" data-testid="clv-average">
          {t('predictPages.customer.clvAverage')}
        </Text>
      )}
      <Text fz="xs" c="dimmed" data-testid="prediction-basis">
        {t('predictPages.customer.basis', {
          count: p.purchases,
          first: p.firstDay ? formatDay(p.firstDay, lang) : '—',
          last: p.lastDay ? formatDay(p.lastDay, lang) : '—',
          date: formatDay(p.asOf, lang),
        })}
      </Text>
    </Stack>
  );
}

/** "Being worked out", with the job's progress when it is running. */
function Working({ jobId }: { jobId: number | null }) {
  const { t } = useTranslation();
  const jobs = useJobs();
  const job = jobs.byId(jobId) ?? jobs.active.find((j) => j.kind === 'predictions.recompute');
  return (
    <Stack gap={6} data-testid="prediction-gap" data-gap="no_run">
      <Group gap={8}>
        <Loader size="xs" />
        <Text fz="sm" c="dimmed">
          {t('predictPages.customer.gap.no_run')}
        </Text>
      </Group>
      {job && <JobProgress job={job} size="sm" withCancel={false} />}
    </Stack>
  );
}

function SuggestionList({ suggestions, onOpen }: { suggestions: Suggestions; onOpen(p: ProductItem): void }) {
  const { t } = useTranslation();
  if (!suggestions.length)
    return (
      <Text fz="sm" c="dimmed" mt={8}>
        {t('predictPages.suggest.empty')}
      </Text>
    );
  return (
    <Stack gap={2} mt={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {suggestions.map((s) => (
        <li key={s.item}>
          <UnstyledButton
            className={predictClasses.row}
            display="block"
            w="calc(100% + 12px)"
            mx={-6}
            px={6}
            py={4}
            onClick={() => onOpen(itemOf({ productId: s.productId, name: s.name }))}
            aria-label={t('predictPages.suggest.open', { name: s.name })}
            data-testid="suggestion"
          >
            <Text fz="sm" fw={600} truncate>
              {s.name}
            </Text>
            <Text fz="xs" c="dimmed" truncate>
              {t('predictPages.suggest.because', { name: s.becauseName })}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}

export function CustomerPredictions({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: customerPredictionKey(customerId), queryFn: () => api.predictions.customer.query({ customerId }) });
  const [open, setOpen] = useState<ProductItem | null>(null);
  const d = q.data;
  const title = t('predictPages.customer.title');
  let body: ReactNode;
  if (q.error) body = <QueryError error={q.error} onRetry={() => q.refetch()} />;
  else if (!d) body = <Loader size="sm" />;
  else if (d.prediction)
    body = (
      <Stack gap="sm">
        {d.gap === 'not_converged' && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="prediction-gap" data-gap="not_converged">
            <Text fz="sm">{t('predictPages.customer.gap.not_converged')}</Text>
          </Alert>
        )}
        <Numbers p={d.prediction} />
      </Stack>
    );
  else if (d.gap === 'no_run' || !d.gap) body = <Working jobId={d.jobId} />;
  else
    body = (
      <Text fz="sm" c="dimmed" data-testid="prediction-gap" data-gap={d.gap}>
        {t(`predictPages.customer.gap.${d.gap}`)}
      </Text>
    );
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper p="md" radius="md" h="100%" component="section" aria-label={title} data-testid="customer-predictions">
          <Text fz="sm" fw={650} mb="sm">
            {title}
          </Text>
          {body}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper p="md" radius="md" h="100%" component="section" aria-label={t('predictPages.suggest.title')} data-testid="customer-suggestions">
          <Text fz="sm" fw={650}>
            {t('predictPages.suggest.title')}
          </Text>
          {d ? <SuggestionList suggestions={d.suggestions} onOpen={setOpen} /> : <Loader size="sm" mt={8} />}
        </Paper>
      </Grid.Col>
      <AlsoBoughtDrawer product={open} onProduct={setOpen} onClose={() => setOpen(null)} />
    </Grid>
  );
}
