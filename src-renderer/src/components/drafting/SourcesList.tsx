// What a draft rests on, listed beside the editor: each record the prompt quotes, by kind and date,
// so the owner sees where a sentence came from (and that nothing else was used).
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DraftSource } from '../../../../src-main/shared/drafting';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { Private } from '../../hooks/usePrivacyMode';

const KIND_COLORS: Record<DraftSource['kind'], string> = {
  customer: 'indigo',
  message: 'cyan',
  order: 'teal',
  task: 'yellow',
  complaint: 'red',
  tone: 'grape',
  promise: 'orange',
  past_reply: 'blue',
  fact: 'gray',
};

export function sourceKind(s: DraftSource, t: TFunction): string {
  const kind = t(`drafting.sources.kinds.${s.kind}`);
  return s.kind === 'fact' && s.topic ? t('drafting.sources.factKind', { kind, topic: t(`drafting.sources.topics.${s.topic}`) }) : kind;
}

export function SourcesList({ sources, truncated }: { sources: readonly DraftSource[]; truncated?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap="xs" data-testid="draft-sources">
      <Text fz="xs" fw={600} c="dimmed">
        {t('drafting.sources.title')}
      </Text>
      {sources.length === 0 && (
        <Text fz="xs" c="dimmed">
          {t('drafting.sources.none')}
        </Text>
      )}
      {sources.map((s, i) => (
        <div key={`${s.kind}-${s.id ?? s.topic ?? i}-${i}`} data-testid="draft-source" data-kind={s.kind}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Badge size="xs" variant="light" color={KIND_COLORS[s.kind]} style={{ flexShrink: 1, minWidth: 0 }}>
              {sourceKind(s, t)}
            </Badge>
            {s.at != null && (
              <Text fz={11} c="dimmed" className="tabular" style={{ flex: 'none' }}>
                {formatDate(s.at, lang)}
              </Text>
            )}
          </Group>
          <Text fz="xs" mt={2} lineClamp={3} title={s.text} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
            <Private kind="text" value={s.text} />
          </Text>
        </div>
      ))}
      {truncated && (
        <Text fz="xs" c="dimmed" fs="italic">
          {t('drafting.sources.truncated')}
        </Text>
      )}
    </Stack>
  );
}
