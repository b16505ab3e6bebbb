// The period picker: presets counted back from the analysis day, or two dates; and week or month.
import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Bucket } from './periods';
import { PRESETS, type Preset } from './range';

export interface RangeState {
  preset: Preset;
  customFrom: string;
  customTo: string;
  bucket: Bucket;
}

export function RangeBar({ value, onChange }: { value: RangeState; onChange: (next: Partial<RangeState>) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" align="flex-end" data-testid="dashboard-range">
      <Select
        size="sm"
        w={170}
        aria-label={t('dash.range.label')}
        allowDeselect={false}
        value={value.preset}
        onChange={(v) => v && onChange({ preset: v as Preset })}
        data={PRESETS.map((p) => ({ value: p, label: t(`dash.range.${p}`) }))}
        data-testid="dashboard-preset"
      />
      {value.preset === 'custom' && (
        <>
          <TextInput size="sm" type="date" w={150} aria-label={t('dash.range.from')} value={value.customFrom} max={value.customTo} onChange={(e) => onChange({ customFrom: e.currentTarget.value })} />
          <TextInput size="sm" type="date" w={150} aria-label={t('dash.range.to')} value={value.customTo} min={value.customFrom} onChange={(e) => onChange({ customTo: e.currentTarget.value })} />
        </>
      )}
      <SegmentedControl
        size="sm"
        aria-label={t('dash.bucket.label')}
        value={value.bucket}
        onChange={(v) => onChange({ bucket: v === 'month' ? 'month' : 'week' })}
        data={[
          { value: 'week', label: t('dash.bucket.week') },
          { value: 'month', label: t('dash.bucket.month') },
        ]}
      />
    </Group>
  );
}
