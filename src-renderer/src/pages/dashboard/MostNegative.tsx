// The unhappiest recent messages and reviews, each one click from its customer.
import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CustomerAvatar } from '../../components/CustomerAvatar';
import { AspectChips, SentimentLabelBadge, formatScore } from '../../components/SentimentBadge';
import { useLanguage } from '../../hooks/useLanguage';
import type { Outputs } from '../../lib/api-types';
import { formatDateTime, formatRelative } from '../../lib/format';
import classes from './LinkRow.module.css';
import { Private } from '../../hooks/usePrivacyMode';

type Item = Outputs['sentiment']['overview']['mostNegative'][number];

function Row({ item }: { item: Item }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <UnstyledButton
      component={Link}
      href={`/customers/${item.customerId}`}
      className={classes.row}
      aria-label={t('dashboard.sentiment.open', { name: item.customerName })}
      data-testid="negative-message"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <CustomerAvatar name={item.customerName} size={32} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
              <Text fz="sm" fw={600} truncate>
                <Private kind="name" value={item.customerName} />
              </Text>
              <Text fz="xs" c="dimmed" style={{ flex: 'none' }}>
                {item.recordType === 'feedback' ? t('dashboard.sentiment.review') : t('dashboard.sentiment.message')}
              </Text>
            </Group>
            <Text fz="xs" c="dimmed" style={{ flex: 'none' }} title={formatDateTime(item.at, lang)}>
              {formatRelative(item.at, lang)}
            </Text>
          </Group>
          <Text fz="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            <Private kind="text" value={item.snippet} />
          </Text>
          <Group gap={6} wrap="wrap">
            <SentimentLabelBadge label={item.label} size="xs" />
            <Text fz="xs" c="red" fw={600} className="tabular">
              {formatScore(item.score, lang)}
            </Text>
            <AspectChips aspects={item.aspects.map((aspect) => ({ aspect }))} />
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

export function MostNegative({ items }: { items: readonly Item[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text fz="sm" c="dimmed" py="md">
        {t('dashboard.sentiment.noNegative')}
      </Text>
    );
  return (
    <Stack gap={2} data-testid="most-negative">
      {items.map((item) => (
        <Row key={`${item.recordType}-${item.recordId}`} item={item} />
      ))}
    </Stack>
  );
}
