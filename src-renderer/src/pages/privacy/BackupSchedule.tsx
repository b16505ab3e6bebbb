// The daily backup: a switch, the folder and how many to keep. The switch saves at once; the
// folder and the count with their own Save button.
import { Button, Group, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyDone, notifyError } from '../../lib/notify';

export interface Schedule {
  enabled: boolean;
  folder: string;
  keep: number;
}

export function BackupSchedule({ schedule, onSaved }: { schedule: Schedule; onSaved: () => void }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(schedule.folder);
  const [keep, setKeep] = useState<number>(schedule.keep);
  useEffect(() => {
    setFolder(schedule.folder);
    setKeep(schedule.keep);
  }, [schedule.folder, schedule.keep]);
  const save = useMutation({
    mutationFn: (s: Schedule) => api.backup.setSettings.mutate(s),
    onSuccess: () => {
      notifyDone(t('backup.scheduleSaved'));
      onSaved();
    },
    onError: (e) => notifyError(e, t),
  });
  const dirty = folder.trim() !== schedule.folder || keep !== schedule.keep;
  const valid = folder.trim() !== '' && Number.isInteger(keep) && keep >= 1;
  return (
    <Stack gap="xs" data-testid="backup-schedule">
      <Title order={4}>{t('backup.scheduleTitle')}</Title>
      <Switch
        label={t('backup.scheduleSwitch')}
        description={t('backup.scheduleHint')}
        checked={schedule.enabled}
        disabled={save.isPending || !valid}
        onChange={(e) => save.mutate({ enabled: e.currentTarget.checked, folder: folder.trim(), keep })}
        data-testid="backup-schedule-switch"
      />
      <Group align="flex-end" wrap="wrap">
        <TextInput style={{ flex: 1, minWidth: 260 }} label={t('backup.folder')} value={folder} onChange={(e) => setFolder(e.currentTarget.value)} data-testid="backup-folder" />
        <NumberInput
          w={120}
          label={t('backup.keep')}
          min={1}
          max={365}
          allowDecimal={false}
          value={keep}
          onChange={(v) => setKeep(typeof v === 'number' ? v : Number(v) || 0)}
          data-testid="backup-keep"
        />
        <Text fz="sm" pb={8}>
          {t('backup.keepSuffix', { count: keep })}
        </Text>
        <Button variant="default" disabled={!dirty || !valid} loading={save.isPending} onClick={() => save.mutate({ enabled: schedule.enabled, folder: folder.trim(), keep })}>
          {t('backup.saveSchedule')}
        </Button>
      </Group>
    </Stack>
  );
}
