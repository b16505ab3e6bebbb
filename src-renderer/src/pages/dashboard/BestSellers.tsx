// The period's best sellers as bars a person can compare at a glance, and revenue by category as a
// donut; hovering either gives the exact figures.
import type { TFunction } from 'i18next';
import { DonutChart } from '@mantine/charts';
import { Box, Group, Progress, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlsoBoughtDrawer } from '../../components/predict/AlsoBoughtDrawer';
import { itemOf, type ProductItem } from '../../components/predict/item-key';
import predictClasses from '../../components/predict/Predict.module.css';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import type { Outputs } from '../../lib/api-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { formatPercent } from './money';

type Products = Outputs['dashboard']['products'];

const CATEGORY_COLORS = ['teal.6', 'blue.6', 'violet.6', 'orange.6', 'pink.6', 'cyan.6', 'lime.6', 'indigo.6', 'yellow.6', 'grape.6', 'red.6', 'green.6'];
const MAX_SLICES = 7;

export function TopProducts({ data }: { data: Products }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  // A product opens "customers who bought it also bought".
  const [open, setOpen] = useState<ProductItem | null>(null);
  if (data.products.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('dash.products.empty')}
      </Text>
    );
  const top = data.products[0].revenueCents || 1;
  return (
    <Stack gap={4} data-testid="top-products">
      {data.products.map((p, i) => (
        <Tooltip
          key={`${p.productId ?? p.name}`}
          withArrow
          position="top-start"
          label={`${formatMoney(p.revenueCents, lang, shopCurrency)} · ${t('dash.products.quantity', { n: formatNumber(p.quantity, lang) })} · ${formatPercent(p.share, lang, 1)}`}
        >
          <UnstyledButton
            className={predictClasses.row}
            px={6}
            py={4}
            mx={-6}
            display="block"
            w="calc(100% + 12px)"
            onClick={() => setOpen(itemOf(p))}
            aria-label={t('predictPages.alsoBought.open', { name: p.name })}
            data-testid="top-product"
            data-item={itemOf(p).item}
          >
            <Group justify="space-between" gap="sm" wrap="nowrap" mb={3}>
              <Text fz="sm" truncate>
                <Text span c="dimmed" fz="xs" mr={6} className="tabular">
                  {i + 1}
                </Text>
                {p.name}
                {p.category && (
                  <Text span c="dimmed" fz="xs" ml={6}>
                    {p.category}
                  </Text>
                )}
              </Text>
              <Text fz="sm" fw={600} className="tabular" style={{ flex: 'none' }}>
                {formatMoney(p.revenueCents, lang, shopCurrency)}
              </Text>
            </Group>
            <Progress value={(p.revenueCents / top) * 100} size="sm" color="teal" aria-hidden />
          </UnstyledButton>
        </Tooltip>
      ))}
      <AlsoBoughtDrawer product={open} onProduct={setOpen} onClose={() => setOpen(null)} />
    </Stack>
  );
}

export function productsTakeaway(data: Products, t: TFunction, lang: 'en' | 'zh'): string | null {
  if (data.products.length < 3 || !data.totalCents) return null;
  const share = data.products.reduce((n, p) => n + p.revenueCents, 0) / data.totalCents;
  return t('dash.products.takeaway', { n: data.products.length, pct: formatPercent(share, lang) });
}

export function Categories({ data }: { data: Products }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  if (data.categories.length === 0) return null;
  const named = data.categories.map((c) => ({ ...c, name: c.category ?? t('dash.categories.none') }));
  // Beyond a handful of slices a donut stops being readable: the rest go together.
  const slices = named.slice(0, MAX_SLICES);
  const rest = named.slice(MAX_SLICES);
  const donut = [
    ...slices.map((c, i) => ({ name: c.name, value: c.revenueCents, color: CATEGORY_COLORS[i % CATEGORY_COLORS.length] })),
    ...(rest.length ? [{ name: `+${rest.length}`, value: rest.reduce((n, c) => n + c.revenueCents, 0), color: 'gray.5' }] : []),
  ];
  return (
    <Group gap="lg" wrap="nowrap" align="center" data-testid="categories">
      <DonutChart
        data={donut}
        size={150}
        thickness={24}
        withTooltip
        tooltipDataSource="segment"
        valueFormatter={(v) => formatMoney(v, lang, shopCurrency)}
        aria-label={t('dash.categories.title')}
      />
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        {donut.map((d) => {
          const share = data.totalCents ? d.value / data.totalCents : 0;
          const [c, s] = d.color.split('.');
          return (
            <Group key={d.name} justify="space-between" gap="sm" wrap="nowrap">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <Box w={10} h={10} style={{ flex: 'none', borderRadius: 2, background: `var(--mantine-color-${c}-${s})` }} />
                <Text fz="sm" truncate>
                  {d.name}
                </Text>
              </Group>
              <Text fz="sm" c="dimmed" className="tabular">
                {formatPercent(share, lang)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Group>
  );
}
