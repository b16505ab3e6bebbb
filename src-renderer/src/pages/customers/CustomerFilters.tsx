import { CloseButton, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASPECTS, FEELING_DAYS, FEELINGS, type Aspect, type Feeling } from '../../../../src-main/shared/sentiment';
import { api } from '../../api/client';
import { keys } from '../../lib/query-keys';

interface Props {
  search: string;
  onSearch(value: string): void;
  tagId: number | undefined;
  onTag(id: number | undefined): void;
  city: string | undefined;
  onCity(city: string | undefined): void;
  /** Wrote something unhappy or happy lately (the last FEELING_DAYS days), about `aspect` when set. */
  feeling: Feeling | undefined;
  onFeeling(feeling: Feeling | undefined): void;
  aspect: Aspect | undefined;
  onAspect(aspect: Aspect | undefined): void;
  /** Arrow-down from the search box moves into the list. */
  onEnterList(): void;
}

export function CustomerFilters({ search, onSearch, tagId, onTag, city, onCity, feeling, onFeeling, aspect, onAspect, onEnterList }: Props) {
  const { t } = useTranslation();
  const tags = useQuery({ queryKey: keys.tags, queryFn: () => api.tags.list.query() });
  const cities = useQuery({ queryKey: keys.cities, queryFn: () => api.customers.cities.query() });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      onEnterList();
    } else if (e.key === 'Escape' && search) {
      onSearch('');
    }
  };
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        maw={520}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('customers.search')}
        leftSection={<IconSearch size={16} stroke={1.6} />}
        rightSection={search ? <CloseButton size="sm" aria-label={t('common.close')} onClick={() => onSearch('')} /> : null}
        type="search"
      />
      <Select
        w={190}
        aria-label={t('customers.tag')}
        placeholder={t('customers.allTags')}
        data={(tags.data ?? []).map((tag) => ({ value: String(tag.id), label: `${tag.name} (${tag.customers})` }))}
        value={tagId ? String(tagId) : null}
        onChange={(v) => onTag(v ? Number(v) : undefined)}
        clearable
        searchable
        nothingFoundMessage={t('common.none')}
      />
      <Select
        w={170}
        aria-label={t('customers.city')}
        placeholder={t('customers.allCities')}
        data={(cities.data ?? []).map((c) => ({ value: c.city, label: `${c.city} (${c.n})` }))}
        value={city ?? null}
        onChange={(v) => onCity(v ?? undefined)}
        clearable
        searchable
        nothingFoundMessage={t('common.none')}
      />
      <Select
        w={180}
        aria-label={t('customers.feeling', { days: FEELING_DAYS })}
        placeholder={t('customers.anyFeeling')}
        data={FEELINGS.map((f) => ({ value: f, label: t(`customers.feelings.${f}`, { days: FEELING_DAYS }) }))}
        value={feeling ?? null}
        onChange={(v) => onFeeling(FEELINGS.find((f) => f === v))}
        clearable
      />
      <Select
        w={170}
        aria-label={t('customers.about')}
        placeholder={t('customers.anyTopic')}
        data={ASPECTS.map((a) => ({ value: a, label: t(`sentiment.aspects.${a}`) }))}
        value={aspect ?? null}
        onChange={(v) => onAspect(ASPECTS.find((a) => a === v))}
        clearable
        searchable
        nothingFoundMessage={t('common.none')}
      />
    </Group>
  );
}
