// The inbox's filters: channels, language, sentiment, topic, and "waiting longer than".
import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LANGUAGES } from '../../../../src-main/shared/drafting';
import { WAITING_CHOICES, type InboxFilter } from '../../../../src-main/shared/inbox';
import { CHANNELS } from '../../../../src-main/shared/records';
import { ASPECTS, SENTIMENT_LABELS } from '../../../../src-main/shared/sentiment';
import { waitText } from './reasons';

export const isFiltered = (f: InboxFilter) => Boolean(f.channels?.length || f.language || f.sentiment || f.aspect || f.waitingHours);

/** Drops what is unset, so equal filters make equal query keys. */
function clean(f: InboxFilter): InboxFilter {
  const out: InboxFilter = {};
  if (f.channels?.length) out.channels = f.channels;
  if (f.language) out.language = f.language;
  if (f.sentiment) out.sentiment = f.sentiment;
  if (f.aspect) out.aspect = f.aspect;
  if (f.waitingHours) out.waitingHours = f.waitingHours;
  return out;
}

export function InboxFilters({ value, onChange }: { value: InboxFilter; onChange(f: InboxFilter): void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<InboxFilter>) => onChange(clean({ ...value, ...patch }));
  return (
    <Group gap="xs" role="group" aria-label={t('inbox.filters.label')} data-testid="inbox-filters">
      <MultiSelect
        w={220}
        aria-label={t('inbox.filters.channels')}
        placeholder={value.channels?.length ? undefined : t('inbox.filters.anyChannel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        value={value.channels ?? []}
        onChange={(v) => set({ channels: CHANNELS.filter((c) => v.includes(c)) })}
        clearable
        maxDropdownHeight={300}
      />
      <Select
        w={140}
        aria-label={t('inbox.filters.language')}
        placeholder={t('inbox.filters.anyLanguage')}
        data={DRAFT_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        value={value.language ?? null}
        onChange={(v) => set({ language: DRAFT_LANGUAGES.find((l) => l === v) })}
        clearable
      />
      <Select
        w={150}
        aria-label={t('inbox.filters.sentiment')}
        placeholder={t('inbox.filters.anySentiment')}
        data={SENTIMENT_LABELS.map((l) => ({ value: l, label: t(`sentiment.labels.${l}`) }))}
        value={value.sentiment ?? null}
        onChange={(v) => set({ sentiment: SENTIMENT_LABELS.find((l) => l === v) })}
        clearable
      />
      <Select
        w={150}
        aria-label={t('inbox.filters.aspect')}
        placeholder={t('inbox.filters.anyAspect')}
        data={ASPECTS.map((a) => ({ value: a, label: t(`sentiment.aspects.${a}`) }))}
        value={value.aspect ?? null}
        onChange={(v) => set({ aspect: ASPECTS.find((a) => a === v) })}
        clearable
        searchable
        nothingFoundMessage={t('common.none')}
      />
      <Select
        w={160}
        aria-label={t('inbox.filters.waiting')}
        placeholder={t('inbox.filters.anyWait')}
        data={WAITING_CHOICES.map((h) => ({ value: String(h), label: t('inbox.filters.waitingOver', { time: waitText(h, t) }) }))}
        value={value.waitingHours ? String(value.waitingHours) : null}
        onChange={(v) => set({ waitingHours: v ? Number(v) : undefined })}
        clearable
      />
      {isFiltered(value) && (
        <Button variant="subtle" size="sm" leftSection={<IconFilterOff size={14} />} onClick={() => onChange({})} data-testid="inbox-reset">
          {t('inbox.filters.reset')}
        </Button>
      )}
    </Group>
  );
}
