// The heart of the wizard: every column of the file, what it holds, and the Patron field it goes
// into. Giving a field to a column takes it from the column that had it.
import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import type { ImportFields, ImportKind, InspectResult } from '../../lib/api-types';
import { fieldLabel, requiredKeys } from './fields';

interface Props {
  info: InspectResult;
  fields: ImportFields;
  kind: ImportKind;
  mapping: Record<string, number>;
  onChange(mapping: Record<string, number>): void;
}

const SKIP = '';

export function MappingTable({ info, fields, kind, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const required = requiredKeys(fields, kind);
  const byColumn = new Map<number, string>(Object.entries(mapping).map(([field, col]) => [col, field]));
  const suggested = info.suggestions[kind].mapping;
  const options = [
    { value: SKIP, label: t('import.map.skip') },
    ...fields[kind].fields.map((f) => ({ value: f.key, label: `${fieldLabel(f, lang)}${required.has(f.key) ? ' *' : ''}` })),
  ];

  const setColumn = (column: number, field: string | null) => {
    const next: Record<string, number> = {};
    for (const [f, c] of Object.entries(mapping)) if (c !== column && f !== field) next[f] = c;
    if (field) next[field] = column;
    onChange(next);
  };

  return (
    <Table verticalSpacing={6} highlightOnHover data-testid="mapping-table" aria-label={t('import.map.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('import.map.column')}</Table.Th>
          <Table.Th>{t('import.map.sample')}</Table.Th>
          <Table.Th w={34} />
          <Table.Th w="30%">{t('import.map.field')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {info.headers.map((header, col) => {
          const field = byColumn.get(col) ?? null;
          const samples = info.sampleRows
            .map((r) => (r.cells[col] ?? '').trim())
            .filter(Boolean)
            .slice(0, 3);
          const auto = field !== null && suggested[field] === col;
          return (
            <Table.Tr key={col} data-testid="mapping-row" data-column={header}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fz="xs" c="dimmed" className="tabular" w={22}>
                    {col + 1}
                  </Text>
                  <Text fz="sm" fw={500} truncate>
                    {header || t('import.map.unnamed')}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="xs" c="dimmed" lineClamp={1} title={samples.join(' · ')}>
                  {samples.length ? samples.join(' · ') : t('import.map.emptyColumn')}
                </Text>
              </Table.Td>
              <Table.Td>
                <IconArrowRight size={14} color={field ? 'var(--mantine-color-indigo-5)' : 'var(--mantine-color-gray-5)'} />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Select
                    size="xs"
                    style={{ flex: 1 }}
                    data={options}
                    value={field ?? SKIP}
                    onChange={(v) => setColumn(col, v || null)}
                    allowDeselect={false}
                    searchable
                    aria-label={t('import.map.fieldFor', { column: header || col + 1 })}
                    styles={field ? undefined : { input: { color: 'var(--mantine-color-dimmed)' } }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  {auto && (
                    <Badge size="xs" variant="light" color="gray" title={t('import.map.autoHint')}>
                      {t('import.map.auto')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
