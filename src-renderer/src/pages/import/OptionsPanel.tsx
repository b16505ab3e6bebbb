// How values are read and what happens to matches: only the settings that matter for this kind of
// file, each with a line saying what it changes.
import { Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import { CHANNELS, type ImportKind } from '../../lib/api-types';
import type { FullOptions } from './wizard-store';

const COUNTRIES = ['CN', 'HK', 'MO', 'TW', 'SG', 'MY', 'JP', 'KR', 'US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'AU', 'NZ'];
const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'SGD', 'MYR', 'JPY', 'KRW', 'USD', 'CAD', 'GBP', 'EUR', 'AUD', 'NZD'];

function Setting({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500}>
        {label}
      </Text>
      {children}
      <Text fz="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

export function OptionsPanel({ kind, options, onChange }: { kind: ImportKind; options: FullOptions; onChange(patch: Partial<FullOptions>): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const regionName = new Intl.DisplayNames([locale], { type: 'region' });
  const currencyName = new Intl.DisplayNames([locale], { type: 'currency' });
  const countries = [...new Set([options.defaultCountry, ...COUNTRIES])].map((c) => ({ value: c, label: `${regionName.of(c) ?? c} (${c})` }));
  const currencies = [...new Set([options.currency, ...CURRENCIES])].map((c) => ({ value: c, label: `${c} · ${currencyName.of(c) ?? c}` }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md" data-testid="import-options">
      <Setting label={t('import.options.dateOrder')} hint={t('import.options.dateOrderHint')}>
        <SegmentedControl
          size="xs"
          value={options.dateOrder}
          onChange={(v) => onChange({ dateOrder: v as FullOptions['dateOrder'] })}
          aria-label={t('import.options.dateOrder')}
          data={[
            { value: 'DMY', label: t('import.options.dmy') },
            { value: 'MDY', label: t('import.options.mdy') },
          ]}
        />
      </Setting>
      <Setting label={t('import.options.decimal')} hint={t('import.options.decimalHint')}>
        <SegmentedControl
          size="xs"
          value={options.decimalComma ? 'comma' : 'point'}
          onChange={(v) => onChange({ decimalComma: v === 'comma' })}
          aria-label={t('import.options.decimal')}
          data={[
            { value: 'point', label: t('import.options.decimalPoint') },
            { value: 'comma', label: t('import.options.decimalComma') },
          ]}
        />
      </Setting>
      <Setting label={t('import.options.country')} hint={t('import.options.countryHint')}>
        <Select
          size="xs"
          data={countries}
          value={options.defaultCountry}
          onChange={(v) => v && onChange({ defaultCountry: v })}
          allowDeselect={false}
          searchable
          aria-label={t('import.options.country')}
        />
      </Setting>
      {kind === 'orders' && (
        <Setting label={t('import.options.currency')} hint={t('import.options.currencyHint')}>
          <Select
            size="xs"
            data={currencies}
            value={options.currency}
            onChange={(v) => v && onChange({ currency: v })}
            allowDeselect={false}
            searchable
            aria-label={t('import.options.currency')}
          />
        </Setting>
      )}
      {kind === 'interactions' && (
        <Setting label={t('import.options.channel')} hint={t('import.options.channelHint')}>
          <Select
            size="xs"
            data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            value={options.defaultChannel}
            onChange={(v) => v && onChange({ defaultChannel: v as FullOptions['defaultChannel'] })}
            allowDeselect={false}
            aria-label={t('import.options.channel')}
          />
        </Setting>
      )}
      <Setting label={t('import.options.onMatch')} hint={options.onMatch === 'fill' ? t('import.options.fillHint') : t('import.options.overwriteHint')}>
        <SegmentedControl
          size="xs"
          value={options.onMatch}
          onChange={(v) => onChange({ onMatch: v as FullOptions['onMatch'] })}
          aria-label={t('import.options.onMatch')}
          data={[
            { value: 'fill', label: t('import.options.fill') },
            { value: 'overwrite', label: t('import.options.overwrite') },
          ]}
        />
      </Setting>
      {kind !== 'customers' && (
        <Setting label={t('import.options.unknown')} hint={options.createCustomers ? t('import.options.createHint') : t('import.options.rejectHint')}>
          <Group>
            <Switch
              checked={options.createCustomers}
              onChange={(e) => onChange({ createCustomers: e.currentTarget.checked })}
              label={t('import.options.create')}
              size="sm"
            />
          </Group>
        </Setting>
      )}
    </SimpleGrid>
  );
}
