import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import { describeError } from '../../lib/errors';
import { dateInputToDueAt } from '../../lib/format';

export function TaskForm({ actions }: { actions: TimelineActions }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('errors.fields.taskTitle'));
      return;
    }
    actions.addTask.mutate(
      { title, dueAt: dateInputToDueAt(due) },
      {
        onSuccess: () => {
          setTitle('');
          setDue('');
        },
        onError: (err) => setError(describeError(err, t).message),
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('composer.taskTitle')}
          placeholder={t('composer.taskPlaceholder')}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={500}
        />
        <TextInput type="date" label={t('composer.dueDate')} value={due} onChange={(e) => setDue(e.currentTarget.value)} w={170} />
        <Button type="submit" mt={25} loading={actions.addTask.isPending}>
          {t('composer.addTask')}
        </Button>
      </Group>
    </form>
  );
}
