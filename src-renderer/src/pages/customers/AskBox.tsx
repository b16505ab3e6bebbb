// "Ask in words": a request in English or Chinese becomes a filter, made by the local model under
// the filter language's grammar (ask.filter). The answer is shown as the same editable chips as the
// filter editor, never as SQL, and the customer list changes only when the person applies it.
// Without an active model the box says so before anyone types, with the way to get one.
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Filter } from '../../../../src-main/shared/filters';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { describeError } from '../../lib/errors';
import { keys } from '../../lib/query-keys';
import { FilterEditor } from './filter/FilterEditor';

export function AskBox({ onApply, segmentNames }: { onApply(filter: Filter): void; segmentNames?: Record<string, string | null> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const status = useQuery({ queryKey: keys.modelStatus, queryFn: () => api.models.status.query() });
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<{ filter: Filter } | null>(null);
  const ask = useMutation({
    mutationFn: (request: string) => api.ask.filter.mutate({ text: request, language: lang }),
    // The count is the editor's own (lists.count), live as the person edits the answer.
    onSuccess: (res) => setAnswer({ filter: res.filter }),
    onMutate: () => setAnswer(null),
  });
  const noModel = status.data != null && status.data.activeFile == null;
  const error = ask.error ? describeError(ask.error, t) : null;
  const missing = noModel || error?.code === 'model_missing';

  const submit = () => {
    const request = text.trim();
    if (request && !ask.isPending && !missing) ask.mutate(request);
  };

  return (
    <Stack gap={6} data-testid="ask-box">
      <Group gap="md" wrap="nowrap" align="center">
        <TextInput
          style={{ flex: 1 }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            } else if (e.key === 'Escape' && text) setText('');
          }}
          placeholder={t('lists.ask.placeholder')}
          aria-label={t('lists.ask.label')}
          leftSection={ask.isPending ? <Loader size={14} /> : <IconSparkles size={16} stroke={1.6} color="var(--mantine-color-indigo-6)" />}
          rightSection={
            <Button size="compact-xs" variant="light" color="indigo" onClick={submit} disabled={!text.trim() || ask.isPending || missing}>
              {t('lists.ask.send')}
            </Button>
          }
          rightSectionWidth={72}
          disabled={ask.isPending}
          maw={640}
        />
        {missing && (
          <Group gap={6} wrap="nowrap" data-testid="ask-no-model" style={{ flexShrink: 1, minWidth: 0 }}>
            <Text fz="sm" c="dimmed">
              {t('lists.ask.needsModel')}
            </Text>
            <Anchor component={Link} href="/models" fz="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {t('lists.ask.chooseModel')}
            </Anchor>
          </Group>
        )}
      </Group>
      {missing ? null : ask.isPending ? (
        <Text fz="sm" c="dimmed" data-testid="ask-thinking">
          {t('lists.ask.thinking')}
        </Text>
      ) : error ? (
        <Alert color="red" variant="light" py={6} title={t('lists.ask.failed')} data-testid="ask-error" maw={720}>
          <Text fz="sm">{error.message}</Text>
        </Alert>
      ) : answer ? (
        <Paper withBorder radius="md" p="sm" data-testid="ask-answer" style={{ borderColor: 'var(--mantine-color-indigo-3)' }}>
          <Stack gap="xs">
            <Text fz="sm" c="dimmed">
              {answer.filter.conditions.length === 0 ? t('lists.ask.nothing') : t('lists.ask.result')}
            </Text>
            <FilterEditor value={answer.filter} onChange={(filter) => setAnswer({ ...answer, filter })} segmentNames={segmentNames} showCount data-testid="ask-filter" />
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => {
                  onApply(answer.filter);
                  setAnswer(null);
                  setText('');
                }}
                disabled={answer.filter.conditions.length === 0}
                data-testid="ask-apply"
              >
                {t('lists.ask.apply')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setAnswer(null)}>
                {t('lists.ask.discard')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
