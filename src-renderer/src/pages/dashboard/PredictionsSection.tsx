// The dashboard's predictions section: the sales forecast, churn risk and customer value from the
// latest predictions run, each saying what it rests on, and "how these are worked out" (the fits,
// the churn check, the CLV settings). Before the first run, what to do; while one runs, that.
import { Badge, Box, Button, Center, EmptyState, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChartDots3, IconFileImport, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CHURN_PERIOD_DAYS, MIN_CUSTOMERS_FOR_FIT, MIN_REPEAT_CUSTOMERS_FOR_FIT } from '../../../../src-main/shared/predictions';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { QueryError } from '../../components/QueryError';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { useSampleLoad } from '../../hooks/useSampleLoad';
import type { Outputs } from '../../lib/api-types';
import { formatDate } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { ChurnCardBody, ShowAllAtRisk, churnTakeaway } from './ChurnCard';
import { DashCard } from './DashCard';
import { PredictionDetailsModal } from './PredictionDetailsModal';
import { SalesForecastCard } from './SalesForecastChart';
import { ValueCardBody } from './ValueCard';

type Overview = Outputs['predictions']['overview'];

export const predictionsOverviewQuery = {
  queryKey: [...keys.predictionsAll, 'overview'] as const,
  queryFn: () => api.predictions.overview.query({}),
};

function Running({ jobId }: { jobId: number | null }) {
  const { t } = useTranslation();
  const jobs = useJobs();
  const job = jobs.byId(jobId) ?? jobs.active.find((j) => j.kind === 'predictions.recompute');
  return (
    <Paper p="md" radius="md" data-testid="predictions-running">
      <Stack gap={6}>
        <Text fz="sm">{t('predictDashboard.running')}</Text>
        {job ? <JobProgress job={job} size="sm" withCancel={false} /> : <Loader size="sm" />}
      </Stack>
    </Paper>
  );
}

/** No run yet: predictions come from paid orders, so say how to get some, or start one now. */
function NoRun() {
  const { t } = useTranslation();
  const { load } = useSampleLoad();
  const recompute = useMutation({ mutationFn: () => api.predictions.recompute.mutate({}), onError: (err) => notifyError(err, t) });
  return (
    <Paper p="xl" radius="md" data-testid="predictions-empty">
      <Center>
        <EmptyState icon={<IconChartDots3 size={28} stroke={1.5} />} withIndicatorBackground title={t('predictDashboard.empty.title')} description={t('predictDashboard.empty.body')} maw={620}>
          <EmptyState.Actions>
            <Button component={Link} href="/import" variant="default" leftSection={<IconFileImport size={16} />}>
              {t('predictDashboard.empty.import')}
            </Button>
            <Button variant="default" onClick={() => load.mutate()} loading={load.isPending}>
              {t('predictDashboard.empty.sample')}
            </Button>
            <Button leftSection={<IconRefresh size={16} />} onClick={() => recompute.mutate()} loading={recompute.isPending}>
              {t('predictDashboard.empty.computeNow')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    </Paper>
  );
}

/** Thin data: no customer predictions, with the reason in words. */
function Thin({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const codes = data.fits?.thin ?? [];
  return (
    <Stack gap={4} data-testid="predictions-thin">
      {codes.map((code) => (
        <Text key={code} fz="sm" c="dimmed">
          {t(`predictDashboard.thin.${code}`, { min: code === 'too_few_customers' ? MIN_CUSTOMERS_FOR_FIT : MIN_REPEAT_CUSTOMERS_FOR_FIT })}
        </Text>
      ))}
      <Text fz="sm" c="dimmed">
        {t('predictDashboard.thin.none')}
      </Text>
    </Stack>
  );
}

function Cards({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const days = data.fits?.churn.periodDays ?? CHURN_PERIOD_DAYS;
  const hasCustomers = data.totals.customers > 0;
  return (
    <Grid gap="md">
      <Grid.Col span={12}>
        <SalesForecastCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <DashCard
          title={t('predictDashboard.churn.title')}
          takeaway={hasCustomers ? churnTakeaway(data, t, lang, shopCurrency) : null}
          hint={t('predictDashboard.churn.hint', { days })}
          right={hasCustomers && data.atRisk.length > 0 ? <ShowAllAtRisk /> : null}
          testId="predictions-churn"
        >
          {hasCustomers ? <ChurnCardBody data={data} /> : <Thin data={data} />}
        </DashCard>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <DashCard
          title={t('predictDashboard.value.title')}
          hint={t('predictDashboard.value.hint')}
          testId="predictions-value"
        >
          {hasCustomers ? <ValueCardBody data={data} /> : <Thin data={data} />}
        </DashCard>
      </Grid.Col>
    </Grid>
  );
}

export function PredictionsSection() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery(predictionsOverviewQuery);
  const [details, setDetails] = useState(false);
  const data = q.data;
  const updating = data != null && data.run != null && data.jobId !== null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="dashboard-predictions" data-testid="dashboard-predictions">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Group gap="sm" align="center">
            <Title order={3} fz="lg" id="dashboard-predictions">
              {t('predictDashboard.title')}
            </Title>
            {updating && (
              <Badge variant="light" color="blue" leftSection={<Loader size={10} color="blue" />} data-testid="predictions-updating">
                {t('predictDashboard.updating')}
              </Badge>
            )}
            {data?.run && data.stale && data.jobId === null && (
              <Badge variant="light" color="gray" data-testid="predictions-stale">
                {t('predictDashboard.stale')}
              </Badge>
            )}
          </Group>
          <Text fz="sm" c="dimmed" data-testid="predictions-as-of">
            {data?.run ? t('predictDashboard.subtitle', { date: formatDate(dayjs(data.run.date).valueOf(), lang) }) : t('predictDashboard.subtitleNoRun')}
          </Text>
        </div>
        {data?.run && (
          <Button variant="default" size="xs" leftSection={<IconInfoCircle size={14} />} onClick={() => setDetails(true)} data-testid="predictions-how">
            {t('predictDashboard.how')}
          </Button>
        )}
      </Group>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !data ? (
        <Center h={240}>
          <Loader />
        </Center>
      ) : !data.run ? (
        data.jobId !== null ? (
          <Running jobId={data.jobId} />
        ) : (
          <NoRun />
        )
      ) : (
        <Box>
          <Cards data={data} />
          <PredictionDetailsModal data={data} opened={details} onClose={() => setDetails(false)} />
        </Box>
      )}
    </Stack>
  );
}
