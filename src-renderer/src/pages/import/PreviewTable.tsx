// The first rows as Patron will store them (dates read, amounts in money, phones normalised), each
// with what will happen to it; a rejected row says which column is wrong and why.
import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../../src-main/shared/problems';
import { useLanguage } from '../../hooks/useLanguage';
import type { Messages } from '../../i18n/en';
import type { Language } from '../../i18n';
import type { ImportKind, PreviewResult, PreviewRow } from '../../lib/api-types';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';

type Values = Record<string, unknown>;
type Person = { name: string | null; email: string | null; phone: string | null };

const STATUS_COLOR: Record<PreviewRow['status'], string> = {
  created: 'teal',
  updated: 'indigo',
  unchanged: 'gray',
  merged: 'violet',
  existing: 'gray',
  duplicate: 'gray',
  rejected: 'red',
};

const str = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));
const person = (p: Person | undefined) => (p ? [p.name, p.email ?? p.phone].filter(Boolean).join(' · ') : '');

interface Col {
  /** Its heading's key under import.preview.cols. */
  key: keyof Messages['import']['preview']['cols'];
  cell(v: Values, lang: Language, t: TFunction): ReactNode;
}

const COLUMNS: Record<ImportKind, Col[]> = {
  customers: [
    { key: 'name', cell: (v) => str(v.name) },
    { key: 'email', cell: (v) => str(v.email) },
    { key: 'phone', cell: (v) => str(v.phone) },
    { key: 'company', cell: (v) => str(v.company) },
    { key: 'city', cell: (v) => [v.city, v.country].filter(Boolean).join(', ') },
    { key: 'tags', cell: (v) => ((v.tags as string[] | undefined) ?? []).join(', ') },
    { key: 'since', cell: (v, lang) => (typeof v.createdAt === 'number' ? formatDate(v.createdAt, lang) : '') },
  ],
  orders: [
    { key: 'orderNo', cell: (v) => str(v.orderNo) },
    { key: 'date', cell: (v, lang) => (typeof v.orderedAt === 'number' ? formatDateTime(v.orderedAt, lang) : '') },
    { key: 'customer', cell: (v) => person(v.person as Person) },
    {
      key: 'product',
      cell: (v) => {
        const item = v.item as { name: string; quantity: number } | null;
        return item ? `${item.name} × ${item.quantity}` : '';
      },
    },
    {
      key: 'unitPrice',
      cell: (v, lang) => {
        const item = v.item as { unitPriceCents: number } | null;
        return item ? formatMoney(item.unitPriceCents, lang, str(v.currency) || 'CNY') : '';
      },
    },
    { key: 'orderTotal', cell: (v, lang) => (typeof v.orderTotalCents === 'number' ? formatMoney(v.orderTotalCents, lang, str(v.currency) || 'CNY') : '') },
    { key: 'status', cell: (v, _l, t) => t(`timeline.orderStatus.${str(v.status) as 'paid'}`, { defaultValue: str(v.status) }) },
  ],
  interactions: [
    { key: 'date', cell: (v, lang) => (typeof v.occurredAt === 'number' ? formatDateTime(v.occurredAt, lang) : '') },
    { key: 'customer', cell: (v) => person(v.person as Person) },
    { key: 'channel', cell: (v, _l, t) => t(`channels.${str(v.channel) as 'email'}`, { defaultValue: str(v.channel) }) },
    { key: 'direction', cell: (v, _l, t) => (v.direction === 'outbound' ? t('timeline.outbound') : t('timeline.inbound')) },
    { key: 'message', cell: (v) => [v.subject, v.body].filter(Boolean).join(' — ') },
  ],
  feedback: [
    { key: 'date', cell: (v, lang) => (typeof v.occurredAt === 'number' ? formatDate(v.occurredAt, lang) : '') },
    { key: 'customer', cell: (v) => person(v.person as Person) },
    { key: 'type', cell: (v, _l, t) => t(`timeline.feedback.${str(v.kind) as 'review'}`, { defaultValue: str(v.kind) }) },
    { key: 'rating', cell: (v) => (v.rating != null ? '★'.repeat(Number(v.rating)) : v.nps != null ? `NPS ${v.nps}` : '') },
    { key: 'text', cell: (v) => str(v.body) },
    { key: 'product', cell: (v) => str(v.productName ?? v.productSku) },
  ],
};

export function PreviewTable({ kind, preview }: { kind: ImportKind; preview: PreviewResult }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cols = COLUMNS[kind];
  const problemColumn = new Map(preview.rejects.map((r) => [r.line, r.column]));
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table verticalSpacing={6} fz="sm" striped highlightOnHover data-testid="preview-table" miw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('import.preview.line')}</Table.Th>
            <Table.Th w={120}>{t('import.preview.outcome')}</Table.Th>
            {cols.map((c) => (
              <Table.Th key={c.key}>{t(`import.preview.cols.${c.key}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((r) => {
            const v = (r.values ?? null) as Values | null;
            const column = problemColumn.get(r.line);
            return (
              <Table.Tr key={r.line} data-testid="preview-row" data-status={r.status} data-line={r.line}>
                <Table.Td className="tabular" c="dimmed">
                  {r.line}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
                    {t(`import.status.${r.status}`)}
                  </Badge>
                </Table.Td>
                {r.status === 'rejected' ? (
                  <Table.Td colSpan={cols.length}>
                    <Text fz="sm" c="red">
                      {column ? <b>{t('import.preview.inColumn', { column })} </b> : null}
                      {r.problem ? problemText(lang, r.problem) : null}
                    </Text>
                  </Table.Td>
                ) : (
                  cols.map((c) => (
                    <Table.Td key={c.key} maw={260}>
                      <Text fz="sm" truncate>
                        {v ? c.cell(v, lang, t) : ''}
                      </Text>
                    </Table.Td>
                  ))
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
