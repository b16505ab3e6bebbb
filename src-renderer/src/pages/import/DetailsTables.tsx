// A run's rejected rows and merges, page by page from the core (a run can reject millions).
import { Anchor, Badge, Center, Group, Loader, Pagination, ScrollArea, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { problemText } from '../../../../src-main/shared/problems';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { labelOf, useImportFields } from './fields';

export const DETAILS_PAGE = 50;

const pageOf = (jobId: number, page: number) => ({ jobId, offset: (page - 1) * DETAILS_PAGE, limit: DETAILS_PAGE });

function useRejects(jobId: number, page: number) {
  return useQuery({
    queryKey: keys.importDetails(jobId, 'rejects', page),
    queryFn: () => api.import.rejects.query(pageOf(jobId, page)),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

function useMerges(jobId: number, page: number) {
  return useQuery({
    queryKey: keys.importDetails(jobId, 'merges', page),
    queryFn: () => api.import.merges.query(pageOf(jobId, page)),
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
  const lang = useLanguage();
  const [page, setPage] = useState(1);
  const q = useRejects(jobId, page);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data)
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  const { headers, rows, total } = q.data;
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
              const shown = r.cells.map((c, j) => (j < headers.length ? `${headers[j]}: ${c}` : c)).join(' · ');
              return (
                <Table.Tr key={`${r.line}-${i}`} data-testid="reject-row" data-line={r.line} data-code={r.problem?.code}>
                  <Table.Td className="tabular" fw={600}>
                    {r.line}
                  </Table.Td>
                  <Table.Td>{r.column || <Text c="dimmed">{t('import.result.wholeRow')}</Text>}</Table.Td>
                  {/* A run from before problems were codes has only the English words. */}
                  <Table.Td c="red">{r.problem ? problemText(lang, r.problem, r.text) : r.text}</Table.Td>
                  <Table.Td maw={360}>
                    <Text fz="xs" c="dimmed" lineClamp={2} title={shown}>
                      {r.cells.filter(Boolean).join(' · ')}
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
  const q = useMerges(jobId, page);
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
              // "Merged into": the line of this file, or "existing" (a customer from before).
              const intoLine = /^\d+$/.test(into ?? '') ? into : undefined;
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
