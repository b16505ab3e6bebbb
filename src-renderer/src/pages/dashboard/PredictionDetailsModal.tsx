// "How these are worked out": what the latest predictions run rests on (the analysis date, the
// customers and orders, the history's first and last day), every fitted model with its parameters
// and whether it converged, how the churn risk measured up against recency alone, the bought-
// together rules, thin-data notes, and the CLV settings, editable (saving starts a new run).
import { Alert, Badge, Button, Divider, Group, Modal, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLV_HORIZON_RANGE, DISCOUNT_RATE_RANGE, MIN_CUSTOMERS_FOR_FIT, MIN_REPEAT_CUSTOMERS_FOR_FIT } from '../../../../src-main/shared/predictions';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import type { Language } from '../../i18n';
import type { Outputs } from '../../lib/api-types';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { notifyDone, notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { formatPercent } from './money';

type Overview = Outputs['predictions']['overview'];
type Fits = NonNullable<Overview['fits']>;

const day = (d: string, lang: Language) => formatDate(dayjs(d).valueOf(), lang);
/** Model parameters span orders of magnitude: four significant digits read well for all. */
const sig = (v: number, lang: Language) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: 4 }).format(v);

function Facts({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  return (
    <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing={0} data-testid={testId}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td w="55%">
              <Text fz="sm" c="dimmed">
                {label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" fw={500} className="tabular" component="div">
                {value}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Section({ title, body, children }: { title: string; body?: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <div>
        <Title order={5}>{title}</Title>
        {body && (
          <Text fz="xs" c="dimmed">
            {body}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

function Converged({ fit }: { fit: { converged: boolean; keptFrom?: string } }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Badge size="sm" variant="light" color={fit.converged ? 'teal' : 'orange'}>
          {t(fit.converged ? 'predictDashboard.details.converged' : 'predictDashboard.details.notConverged')}
        </Badge>
      </Group>
      {!fit.converged && (
        <Text fz="xs" c="orange">
          {fit.keptFrom ? t('predictDashboard.details.keptFrom', { date: day(fit.keptFrom, lang) }) : t('predictDashboard.details.notConvergedNoKept')}
        </Text>
      )}
    </Stack>
  );
}

function BgnbdFacts({ fit }: { fit: NonNullable<Fits['bgnbd']> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const p = fit.params;
  return (
    <Section title={t('predictDashboard.details.bgnbd.title')} body={t('predictDashboard.details.bgnbd.body')}>
      <Facts
        testId="details-bgnbd"
        rows={[
          [t('predictDashboard.details.bgnbd.r'), sig(p.r, lang)],
          [t('predictDashboard.details.bgnbd.alpha'), sig(p.alpha, lang)],
          [t('predictDashboard.details.bgnbd.a'), sig(p.a, lang)],
          [t('predictDashboard.details.bgnbd.b'), sig(p.b, lang)],
          [t('predictDashboard.details.logLik'), formatNumber(fit.ll, lang, 1)],
          [t('predictDashboard.details.fittedOn', { count: fit.customers, n: formatNumber(fit.customers, lang) }), <Converged key="c" fit={fit} />],
        ]}
      />
      {fit.dropoutAlike && (
        <Text fz="xs" c="dimmed" data-testid="details-dropout-alike">
          {t('predictDashboard.details.bgnbd.dropoutAlike')}
        </Text>
      )}
    </Section>
  );
}

function GammaGammaFacts({ fit }: { fit: NonNullable<Fits['gg']> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const p = fit.params;
  return (
    <Section title={t('predictDashboard.details.gg.title')} body={t('predictDashboard.details.gg.body')}>
      <Facts
        testId="details-gg"
        rows={[
          [t('predictDashboard.details.gg.p'), sig(p.p, lang)],
          [t('predictDashboard.details.gg.q'), sig(p.q, lang)],
          [t('predictDashboard.details.gg.gamma'), sig(p.gamma, lang)],
          [t('predictDashboard.details.logLik'), formatNumber(fit.ll, lang, 1)],
          [t('predictDashboard.details.fittedOn', { count: fit.customers, n: formatNumber(fit.customers, lang) }), <Converged key="c" fit={fit} />],
        ]}
      />
      <Text fz="sm">{t('predictDashboard.details.gg.correlation', { r: formatNumber(fit.correlation, lang, 2) })}</Text>
      {fit.correlationWarning ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="details-correlation-warning">
          <Text fz="xs">{t('predictDashboard.details.gg.correlationWarning')}</Text>
        </Alert>
      ) : (
        <Text fz="xs" c="dimmed">
          {t('predictDashboard.details.gg.correlationOk')}
        </Text>
      )}
    </Section>
  );
}

function ChurnFacts({ churn }: { churn: Fits['churn'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const check = churn.check;
  const auc = (v: number) => formatNumber(v, lang, 2);
  return (
    <Section title={t('predictDashboard.details.churn.title')}>
      <Text fz="sm" data-testid="details-churn-model">
        {churn.kind === 'logistic'
          ? t('predictDashboard.details.churn.logistic', {
              customers: formatNumber(churn.trainedOn, lang),
              churned: formatNumber(churn.churned, lang),
              days: churn.trainPeriodDays,
              date: day(churn.trainCut, lang),
            })
          : t('predictDashboard.details.churn.bgnbd')}
      </Text>
      {check ? (
        <>
          <Text fz="sm" fw={500} data-testid="details-churn-check">
            {t('predictDashboard.details.churn.check', { days: churn.periodDays, auc: auc(check.auc), recency: auc(check.recencyAuc) })}{' '}
            <Text span fz="sm" c={check.auc > check.recencyAuc ? 'teal' : 'orange'}>
              {t(check.auc > check.recencyAuc ? 'predictDashboard.details.churn.checkBetter' : 'predictDashboard.details.churn.checkWorse')}
            </Text>
          </Text>
          <Text fz="xs" c="dimmed">
            {t('predictDashboard.details.churn.auc')}
          </Text>
        </>
      ) : (
        <Text fz="sm" c="dimmed" data-testid="details-churn-check">
          {t('predictDashboard.details.churn.noCheck', { days: churn.periodDays })}
        </Text>
      )}
    </Section>
  );
}

/** The CLV horizon and discount rate, checked against the core's ranges before they are sent. */
function SettingsForm({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const jobs = useJobs();
  const [horizon, setHorizon] = useState<number | string>(data.settings.horizonMonths);
  const [ratePct, setRatePct] = useState<number | string>(Math.round(data.settings.discountRate * 1000) / 10);
  const h = typeof horizon === 'number' ? horizon : Number.NaN;
  const r = typeof ratePct === 'number' ? ratePct : Number.NaN;
  const horizonBad = !Number.isInteger(h) || h < CLV_HORIZON_RANGE.min || h > CLV_HORIZON_RANGE.max;
  const rateBad = !Number.isFinite(r) || r < DISCOUNT_RATE_RANGE.min * 100 || r > DISCOUNT_RATE_RANGE.max * 100;
  const save = useMutation({
    mutationFn: () => api.predictions.setSettings.mutate({ horizonMonths: h, discountRate: Math.round(r * 10) / 1000 }),
    onSuccess: () => {
      notifyDone(t('predictDashboard.details.settings.saved'));
      void qc.invalidateQueries({ queryKey: keys.predictionsAll });
    },
    onError: (err) => notifyError(err, t),
  });
  const changed = h !== data.settings.horizonMonths || Math.round(r * 10) / 1000 !== data.settings.discountRate;
  const job = jobs.byId(data.jobId) ?? jobs.active.find((j) => j.kind === 'predictions.recompute');
  return (
    <Section title={t('predictDashboard.details.settings.title')} body={t('predictDashboard.details.settings.body')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!horizonBad && !rateBad) save.mutate();
        }}
      >
        <Group align="flex-start" gap="md" wrap="wrap">
          <NumberInput
            label={t('predictDashboard.details.settings.horizon')}
            value={horizon}
            onChange={setHorizon}
            min={CLV_HORIZON_RANGE.min}
            max={CLV_HORIZON_RANGE.max}
            allowDecimal={false}
            clampBehavior="none"
            w={180}
            error={horizonBad ? t('predictDashboard.details.settings.horizonError', CLV_HORIZON_RANGE) : null}
            data-testid="settings-horizon"
          />
          <NumberInput
            label={t('predictDashboard.details.settings.rate')}
            value={ratePct}
            onChange={setRatePct}
            min={DISCOUNT_RATE_RANGE.min * 100}
            max={DISCOUNT_RATE_RANGE.max * 100}
            step={0.5}
            decimalScale={1}
            clampBehavior="none"
            w={180}
            error={rateBad ? t('predictDashboard.details.settings.rateError', { min: DISCOUNT_RATE_RANGE.min * 100, max: DISCOUNT_RATE_RANGE.max * 100 }) : null}
            data-testid="settings-rate"
          />
        </Group>
        <Group mt="sm" gap="md">
          <Button type="submit" size="sm" disabled={horizonBad || rateBad || !changed} loading={save.isPending} data-testid="settings-save">
            {t('predictDashboard.details.settings.save')}
          </Button>
        </Group>
      </form>
      {(data.jobId !== null || job) && (
        <Stack gap={4} data-testid="details-updating">
          <Text fz="sm">{t('predictDashboard.updating')}</Text>
          {job && <JobProgress job={job} size="sm" withCancel={false} />}
        </Stack>
      )}
    </Section>
  );
}

export function PredictionDetailsModal({ data, opened, onClose }: { data: Overview; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { run, fits } = data;
  return (
    <Modal opened={opened} onClose={onClose} title={t('predictDashboard.details.title')} size="lg" data-testid="prediction-details">
      <Stack gap="lg">
        {run && (
          <Section title={t('predictDashboard.details.restsOn')}>
            <Facts
              testId="details-rests-on"
              rows={[
                [t('predictDashboard.details.asOf'), day(run.date, lang)],
                [t('predictDashboard.details.computedAt'), formatDateTime(run.computedAt, lang)],
                [t('predictDashboard.details.customers'), formatNumber(run.customers, lang)],
                [t('predictDashboard.details.orders'), formatNumber(run.orders, lang)],
                [
                  t('predictDashboard.details.span'),
                  run.firstDay && run.lastDay ? t('predictDashboard.details.spanValue', { from: day(run.firstDay, lang), to: day(run.lastDay, lang) }) : t('predictDashboard.details.none'),
                ],
              ]}
            />
          </Section>
        )}
        {fits && fits.thin.length > 0 && (
          <Alert color="orange" variant="light" title={t('predictDashboard.details.thin')} data-testid="details-thin">
            <Stack gap={2}>
              {fits.thin.map((code) => (
                <Text key={code} fz="sm">
                  {t(`predictDashboard.thin.${code}`, { min: code === 'too_few_customers' ? MIN_CUSTOMERS_FOR_FIT : MIN_REPEAT_CUSTOMERS_FOR_FIT })}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {fits?.bgnbd && <BgnbdFacts fit={fits.bgnbd} />}
        {fits?.gg && <GammaGammaFacts fit={fits.gg} />}
        {fits && <ChurnFacts churn={fits.churn} />}
        {fits && (
          <Section title={t('predictDashboard.details.basket.title')}>
            <Text fz="sm">
              {t('predictDashboard.details.basket.body', {
                rules: formatNumber(fits.basket.rules, lang),
                baskets: formatNumber(fits.basket.baskets, lang),
                support: formatPercent(fits.basket.minSupport, lang, 2),
                confidence: formatPercent(fits.basket.minConfidence, lang),
              })}
            </Text>
          </Section>
        )}
        <Divider />
        <SettingsForm key={`${data.settings.horizonMonths}:${data.settings.discountRate}`} data={data} />
      </Stack>
    </Modal>
  );
}
