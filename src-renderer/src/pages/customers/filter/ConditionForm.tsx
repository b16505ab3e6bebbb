// One condition being edited, in a chip's popover: the field, the operator, a value input that
// fits the field's type (text, number, money in whole shop-currency units, a date, a multi-select
// of an enum's names or the shop's tags), and "not". Enter applies, Escape closes (the popover).
import { Autocomplete, Button, Group, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFilter, type FilterCondition, type FilterField } from '../../../../../src-main/shared/filters';
import { api } from '../../../api/client';
import { useMoney } from '../../../hooks/useMoney';
import { keys } from '../../../lib/query-keys';
import { defaultValue, enumValues, FIELD_GROUPS, fieldType, opsOf, valueLabel } from './describe';

/** Inputs inside the popover keep their dropdowns in it: a click on an option is not "outside". */
const INSIDE = { withinPortal: false } as const;

type LooseT = (key: string, options?: Record<string, unknown>) => string;

interface Props {
  initial: FilterCondition;
  /** Called on every edit, for the live count. */
  onDraft(c: FilterCondition): void;
  onApply(c: FilterCondition): void;
  onRemove?(): void;
  /** Escape: a list open in one of the inputs closes first, then the popover. */
  onClose(): void;
  /** "1,234 customers match", worked out by the editor from the whole filter with this draft in it. */
  count: ReactNode;
  segmentNames?: Record<string, string | null>;
  /** Focus the value when the popover opens (editing a chip), else the field (a new condition). */
  focusValue?: boolean;
}

export function isComplete(c: FilterCondition): boolean {
  return checkFilter({ match: 'all', conditions: [c] }).length === 0;
}

export function ConditionForm({ initial, onDraft, onApply, onRemove, onClose, count, segmentNames, focusValue = false }: Props) {
  const { t } = useTranslation();
  const tt = t as unknown as LooseT;
  const [c, setC] = useState<FilterCondition>(initial);
  const type = fieldType(c.field);
  useEffect(() => onDraft(c), [c, onDraft]);

  const fieldData = (Object.keys(FIELD_GROUPS) as (keyof typeof FIELD_GROUPS)[]).map((g) => ({
    group: t(`lists.fieldGroups.${g}`),
    items: FIELD_GROUPS[g].map((f) => ({ value: f, label: tt(`lists.fields.${f}`) })),
  }));
  const setField = (field: FilterField) => {
    if (field === c.field) return;
    // Keep the operator when the new field has it ("over" from spend to orders), else its first.
    const ops = opsOf(field);
    const op = (ops.includes(c.op) ? c.op : ops[0]) as FilterCondition['op'];
    const sameType = fieldType(field) === type && fieldType(field) !== 'enum';
    setC({ field, op, value: sameType ? c.value : defaultValue(fieldType(field), op), ...(c.not ? { not: true } : {}) });
  };
  const setOp = (op: FilterCondition['op']) => {
    const keep = (op === 'between') === (c.op === 'between') && op !== 'is_empty' && c.op !== 'is_empty';
    setC({ ...c, op, value: keep ? c.value : defaultValue(type, op) });
  };
  const complete = isComplete(c);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) onApply(c);
      }}
      onKeyDown={(e) => {
        // The input's own handler has just closed its list; the DOM still says it was open.
        if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') {
          e.stopPropagation();
          onClose();
        }
      }}
      data-testid="condition-form"
    >
      <Stack gap="sm" w={340}>
        <Select
          label={t('lists.editor.field')}
          data={fieldData}
          value={c.field}
          onChange={(v) => v && setField(v as FilterField)}
          searchable
          allowDeselect={false}
          comboboxProps={INSIDE}
          maxDropdownHeight={280}
          // Its list would cover the inputs below the moment the popover opens.
          openOnFocus={false}
          data-autofocus={focusValue ? undefined : true}
        />
        <Select
          label={t('lists.editor.op')}
          data={opsOf(c.field).map((op) => ({ value: op, label: tt(`lists.ops.${op}`) }))}
          value={c.op}
          onChange={(v) => v && setOp(v as FilterCondition['op'])}
          allowDeselect={false}
          comboboxProps={INSIDE}
        />
        <ValueInput c={c} onChange={(value) => setC({ ...c, value })} segmentNames={segmentNames} autoFocus={focusValue} />
        <Switch label={t('lists.editor.not')} checked={Boolean(c.not)} onChange={(e) => setC({ ...c, not: e.currentTarget.checked || undefined })} />
        <Text fz="sm" c="dimmed" className="tabular" data-testid="condition-count" aria-live="polite">
          {complete ? count : t('lists.editor.invalid')}
        </Text>
        <Group justify="space-between">
          {onRemove ? (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              {t('lists.editor.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs" align="center">
            <Text fz="xs" c="dimmed">
              {t('lists.editor.keys')}
            </Text>
            <Button type="submit" size="xs" disabled={!complete}>
              {t('lists.editor.apply')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function ValueInput({
  c,
  onChange,
  segmentNames,
  autoFocus,
}: {
  c: FilterCondition;
  onChange(v: FilterCondition['value']): void;
  segmentNames?: Record<string, string | null>;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const { shopCurrency } = useMoney();
  const type = fieldType(c.field);
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => api.tags.list.query(), enabled: type === 'tags' });
  const cities = useQuery({ queryKey: keys.cities, queryFn: () => api.customers.cities.query(), enabled: c.field === 'city' });
  const label = t('lists.editor.value');
  // The popover's focus trap starts at the element marked data-autofocus.
  const focus = { 'data-autofocus': autoFocus || undefined };
  if (c.op === 'is_empty') return null;

  if (c.op === 'in') {
    const data =
      type === 'tags'
        ? (tags.data ?? []).map((tag) => ({ value: tag.name, label: tag.name }))
        : enumValues(c.field).map((v) => ({ value: v, label: valueLabel(c.field, v, t, segmentNames) }));
    return (
      <MultiSelect
        label={t('lists.editor.values')}
        placeholder={t('lists.editor.pickValues')}
        data={data}
        value={Array.isArray(c.value) ? (c.value as string[]) : []}
        onChange={onChange}
        searchable
        nothingFoundMessage={type === 'tags' ? t('lists.editor.noTags') : t('common.none')}
        comboboxProps={INSIDE}
        maxDropdownHeight={240}
        openOnFocus={false}
        {...focus}
      />
    );
  }

  if (type === 'text') {
    const value = typeof c.value === 'string' ? c.value : '';
    if (c.field === 'city')
      return (
        <Autocomplete
          label={label}
          placeholder={t('lists.editor.typeValue')}
          data={[...new Set((cities.data ?? []).map((x) => x.city))]}
          value={value}
          onChange={onChange}
          comboboxProps={INSIDE}
          limit={20}
          openOnFocus={false}
          {...focus}
        />
      );
    return <TextInput {...focus} label={label} placeholder={t('lists.editor.typeValue')} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
  }

  if (type === 'date') {
    if (c.op === 'between') {
      const [lo, hi] = Array.isArray(c.value) ? (c.value as string[]) : ['', ''];
      return (
        <Group grow gap="xs">
          <TextInput {...focus} type="date" label={t('lists.editor.low')} value={lo ?? ''} onChange={(e) => onChange([e.currentTarget.value, hi ?? ''])} />
          <TextInput type="date" label={t('lists.editor.high')} value={hi ?? ''} onChange={(e) => onChange([lo ?? '', e.currentTarget.value])} />
        </Group>
      );
    }
    return <TextInput {...focus} type="date" label={label} value={typeof c.value === 'string' ? c.value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }

  // number or money: money in whole shop-currency units, with the currency's symbol in front.
  const symbol = type === 'money' ? currencySymbol(shopCurrency) : undefined;
  const days = c.field === 'days_since_last_order' || c.field === 'days_since_first_order';
  // Churn risk and P(alive) are typed as percents, 0–100.
  const percent = c.field === 'churn_risk' || c.field === 'p_alive';
  const num = (v: string | number) => (v === '' || v == null ? undefined : Number(v));
  const common = {
    thousandSeparator: ',',
    prefix: symbol,
    suffix: percent ? '%' : undefined,
    min: 0,
    max: percent ? 100 : undefined,
    allowNegative: false,
    decimalScale: type === 'money' ? 2 : days || c.field === 'order_count' ? 0 : 2,
    rightSection: days ? (
      <Text fz="xs" c="dimmed" pr={6}>
        {t('lists.editor.daysUnit')}
      </Text>
    ) : undefined,
    rightSectionWidth: days ? 36 : undefined,
    description: c.field === 'cluster' ? t('lists.editor.clusterHint') : undefined,
  };
  if (c.op === 'between') {
    const [lo, hi] = Array.isArray(c.value) ? (c.value as number[]) : [undefined, undefined];
    const pair = (a: number | undefined, b: number | undefined) => onChange(a == null || b == null ? ([a, b] as unknown as [number, number]) : [a, b]);
    return (
      <Group grow gap="xs">
        <NumberInput {...common} {...focus} label={t('lists.editor.low')} value={lo ?? ''} onChange={(v) => pair(num(v), hi)} />
        <NumberInput {...common} label={t('lists.editor.high')} value={hi ?? ''} onChange={(v) => pair(lo, num(v))} />
      </Group>
    );
  }
  return <NumberInput {...common} {...focus} label={label} value={typeof c.value === 'number' ? c.value : ''} onChange={(v) => onChange(num(v))} />;
}

function currencySymbol(currency: string): string {
  const part = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency');
  return part?.value ?? currency;
}
