// Ctrl/Cmd+K: one search over customers and message text, in English or Chinese, served by the
// core's full-text indexes. Enter opens the highlighted customer.
import { Group, Highlight, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconMessage, IconSearch, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api } from '../api/client';
import { useLanguage } from '../hooks/useLanguage';
import { formatDate } from '../lib/format';
import { keys } from '../lib/query-keys';
import { highlightTerms, snippet } from '../lib/snippet';
import { ChannelIcon } from './ChannelIcon';
import classes from './GlobalSearch.module.css';
import { usePrivacyMode } from '../hooks/usePrivacyMode';

const [searchStore, searchSpotlight] = createSpotlight();
/** Opens the global search (the header button; Ctrl/Cmd+K is bound by the Spotlight itself). */
export const openSearch = searchSpotlight.open;
const LIST_ID = 'patron-search-results';

/** Results arrive after the query changed, so Mantine's own "select the first" found nothing: do it now, so Enter opens the top hit. */
function selectFirstResult() {
  const list = document.getElementById(LIST_ID);
  const actions = list?.querySelectorAll('[data-action]') ?? [];
  list?.querySelectorAll('[data-selected]').forEach((el) => el.removeAttribute('data-selected'));
  actions[0]?.setAttribute('data-selected', 'true');
  searchStore.updateState((s) => ({ ...s, selected: actions.length ? 0 : -1 }));
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const { mask } = usePrivacyMode();
  const lang = useLanguage();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const hits = useQuery({
    queryKey: keys.search(debounced),
    queryFn: () => api.search.all.query({ q: debounced, limit: 8 }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const terms = highlightTerms(debounced);
  const open = (customerId: number) => {
    searchSpotlight.close();
    navigate(`/customers/${customerId}`);
  };
  const data = debounced ? hits.data : undefined;
  useEffect(() => {
    if (data) selectFirstResult();
  }, [data]);
  const nothing = data && data.customers.length === 0 && data.interactions.length === 0;

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
      size="lg"
      classNames={{ action: classes.action }}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('header.searchLabel')}
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={hits.isFetching ? <Loader size={14} /> : null}
      />
      <Spotlight.ActionsList aria-label={t('header.searchLabel')} id={LIST_ID}>
        {!debounced && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        {nothing && <Spotlight.Empty>{t('search.nothing', { q: debounced })}</Spotlight.Empty>}
        {data && data.customers.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.customers')}>
            {data.customers.map((c) => (
              <Spotlight.Action key={`c${c.id}`} onClick={() => open(c.id)} data-testid="search-customer">
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconUser size={18} stroke={1.5} color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
                  <div style={{ minWidth: 0 }}>
                    <Highlight highlight={terms} fz="sm" fw={500}>
                      {mask.name(c.name)}
                    </Highlight>
                    <Text fz="xs" c="dimmed" truncate>
                      {[mask.email(c.email), mask.phone(c.phone), c.city].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {data && data.interactions.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.messages')}>
            {data.interactions.map((m) => (
              <Spotlight.Action key={`m${m.id}`} onClick={() => open(m.customerId)} data-testid="search-message">
                <Group wrap="nowrap" gap="sm" w="100%" align="flex-start">
                  <IconMessage size={18} stroke={1.5} color="var(--mantine-color-dimmed)" style={{ flex: 'none', marginTop: 2 }} />
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text fz="sm" fw={500} truncate>
                        {mask.name(m.customerName)}
                      </Text>
                      <ChannelIcon channel={m.channel} size={14} />
                      <Text fz="xs" c="dimmed" style={{ flex: 'none' }}>
                        {formatDate(m.at, lang)}
                      </Text>
                    </Group>
                    <Highlight highlight={terms} fz="xs" c="dimmed" lineClamp={2}>
                      {mask.text(snippet(m.subject ? `${m.subject} — ${m.body}` : m.body, debounced))}
                    </Highlight>
                  </div>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
