import { Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import { CHANNELS, type Channel, type Direction } from '../../lib/api-types';
import { describeError } from '../../lib/errors';
import { ComposerTextarea } from './ComposerTextarea';

export function MessageForm({ actions, defaultChannel }: { actions: TimelineActions; defaultChannel: Channel }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [direction, setDirection] = useState<Direction>('inbound');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim()) {
      setError(t('errors.fields.messageEmpty'));
      return;
    }
    actions.logMessage.mutate(
      { channel, direction, subject, body },
      {
        onSuccess: () => {
          setSubject('');
          setBody('');
        },
        onError: (err) => setError(describeError(err, t).message),
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('composer.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            value={channel}
            onChange={(v) => v && setChannel(v as Channel)}
            allowDeselect={false}
            w={170}
          />
          <SegmentedControl
            aria-label={t('composer.direction')}
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            data={[
              { value: 'inbound', label: t('composer.inbound') },
              { value: 'outbound', label: t('composer.outbound') },
            ]}
          />
          {channel === 'email' && (
            <TextInput style={{ flex: 1 }} label={t('composer.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={500} />
          )}
        </Group>
        <ComposerTextarea
          label={t('composer.messageText')}
          placeholder={t('composer.messagePlaceholder')}
          value={body}
          error={error}
          onChange={(value) => {
            setBody(value);
            setError(null);
          }}
          onSubmit={submit}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={actions.logMessage.isPending}>
            {t('composer.logMessage')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
