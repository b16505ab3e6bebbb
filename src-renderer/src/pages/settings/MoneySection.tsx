// Settings → Money: the shop currency spend is counted in, and the owner's rate for every other
// currency orders arrive in. Each change recomputes spend in the core and the screens follow by
// the change events.
import { Badge, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_CURRENCIES, RATE_MAX, RATE_MIN } from '../../../../src-main/shared/currencies';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoneyOverview } from '../../hooks/useMoney';
import { currencyName } from '../../lib/format';
import { notifyError } from '../../lib/notify';

function RateRow({ currency, shop, rate, orders }: { currency: string; shop: string; rate: number | undefined; orders: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [value, setValue] = useState<string | number>(rate ?? '');
  const save = useMutation({
    mutationFn: (next: number | null) => api.money.setRate.mutate({ currency, rate: next }),
    onSuccess: (_, next) => {
      if (next === null) setValue('');
      notifications.show({ color: 'teal', message: t(next === null ? 'settings.money.rateRemoved' : 'settings.money.rateSaved', { currency }) });
    },
    onError: (err) => notifyError(err, t),
  });
  const parsed = typeof value === 'number' ? value : null;
  const valid = parsed !== null && parsed >= RATE_MIN && parsed <= RATE_MAX;
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" data-testid={`rate-${currency}`}>
      <div>
        <Text fz="sm" fw={500}>
          {currency} · {currencyName(currency, lang)}
        </Text>
        <Group gap={6}>
          <Text fz="xs" c="dimmed">
            {orders ? t('settings.money.paidOrders', { count: orders }) : t('settings.money.notUsed')}
          </Text>
          {rate === undefined && orders > 0 && (
            <Badge size="xs" color="orange" variant="light">
              {t('settings.money.noRate')}
            </Badge>
          )}
        </Group>
      </div>
      <Group gap="xs" wrap="nowrap">
        <NumberInput
          aria-label={t('settings.money.rateFor', { currency })}
          leftSection={<Text fz="xs">{t('settings.money.onePer', { currency })}</Text>}
          leftSectionWidth={72}
          rightSection={<Text fz="xs">{shop}</Text>}
          w={210}
          min={RATE_MIN}
          max={RATE_MAX}
          decimalScale={6}
          hideControls
          value={value}
          onChange={setValue}
        />
        <Button size="sm" disabled={!valid || parsed === rate} loading={save.isPending} onClick={() => parsed !== null && save.mutate(parsed)}>
          {t('settings.money.save')}
        </Button>
        {rate !== undefined && (
          <Button size="sm" variant="subtle" color="red" onClick={() => save.mutate(null)}>
            {t('settings.money.remove')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

export function MoneySection() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const overview = useMoneyOverview();
  const [added, setAdded] = useState<string[]>([]);
  const setShop = useMutation({
    mutationFn: (currency: string) => api.money.setShopCurrency.mutate({ currency }),
    onSuccess: (res) => notifications.show({ color: 'teal', message: t('settings.money.currencySaved', { currency: res.shopCurrency }) }),
    onError: (err) => notifyError(err, t),
  });
  const data = overview.data;
  if (!data) return null;
  const shop = data.shopCurrency;
  const usedBy = new Map(data.used.map((u) => [u.currency, u.orders]));
  // Every currency orders are in, every currency with a rate, and those the owner just added.
  const listed = [...new Set([...data.used.map((u) => u.currency), ...Object.keys(data.rates), ...added])].filter((c) => c !== shop);
  const option = (c: string) => ({ value: c, label: `${c} · ${currencyName(c, lang)}` });
  const shopOptions = [...new Set([shop, ...COMMON_CURRENCIES, ...data.used.map((u) => u.currency)])].map(option);
  const addable = COMMON_CURRENCIES.filter((c) => c !== shop && !listed.includes(c)).map(option);

  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap="xl">
        <div>
          <Text fz="sm" fw={500}>
            {t('settings.money.shopCurrency')}
          </Text>
          <Text fz="xs" c="dimmed" maw={420}>
            {t('settings.money.shopCurrencyHint')}
          </Text>
        </div>
        <Select
          aria-label={t('settings.money.shopCurrency')}
          data={shopOptions}
          value={shop}
          onChange={(v) => v && v !== shop && setShop.mutate(v)}
          searchable
          allowDeselect={false}
          w={240}
          disabled={setShop.isPending}
        />
      </Group>
      <Stack gap="sm">
        <div>
          <Text fz="sm" fw={500}>
            {t('settings.money.rates')}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('settings.money.ratesHint', { currency: shop })}
          </Text>
        </div>
        {listed.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('settings.money.allInShop', { currency: shop })}
          </Text>
        )}
        {listed.map((c) => (
          // Keyed by the rate too, so the field shows a rate that changed elsewhere (a new shop currency re-expresses them).
          <RateRow key={`${shop}:${c}:${data.rates[c] ?? ''}`} currency={c} shop={shop} rate={data.rates[c]} orders={usedBy.get(c) ?? 0} />
        ))}
        <Select
          aria-label={t('settings.money.addCurrency')}
          placeholder={t('settings.money.addCurrency')}
          data={addable}
          value={null}
          onChange={(v) => v && setAdded((a) => [...a, v])}
          searchable
          w={280}
        />
      </Stack>
    </>
  );
}
