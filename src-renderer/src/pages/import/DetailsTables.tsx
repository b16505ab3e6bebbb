// A run's rejected rows and merges, page by page from the core (a run can reject millions).
import { Anchor, Badge, Center, Group, Loader, Pagination, ScrollArea, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { translateReason } from '../../lib/import-reasons';
import { keys } from '../../lib/query-keys';
import { labelOf, useImportFields } from './fields';

export const DETAILS_PAGE = 50;

function useDetails(jobId: number, which: 'rejects' | 'merges', page: number) {
  return useQuery({
    queryKey: keys.importDetails(jobId, which, page),
    queryFn: () => (which === 'rejects' ? api.import.rejects : api.import.merges).query({ jobId, offset: (page - 1) * DETAILS_PAGE, limit: DETAILS_PAGE }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

function Pager({ total, page, onPage }: { total: number; page: number; onPage(p: number): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pages = Math.ceil(total / DETAILS_PAGE);
  if (pages <= 1) return null;
  const from = (page - 1) * DETAILS_PAGE + 1;
  return (
    <Group justify="space-between" mt="sm">
      <Text fz="xs" c="dimmed" className="tabular">
        {t('import.result.showing', { from: formatNumber(from, lang), to: formatNumber(Math.min(total, page * DETAILS_PAGE), lang), total: formatNumber(total, lang) })}
      </Text>
      <Pagination size="sm" total={pages} value={page} onChange={onPage} getControlProps={() => ({ 'aria-label': t('import.result.page') })} />
    </Group>
  );
}

export function RejectsTable({ jobId }: { jobId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useDetails(jobId, 'rejects', page);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data)
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  const { headers, rows, total } = q.data;
  // rejected.csv: the file's own columns, then Line, Problem column, Problem (then any extra cells of a ragged row).
  const at = headers.length - 3;
  const fileHeaders = headers.slice(0, at);
  return (
    <>
      <ScrollArea type="auto" offsetScrollbars>
        <Table verticalSpacing={6} fz="sm" striped data-testid="rejects-table" miw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('import.preview.line')}</Table.Th>
              <Table.Th w={140}>{t('import.result.column')}</Table.Th>
              <Table.Th>{t('import.result.problem')}</Table.Th>
              <Table.Th w="32%">{t('import.result.rowValues')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const cells = r.slice(0, at);
              const shown = cells.map((c, j) => `${fileHeaders[j]}: ${c}`).join(' · ');
              return (
                <Table.Tr key={`${r[at]}-${i}`} data-testid="reject-row" data-line={r[at]}>
                  <Table.Td className="tabular" fw={600}>
                    {r[at]}
                  </Table.Td>
                  <Table.Td>{r[at + 1] || <Text c="dimmed">{t('import.result.wholeRow')}</Text>}</Table.Td>
                  <Table.Td c="red">{translateReason(r[at + 2] ?? '')}</Table.Td>
                  <Table.Td maw={360}>
                    <Text fz="xs" c="dimmed" lineClamp={2} title={shown}>
                      {cells.filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={total} page={page} onPage={setPage} />
    </>
  );
}

const camelToSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function MergesTable({ jobId }: { jobId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fields = useImportFields();
  const [page, setPage] = useState(1);
  const q = useDetails(jobId, 'merges', page);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data)
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <>
      <ScrollArea type="auto" offsetScrollbars>
        <Table verticalSpacing={6} fz="sm" striped data-testid="merges-table" miw={700}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('import.preview.line')}</Table.Th>
              <Table.Th>{t('import.merges.customer')}</Table.Th>
              <Table.Th w={120}>{t('import.merges.matchedBy')}</Table.Th>
              <Table.Th>{t('import.merges.into')}</Table.Th>
              <Table.Th>{t('import.merges.changed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.rows.map(([line, id, name, by, into, changed], i) => {
              const intoLine = /^line (\d+)$/.exec(into ?? '')?.[1];
              const what = (changed ?? '')
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
                .map((k) => labelOf(fields.data, 'customers', camelToSnake(k), lang))
                .join(sep);
              return (
                <Table.Tr key={`${line}-${i}`} data-testid="merge-row">
                  <Table.Td className="tabular" fw={600}>
                    {line}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} href={`/customers/${id}`} fz="sm">
                      {name || `#${id}`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color="gray">
                      {by === 'phone' ? t('import.merges.byPhone') : t('import.merges.byEmail')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{intoLine ? t('import.merges.intoLine', { line: intoLine }) : t('import.merges.intoExisting')}</Table.Td>
                  <Table.Td c={what ? undefined : 'dimmed'}>{what || t('import.merges.nothing')}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={q.data.total} page={page} onPage={setPage} />
    </>
  );
}
