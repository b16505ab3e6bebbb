// "Export" on a list: pick CSV or Excel once (remembered), then the list. The file is written by
// the core as a job and arrives as a download (lib/exporter.tsx).
import { Button, Menu, SegmentedControl, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportList } from '../lib/api-types';
import { runExport } from '../lib/exporter';
import { useProfile } from './privacy/profile-context';

export interface ExportChoice {
  /** Shown in the menu: "Customers in this list (1,234)". */
  label: string;
  /** Shown while it runs and when it is saved: "Customers". */
  name: string;
  list: ExportList;
  icon?: ReactNode;
  disabled?: boolean;
  /** A heading above this item. */
  group?: string;
}

export function ExportMenu({ choices, variant = 'default', size = 'sm' }: { choices: ExportChoice[]; variant?: 'default' | 'subtle'; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [format, setFormat] = useLocalStorage<'csv' | 'xlsx'>({ key: 'patron.export-format', defaultValue: 'csv' });
  // Exports are the owner's (the core refuses staff too: privacy/permissions.ts).
  const { isOwner } = useProfile();
  if (!isOwner) return null;
  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal>
      <Menu.Target>
        <Button variant={variant} size={size} leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="export-menu">
        <Menu.Label>{t('export.format')}</Menu.Label>
        <SegmentedControl
          fullWidth
          size="xs"
          mx={6}
          mb={4}
          value={format}
          onChange={(v) => setFormat(v as 'csv' | 'xlsx')}
          aria-label={t('export.format')}
          data={[
            { value: 'csv', label: t('export.csv') },
            { value: 'xlsx', label: t('export.xlsx') },
          ]}
        />
        <Text fz="xs" c="dimmed" px={10} pb={4}>
          {format === 'csv' ? t('export.csvHint') : t('export.xlsxHint')}
        </Text>
        {choices.map((c, i) => (
          <div key={`${c.list.kind}-${i}`}>
            {c.group && (
              <>
                <Menu.Divider />
                <Menu.Label>{c.group}</Menu.Label>
              </>
            )}
            {!c.group && i === 0 && <Menu.Divider />}
            <Menu.Item leftSection={c.icon} disabled={c.disabled} onClick={() => void runExport({ input: { list: c.list, format }, label: c.name }, t)}>
              {c.label}
            </Menu.Item>
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
