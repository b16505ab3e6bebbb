// "Customers who bought X also bought": the one-item rules on a product (predictions.alsoBought),
// each other product with how often it is in X's orders (confidence), how much likelier than
// usual (lift) and in how many orders the two met. A product in the list opens its own rules.
import { Drawer, Group, Loader, Progress, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconShoppingBag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate, formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { formatPercent } from '../../pages/dashboard/money';
import { QueryError } from '../QueryError';
import type { ProductItem } from './item-key';
import classes from './Predict.module.css';

export const alsoBoughtKey = (item: string) => [...keys.predictionsAll, 'alsoBought', item] as const;

export function AlsoBoughtDrawer({ product, onProduct, onClose }: { product: ProductItem | null; onProduct(p: ProductItem): void; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({ queryKey: alsoBoughtKey(product?.item ?? ''), queryFn: () => api.predictions.alsoBought.query({ item: product!.item }), enabled: !!product });
  const name = q.data?.name ?? product?.name ?? '';
  return (
    <Drawer opened={!!product} onClose={onClose} position="right" size="md" title={<Text fw={650}>{t('predictPages.alsoBought.title', { name })}</Text>} data-testid="also-bought">
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !q.data ? (
        <Loader size="sm" />
      ) : q.data.rules.length === 0 ? (
        <Stack align="center" gap="xs" py="xl" data-testid="also-bought-empty">
          <IconShoppingBag size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Text fz="sm" c="dimmed" ta="center" maw={320}>
            {t('predictPages.alsoBought.empty', { name })}
          </Text>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text fz="sm">{t('predictPages.alsoBought.intro', { name })}</Text>
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {q.data.rules.map((r) => (
              <li key={r.item} data-testid="also-bought-rule">
                <UnstyledButton
                  w="100%"
                  p={8}
                  className={classes.row}
                  onClick={() => onProduct({ item: r.item, name: r.name })}
                  aria-label={t('predictPages.alsoBought.open', { name: r.name })}
                >
                  <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                    <Text fz="sm" fw={600} style={{ minWidth: 0 }}>
                      {r.name}
                    </Text>
                    <Tooltip label={t('predictPages.alsoBought.liftHint', { name })} multiline w={260} withArrow>
                      <Text fz="xs" fw={600} c="teal" className="tabular" style={{ flex: 'none' }}>
                        {t('predictPages.alsoBought.lift', { x: formatNumber(r.lift, lang, 1) })}
                      </Text>
                    </Tooltip>
                  </Group>
                  <Tooltip label={t('predictPages.alsoBought.confidenceHint', { name })} multiline w={260} withArrow position="bottom-start">
                    <Progress value={r.confidence * 100} size="sm" color="teal" mt={6} aria-hidden />
                  </Tooltip>
                  <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start" mt={4}>
                    <Text fz="xs" c="dimmed" style={{ minWidth: 0 }}>
                      {t('predictPages.alsoBought.confidence', { pct: formatPercent(r.confidence, lang), name })}
                    </Text>
                    <Text fz="xs" c="dimmed" className="tabular" style={{ flex: 'none', whiteSpace: 'nowrap' }}>
                      {t('predictPages.alsoBought.orders', { count: r.count, formatted: formatNumber(r.count, lang) })}
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          <Text fz="xs" c="dimmed">
            {q.data?.asOf ? t('predictPages.alsoBought.fromDated', { date: formatDate(Date.parse(`${q.data.asOf}T12:00:00Z`), lang), days: q.data.days }) : t('predictPages.alsoBought.from')}
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}
