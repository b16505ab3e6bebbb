// The navbar's "Lists": every saved smart list with how many customers it holds now (lists.all,
// refetched on 'list' and data changes), one click from its customers; or, before any is saved,
// how to make one.
import { Badge, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../api/client';
import { useLanguage } from '../hooks/useLanguage';
import { useMoney } from '../hooks/useMoney';
import { formatNumber } from '../lib/format';
import { keys } from '../lib/query-keys';
import { describeFilter } from '../pages/customers/filter/describe';
import { customersHref, readFilterUrl } from '../pages/customers/filter/filter-url';

export function NavLists() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const [location] = useLocation();
  const search = useSearch();
  const openId = location === '/customers' ? readFilterUrl(search).listId : null;
  const lists = useQuery({ queryKey: [...keys.listsAll, 'all'], queryFn: () => api.lists.all.query() });
  if (!lists.data) return null;
  return (
    <Stack gap={2} mt="md" data-testid="nav-lists" style={{ minHeight: 0 }}>
      <Text fz="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={2} id="nav-lists-title">
        {t('lists.nav.title')}
      </Text>
      {lists.data.length === 0 ? (
        <Text fz="xs" c="dimmed" px="sm" data-testid="nav-lists-empty">
          {t('lists.nav.empty')}
        </Text>
      ) : (
        // Many lists scroll here, never sideways: a long name is cut, its count stays in view.
        <Stack gap={2} role="list" aria-labelledby="nav-lists-title" mah={300} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
          {lists.data.map((l) => (
            <Tooltip
              key={l.id}
              label={`${l.name}: ${describeFilter(l.filter, { t, lang, currency: shopCurrency })}`}
              position="right"
              openDelay={500}
              multiline
              maw={320}
            >
              <NavLink
                role="listitem"
                component={Link}
                href={customersHref({ listId: l.id })}
                label={l.name}
                leftSection={<IconFilter size={16} stroke={1.6} />}
                rightSection={
                  <Badge size="sm" variant="light" color="gray" className="tabular" aria-label={t('lists.nav.count', { n: formatNumber(l.count, lang) })}>
                    {formatNumber(l.count, lang)}
                  </Badge>
                }
                active={openId === l.id}
                aria-current={openId === l.id ? 'page' : undefined}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                fz="sm"
                // A long name is cut with an ellipsis (the tooltip has it whole), not wrapped word by word.
                styles={{ body: { minWidth: 0 }, label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
                data-testid="nav-list"
                data-list-id={l.id}
              />
            </Tooltip>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
