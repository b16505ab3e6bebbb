// Churn risk on the dashboard: how many customers are in each risk band, the customer value at
// medium or high risk, and the most valuable customers at risk with why, each one click from their
// page; "show all" opens the customers page filtered on churn risk.
import { Anchor, Badge, Box, Group, Progress, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Filter } from '../../../../src-main/shared/filters';
import { CHURN_BANDS, churnBand, type ChurnBand } from '../../../../src-main/shared/predictions';
import { reasonsLine } from '../../components/predict/reason-text';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Language } from '../../i18n';
import type { Outputs } from '../../lib/api-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { customersHref } from '../customers/filter/filter-url';
import classes from './LinkRow.module.css';
import { formatPercent } from './money';
import { Private } from '../../hooks/usePrivacyMode';

type Overview = Outputs['predictions']['overview'];

export const BAND_COLORS: Record<ChurnBand, string> = { high: 'red', medium: 'orange', low: 'teal' };

/** Medium and high risk: the customers page's filter (churn_risk is in percent there). */
const MEDIUM_PCT = Math.round(CHURN_BANDS.find((b) => b.band === 'medium')!.min * 100);
export const AT_RISK_FILTER: Filter = { match: 'all', conditions: [{ field: 'churn_risk', op: 'gte', value: MEDIUM_PCT }] };

function Bands({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const total = Math.max(1, data.bands.reduce((s, b) => s + b.customers, 0));
  const count = (band: ChurnBand) => data.bands.find((b) => b.band === band)?.customers ?? 0;
  return (
    <Stack gap={8}>
      <Progress.Root size={14} radius="sm" aria-label={t('predictDashboard.churn.bandsLabel')}>
        {CHURN_BANDS.map(({ band }) => (
          <Tooltip key={band} label={`${t(`predict.bands.${band}`)}: ${t('predictDashboard.churn.customers', { count: count(band), n: formatNumber(count(band), lang) })}`} withArrow>
            <Progress.Section value={(count(band) / total) * 100} color={BAND_COLORS[band]} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="lg" wrap="wrap" data-testid="churn-bands">
        {CHURN_BANDS.map(({ band }) => (
          <Group key={band} gap={6} wrap="nowrap" data-testid={`churn-band-${band}`}>
            <Box w={10} h={10} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${BAND_COLORS[band]}-6)` }} />
            <Text fz="xs" c="dimmed">
              {t(`predict.bands.${band}`)}
            </Text>
            <Text fz="sm" fw={600} className="tabular">
              {formatNumber(count(band), lang)}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

export function churnTakeaway(data: Overview, t: TFunction, lang: Language, currency: string): string | null {
  if (!data.totals.customers) return null;
  return t('predictDashboard.churn.atRiskValue', { value: formatMoney(data.totals.atRiskClvCents, lang, currency) });
}

export function ChurnCardBody({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  return (
    <Stack gap="md">
      <Bands data={data} />
      <Box>
        <Text fz="sm" fw={600} mb={6}>
          {t('predictDashboard.churn.topTitle')}
        </Text>
        {data.atRisk.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('predictDashboard.churn.noneAtRisk')}
          </Text>
        ) : (
          <Stack gap={2} data-testid="churn-at-risk">
            {data.atRisk.map((c) => (
              <UnstyledButton
                key={c.customerId}
                component={Link}
                href={`/customers/${c.customerId}`}
                className={classes.row}
                data-testid="churn-at-risk-row"
              >
                <Group justify="space-between" gap="sm" wrap="nowrap">
                  <Text fz="sm" fw={500} c="blue" truncate style={{ minWidth: 0 }}>
                    <Private kind="name" value={c.name} />
                  </Text>
                  <Group gap={8} wrap="nowrap" style={{ flex: 'none' }}>
                    <Text fz="xs" c="dimmed" className="tabular">
                      {t('predictDashboard.churn.clv', { value: formatMoney(c.clvCents, lang, shopCurrency) })}
                    </Text>
                    <Badge variant="light" size="sm" color={BAND_COLORS[churnBand(c.churnRisk)]} className="tabular">
                      {t('predictDashboard.churn.risk', { pct: formatPercent(c.churnRisk, lang) })}
                    </Badge>
                  </Group>
                </Group>
                <Text fz="xs" c="dimmed" lineClamp={2} mt={2} data-testid="churn-reasons">
                  {c.reasons.length > 0 ? reasonsLine(c.reasons, t) : t('predictDashboard.churn.noReason')}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}

export function ShowAllAtRisk() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={customersHref({ filter: AT_RISK_FILTER })} fz="xs" style={{ whiteSpace: 'nowrap' }} data-testid="churn-show-all">
      {t('predictDashboard.churn.showAll')}
    </Anchor>
  );
}
