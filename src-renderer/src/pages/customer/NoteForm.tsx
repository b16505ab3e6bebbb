import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import { describeError } from '../../lib/errors';
import { ComposerTextarea } from './ComposerTextarea';

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
        <ComposerTextarea
          label={t('composer.noteLabel')}
          placeholder={t('composer.notePlaceholder')}
          value={body}
          error={error}
          onChange={(value) => {
            setBody(value);
            setError(null);
          }}
          onSubmit={submit}
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
