import { Badge, Box, Button, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { Aspect, Feeling } from '../../../../src-main/shared/sentiment';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconUserSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { EMPTY_FILTER, type Filter } from '../../../../src-main/shared/filters';
import { api } from '../../api/client';
import { HEADER_HEIGHT } from '../../lib/layout';
import { CustomerFormModal } from '../../components/CustomerFormModal';
import { ExportMenu, type ExportChoice } from '../../components/ExportMenu';
import { QueryError } from '../../components/QueryError';
import { useCustomerTotal, type ListParams, type SortKey } from '../../hooks/useCustomerPages';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { keys } from '../../lib/query-keys';
import { CustomerFilters } from './CustomerFilters';
import { CustomerTable } from './CustomerTable';
import { AskBox } from './AskBox';
import { FilterEditor } from './filter/FilterEditor';
import { customersHref, readFilterUrl, sameFilter } from './filter/filter-url';
import { ListBar } from './ListBar';
import { SampleJobBanner } from './SampleJobBanner';
import { SAMPLE_KIND } from '../../hooks/useSampleLoad';
import { StartScreen } from './StartScreen';

// Numbers and dates read best biggest/newest first; names and cities A to Z.
const DEFAULT_DIR: Record<SortKey, 'asc' | 'desc'> = { name: 'asc', city: 'asc', totalSpent: 'desc', orderCount: 'desc', lastOrderAt: 'desc' };

export function CustomersPage() {
  const [, navigate] = useLocation();
  const overview = useQuery({ queryKey: keys.overview, queryFn: () => api.app.overview.query() });
  const [creating, setCreating] = useState(false);
  const sampleJob = useJobs().active.find((j) => j.kind === SAMPLE_KIND);

  const form = <CustomerFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/customers/${id}`)} />;

  if (overview.error) return <QueryError error={overview.error} onRetry={() => overview.refetch()} />;
  if (!overview.data) return <Loader m="xl" />;
  if (overview.data.customers === 0)
    return (
      <>
        <StartScreen onAddCustomer={() => setCreating(true)} />
        {form}
      </>
    );
  return (
    <>
      <CustomerList onNew={() => setCreating(true)} sampleJob={sampleJob} />
      {form}
    </>
  );
}

function CustomerList({ onNew, sampleJob }: { onNew(): void; sampleJob: ReturnType<typeof useJobs>['active'][number] | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [, navigate] = useLocation();
  const searchString = useSearch();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 200);
  const [tagId, setTagId] = useState<number | undefined>();
  const [city, setCity] = useState<string | undefined>();
  const [feeling, setFeeling] = useState<Feeling | undefined>();
  const [aspect, setAspect] = useState<Aspect | undefined>();
  const [sort, setSort] = useState<{ sort: SortKey; dir: 'asc' | 'desc' }>({ sort: 'name', dir: 'asc' });
  const listRef = useRef<HTMLDivElement>(null);

  // The smart-list filter and the open list travel in the address (filter/filter-url.ts).
  const url = useMemo(() => readFilterUrl(searchString), [searchString]);
  const list = useQuery({
    queryKey: [...keys.listsAll, 'get', url.listId],
    queryFn: () => api.lists.get.query({ id: url.listId! }),
    enabled: url.listId != null,
    retry: false,
  });
  const urlFilter = url.filter === 'bad' ? null : url.filter;
  const filter: Filter = urlFilter ?? list.data?.filter ?? EMPTY_FILTER;
  const edited = list.data != null && urlFilter != null && !sameFilter(urlFilter, list.data.filter);
  // A segment the person renamed is shown by their name (the segments page's overview, same key).
  const usesSegments = JSON.stringify(filter).includes('"rfm_segment"');
  const segmentsOverview = useQuery({
    queryKey: [...keys.segmentsAll, 'overview'],
    queryFn: () => api.segments.overview.query({}),
    enabled: usesSegments,
    staleTime: 60_000,
  });
  const segmentNames = useMemo(
    () => Object.fromEntries((segmentsOverview.data?.segments ?? []).map((s) => [s.code, s.customName])),
    [segmentsOverview.data],
  );
  const goTo = (to: { listId?: number; filter?: Filter }, replace = false) => navigate(customersHref(to), { replace });
  const setFilter = (next: Filter) => {
    const listId = url.listId ?? undefined;
    goTo({ listId, filter: list.data && sameFilter(next, list.data.filter) ? undefined : next }, true);
  };

  const params: ListParams = useMemo(
    () => ({
      ...(debouncedSearch ? { search: debouncedSearch } : {}),
      ...(tagId ? { tagId } : {}),
      ...(city ? { city } : {}),
      ...(feeling ? { feeling } : {}),
      ...(aspect ? { aspect } : {}),
      ...(filter.conditions.length > 0 ? { filter } : {}),
      ...sort,
    }),
    [debouncedSearch, tagId, city, feeling, aspect, filter, sort],
  );
  const first = useCustomerTotal(params);
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => api.tags.list.query() });
  const tagColors = useMemo(() => new Map((tags.data ?? []).map((tag) => [tag.name, tag.color])), [tags.data]);
  const filtered = Boolean(debouncedSearch || tagId || city || feeling || aspect || filter.conditions.length > 0);
  const total = first.data?.total ?? 0;

  const exportChoices: ExportChoice[] = [
    {
      label: filtered ? t('export.lists.customersFiltered', { n: formatNumber(total, lang) }) : t('export.lists.customersAll', { n: formatNumber(total, lang) }),
      name: list.data?.name ?? t('export.names.customers'),
      list: { kind: 'customers', filter: params },
      disabled: total === 0,
    },
    { group: t('export.everything'), label: t('export.lists.orders'), name: t('export.names.orders'), list: { kind: 'orders' } },
    { label: t('export.lists.orderLines'), name: t('export.names.orderLines'), list: { kind: 'order_lines' } },
    { label: t('export.lists.messages'), name: t('export.names.messages'), list: { kind: 'messages' } },
    { label: t('export.lists.feedback'), name: t('export.names.feedback'), list: { kind: 'feedback' } },
  ];

  const onSort = (key: SortKey) =>
    setSort((s) => (s.sort === key ? { sort: key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: DEFAULT_DIR[key] }));
  const clear = () => {
    setSearch('');
    setTagId(undefined);
    setCity(undefined);
    setFeeling(undefined);
    setAspect(undefined);
    if (filter.conditions.length > 0) setFilter(EMPTY_FILTER);
  };

  return (
    <Stack gap="md" h={`calc(100dvh - ${HEADER_HEIGHT}px - 2 * var(--mantine-spacing-lg))`}>
      <Group justify="space-between" align="flex-end">
        <Group gap="md" align="baseline">
          <Title order={2} data-testid="customers-title">
            {list.data?.name ?? t('customers.title')}
          </Title>
          {list.data && (
            <Badge variant="light" color="indigo" size="sm">
              {t('lists.save.smartList')}
            </Badge>
          )}
          {first.data && (
            <Text c="dimmed" fz="sm" data-testid="customer-count" className="tabular">
              {filtered ? t('customers.matching', { count: total }) : t('customers.count', { count: total })}
            </Text>
          )}
          {first.isFetching && <Loader size={14} />}
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileImport size={16} />} component={Link} href="/import">
            {t('customers.import')}
          </Button>
          <ExportMenu choices={exportChoices} />
          <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
            {t('customers.new')}
          </Button>
        </Group>
      </Group>
      {sampleJob && <SampleJobBanner job={sampleJob} />}
      <CustomerFilters
        search={search}
        onSearch={setSearch}
        tagId={tagId}
        onTag={setTagId}
        city={city}
        onCity={setCity}
        feeling={feeling}
        onFeeling={setFeeling}
        aspect={aspect}
        onAspect={setAspect}
        onEnterList={() => listRef.current?.focus()}
      />
      {(url.filter === 'bad' || list.error) && (
        <Text fz="sm" c="red" data-testid="filter-link-problem">
          {list.error ? t('lists.page.loadFailed') : t('lists.page.badLink')}
        </Text>
      )}
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <FilterEditor value={filter} onChange={setFilter} segmentNames={segmentNames} />
        </Box>
        <ListBar
          filter={filter}
          list={list.data ? { id: list.data.id, name: list.data.name, filter: list.data.filter } : null}
          edited={edited}
          onOpen={(to) => goTo(to)}
        />
      </Group>
      <AskBox onApply={(next) => setFilter(next)} segmentNames={segmentNames} />
      {first.error ? (
        <QueryError error={first.error} onRetry={() => first.refetch()} />
      ) : (
        <Paper style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }} radius="md">
          {first.data && total === 0 ? (
            <Box p="xl">
              <EmptyState
                icon={<IconUserSearch size={28} stroke={1.5} />}
                withIndicatorBackground
                title={t('customers.noMatchTitle')}
                description={t('customers.noMatchBody')}
                data-testid="no-match"
              >
                {filtered && (
                  <EmptyState.Actions>
                    <Button variant="default" onClick={clear}>
                      {t('customers.clearFilters')}
                    </Button>
                  </EmptyState.Actions>
                )}
              </EmptyState>
            </Box>
          ) : (
            <CustomerTable
              params={params}
              total={total}
              firstPage={first.data?.rows}
              tagColors={tagColors}
              onSort={onSort}
              onOpen={(id) => navigate(`/customers/${id}`)}
              listRef={listRef}
            />
          )}
        </Paper>
      )}
      <Text fz="xs" c="dimmed" ta="right" mt={-8}>
        {t('customers.keyboardHint')}
      </Text>
    </Stack>
  );
}
