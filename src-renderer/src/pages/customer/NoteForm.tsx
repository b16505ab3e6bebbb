import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import { describeError } from '../../lib/errors';

export function NoteForm({ actions }: { actions: TimelineActions }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim()) {
      setError(t('errors.fields.noteEmpty'));
      return;
    }
    actions.addNote.mutate(body, {
      onSuccess: () => setBody(''),
      onError: (err) => setError(describeError(err, t).message),
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          aria-label={t('composer.noteLabel')}
          placeholder={t('composer.notePlaceholder')}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          autosize
          minRows={2}
          maxRows={10}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Text fz="xs" c="dimmed">
            {t('composer.submitHint')}
          </Text>
          <Button type="submit" loading={actions.addNote.isPending}>
            {t('composer.addNote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
