// Every segment with its rule in words, its size and how that moved since the last run, its
// revenue, its predicted value (summed CLV) and average churn risk, and what can be done with it.
import { Box, Group, Progress, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SegmentCode } from '../../../../src-main/shared/segments';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { formatPercent } from '../dashboard/money';
import { GroupActions } from './GroupActions';
import { formatShare, formatWholeMoney, ruleInWords, SEGMENT_COLORS, segmentName } from './rules';
import { segmentFilter, type SegmentRow } from './types';

function Change({ now, before }: { now: number; before: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const diff = now - before;
  if (diff === 0)
    return (
      <Text fz="xs" c="dimmed" span>
        ±0
      </Text>
    );
  const up = diff > 0;
  return (
    <Tooltip label={t(up ? 'segments.list.up' : 'segments.list.down', { n: formatNumber(Math.abs(diff), lang) })} withArrow>
      <Group gap={2} wrap="nowrap" c={up ? 'teal' : 'red'} component="span" style={{ display: 'inline-flex' }}>
        {up ? <IconArrowUpRight size={13} /> : <IconArrowDownRight size={13} />}
        <Text fz="xs" className="tabular" span>
          {formatNumber(Math.abs(diff), lang)}
        </Text>
      </Group>
    </Tooltip>
  );
}

export const predictionsOverviewKey = [...keys.predictionsAll, 'overview'] as const;

/** The segment's summed CLV and average churn risk from the latest predictions run; a dash where it has none. */
function PredictedValue({ code }: { code: SegmentCode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const q = useQuery({ queryKey: predictionsOverviewKey, queryFn: () => api.predictions.overview.query({}) });
  const row = q.data?.bySegment.find((s) => s.segment === code);
  if (!row)
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Tooltip label={t('predictPages.segments.valueHint', { count: q.data!.run?.horizonMonths ?? q.data!.settings.horizonMonths })} multiline w={260} withArrow>
      <div tabIndex={0} data-testid="segment-value" data-cents={row.clvCents}>
        <Text fz="sm" className="tabular">
          {formatWholeMoney(row.clvCents, lang, shopCurrency)}
        </Text>
        <Text fz="xs" c="dimmed" className="tabular">
          {t('predictPages.segments.churn', { pct: formatPercent(row.avgChurnRisk, lang) })}
        </Text>
      </div>
    </Tooltip>
  );
}

export function SegmentTable({ segments, onRename }: { segments: readonly SegmentRow[]; onRename(code: SegmentCode): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing={8} highlightOnHover data-testid="segment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('segments.list.segment')}</Table.Th>
            <Table.Th ta="right">{t('segments.list.customers')}</Table.Th>
            <Table.Th ta="right">{t('segments.list.revenue')}</Table.Th>
            <Table.Th ta="right">{t('predictPages.segments.value')}</Table.Th>
            <Table.Th ta="right">{t('segments.list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((s) => {
            const name = segmentName(s.code, t, s.customName);
            const standard = t(`segments.names.${s.code}`);
            return (
              <Table.Tr key={s.code} data-testid="segment-row" data-segment={s.code} data-customers={s.customers}>
                <Table.Td maw={520}>
                  <Group gap={10} wrap="nowrap" align="flex-start">
                    <Box mt={5} w={10} h={10} style={{ flex: 'none', borderRadius: 3, background: `var(--mantine-color-${SEGMENT_COLORS[s.code]}-6)` }} />
                    <div>
                      <Group gap={6}>
                        <Text fz="sm" fw={600}>
                          {name}
                        </Text>
                        {s.customName && (
                          <Text fz="xs" c="dimmed" span>
                            ({standard})
                          </Text>
                        )}
                      </Group>
                      <Text fz="xs" c="dimmed" data-testid="segment-rule">
                        {ruleInWords(s.code, t)}
                      </Text>
                      <Text fz="xs" mt={2} opacity={0.8}>
                        {t(`segments.advice.${s.code}`)}
                      </Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text fz="sm" fw={600} className="tabular" data-testid="segment-count">
                    {formatNumber(s.customers, lang)}
                  </Text>
                  <Change now={s.customers} before={s.prevCustomers} />
                </Table.Td>
                <Table.Td ta="right" w={170}>
                  <Text fz="sm" className="tabular">
                    {formatWholeMoney(s.revenueCents, lang, shopCurrency)}
                  </Text>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    <Progress value={s.revenueShare * 100} w={60} size="sm" color={SEGMENT_COLORS[s.code]} aria-hidden />
                    <Text fz="xs" c="dimmed" className="tabular" w={34} ta="right">
                      {formatShare(s.revenueShare, lang)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" w={140}>
                  <PredictedValue code={s.code} />
                </Table.Td>
                <Table.Td w={190}>
                  <GroupActions
                    name={name}
                    filter={segmentFilter(s.code)}
                    customers={s.customers}
                    onRename={() => onRename(s.code)}
                    testId="segment-actions"
                    campaignTarget={{ kind: 'segment', segment: s.code }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
