// Customers needing attention (At Risk, Can't Lose Them), most valuable first, each one click from
// their page.
import { Badge, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Outputs } from '../../lib/api-types';
import { formatDate, formatMoney, formatNumber, formatRelative } from '../../lib/format';
import { SEGMENT_COLORS, segmentName } from '../segments/rules';
import { Private } from '../../hooks/usePrivacyMode';

type Attention = Outputs['dashboard']['attention'];

export function AttentionList({ data, customNames }: { data: Attention; customNames: Partial<Record<string, string | null>> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  if (!data.hasRun)
    return (
      <Text fz="sm" c="dimmed">
        {t('dash.attention.notRun')}
      </Text>
    );
  if (data.customers.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('dash.attention.none')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Text fz="xs" c="dimmed">
        {t('dash.attention.total', { n: formatNumber(data.total.customers, lang), spent: formatMoney(data.total.spentCents, lang, shopCurrency) })}
      </Text>
      <Table verticalSpacing={6} highlightOnHover data-testid="attention-list">
        <Table.Tbody>
          {data.customers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <UnstyledButton component={Link} href={`/customers/${c.id}`} aria-label={t('dash.attention.open', { name: c.name })}>
                  <Text fz="sm" fw={500} c="blue" truncate maw={180}>
                    <Private kind="name" value={c.name} />
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm" color={SEGMENT_COLORS[c.segment]}>
                  {segmentName(c.segment, t, customNames[c.segment])}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <Text fz="sm" fw={600} className="tabular">
                  {formatMoney(c.totalSpentCents, lang, shopCurrency)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {t('dash.attention.orders', { n: formatNumber(c.orderCount, lang) })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {c.lastOrderAt !== null && (
                  <Group gap={0} justify="flex-end">
                    <Text fz="xs" c="dimmed" title={formatDate(c.lastOrderAt, lang)}>
                      {formatRelative(c.lastOrderAt, lang)}
                    </Text>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
