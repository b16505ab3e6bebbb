// How the file is read, as detected, each setting changeable: text encoding, delimiter and header
// row for CSV; the sheet and header row for a workbook.
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconInfoCircle, IconReplace } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import type { InspectResult } from '../../lib/api-types';
import { formatBytes, formatNumber } from '../../lib/format';
import { setWizard, type Source } from './wizard-store';

const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'shift_jis', 'windows-1252'] as const;
const DELIMITERS = [',', '\t', ';', '|'] as const;
type Delimiter = (typeof DELIMITERS)[number];
const DELIMITER_KEY: Record<Delimiter, 'comma' | 'tab' | 'semicolon' | 'bar'> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'bar' };

export function ReadSettings({ info, source }: { info: InspectResult | undefined; source: Source }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const change = (patch: Partial<Source>) => setWizard((s) => ({ source: { ...s.source!, ...patch } }));
  const encodingLabel = (e: string) => (ENCODINGS.includes(e as (typeof ENCODINGS)[number]) ? t(`import.read.encodings.${e as (typeof ENCODINGS)[number]}`) : e.toUpperCase());
  const encodings = info?.encoding && !ENCODINGS.includes(info.encoding as (typeof ENCODINGS)[number]) ? [info.encoding, ...ENCODINGS] : [...ENCODINGS];
  return (
    <Paper p="md" radius="md" data-testid="import-read-settings">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconFileSpreadsheet size={22} stroke={1.6} color="var(--mantine-color-indigo-6)" />
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate data-testid="import-file-name">
                {info ? info.fileName : '…'}
              </Text>
              {info && (
                <Text fz="xs" c="dimmed" className="tabular">
                  {[
                    info.format === 'xlsx' ? t('import.read.xlsx') : t('import.read.csv'),
                    formatBytes(info.size, lang),
                    info.estimatedRows != null ? t('import.read.rows', { count: info.estimatedRows, n: formatNumber(info.estimatedRows, lang) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
            </div>
          </Group>
          <Button variant="default" size="xs" leftSection={<IconReplace size={14} />} onClick={() => setWizard({ step: 'file' })}>
            {t('import.read.another')}
          </Button>
        </Group>
        {info && (
          <Group gap="md" align="flex-end">
            {info.format === 'csv' ? (
              <>
                {/* The "detected" badge sits by the label, not inside the box: the box keeps its whole
                    width for the longest name ("GBK / GB18030 (Chinese Excel)"). */}
                <Select
                  label={
                    <Group gap={6} component="span" wrap="nowrap">
                      {t('import.read.encoding')}
                      {!source.encoding && (
                        <Badge size="xs" variant="light" color="gray" component="span">
                          {t('import.read.detected')}
                        </Badge>
                      )}
                    </Group>
                  }
                  w={290}
                  size="xs"
                  data={encodings.map((e) => ({ value: e, label: encodingLabel(e) }))}
                  value={source.encoding ?? info.encoding}
                  onChange={(v) => v && change({ encoding: v })}
                  allowDeselect={false}
                  data-testid="import-encoding"
                />
                <Select
                  label={t('import.read.delimiter')}
                  w={170}
                  size="xs"
                  data={DELIMITERS.map((d) => ({ value: d, label: t(`import.read.delimiters.${DELIMITER_KEY[d]}`) }))}
                  value={source.delimiter ?? info.delimiter}
                  onChange={(v) => v && change({ delimiter: v as Delimiter })}
                  allowDeselect={false}
                />
              </>
            ) : (
              <Select
                label={t('import.read.sheet')}
                w={240}
                size="xs"
                data={info.sheets}
                value={source.sheet ?? info.sheet}
                onChange={(v) => v && change({ sheet: v })}
                allowDeselect={false}
              />
            )}
            <NumberInput
              label={t('import.read.headerLine')}
              description={t('import.read.headerLineHint')}
              w={200}
              size="xs"
              min={0}
              max={100_000}
              value={source.headerLine ?? info.headerLine}
              onChange={(v) => typeof v === 'number' && v !== (source.headerLine ?? info.headerLine) && change({ headerLine: v })}
              allowDecimal={false}
            />
          </Group>
        )}
        {info?.format === 'xlsx' && info.sheets.length > 1 && info.headers.length <= 1 && (
          <Alert color="yellow" variant="light" p="xs" icon={<IconInfoCircle size={16} />}>
            <Text fz="xs">{t('import.read.otherSheets', { sheets: info.sheets.filter((s) => s !== info.sheet).join(lang === 'zh' ? '、' : ', ') })}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
