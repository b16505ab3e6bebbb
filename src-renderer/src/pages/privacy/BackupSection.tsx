// Backups on the Privacy page: back up now (to a path: browser mode cannot open a native save
// dialog), the backups in the schedule's folder with a restore button each, restore from any
// path, and the daily schedule. Owner only: the core refuses anyone else too.
import { Alert, Button, Divider, Group, Paper, PasswordInput, SegmentedControl, Stack, Table, Text, TextInput, Title, Badge } from '@mantine/core';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useProfile } from '../../components/privacy/profile-context';
import { useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { describeShape } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { queryClient } from '../../lib/query-client';
import { BackupRestoreDialog } from './BackupRestoreDialog';
import { BackupSchedule } from './BackupSchedule';

const backupKey = ['backup'] as const;
const refresh = () => queryClient.invalidateQueries({ queryKey: backupKey });

type Protection = 'same' | 'own' | 'none';

export function BackupSection() {
  const { t } = useTranslation();
  const me = useProfile();
  if (!me.isOwner) {
    return (
      <Paper withBorder p="lg" radius="md" data-testid="backup-section">
        <Stack gap="sm">
          <Title order={3}>{t('backup.title')}</Title>
          <Alert color="gray">{t('profiles.ownerOnly')}</Alert>
        </Stack>
      </Paper>
    );
  }
  return <OwnerBackups />;
}

function OwnerBackups() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const settings = useQuery({ queryKey: [...backupKey, 'settings'], queryFn: () => api.backup.settings.query() });
  const list = useQuery({ queryKey: [...backupKey, 'list'], queryFn: () => api.backup.list.query() });
  const jobs = useJobs();
  const encrypted = settings.data?.encrypted ?? false;

  const [file, setFile] = useState('');
  const [protection, setProtection] = useState<Protection>('same');
  const [own, setOwn] = useState('');
  const [ownAgain, setOwnAgain] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restorePath, setRestorePath] = useState('');

  // The suggested file, once: what the person types afterwards stays theirs.
  useEffect(() => {
    if (settings.data && !file) setFile(settings.data.suggestedFile);
  }, [settings.data, file]);
  // On a plain database "the same passphrase" means none: the choice is none or its own.
  useEffect(() => {
    if (settings.data && !encrypted && protection === 'same') setProtection('none');
    if (settings.data && encrypted && protection === 'none') setProtection('same');
  }, [settings.data, encrypted, protection]);

  const run = useMutation({
    mutationFn: () =>
      api.backup.run.mutate({
        file: file.trim(),
        passphrase: protection,
        ...(protection === 'own' ? { ownPassphrase: own } : {}),
      }),
    onSuccess: ({ jobId: id }) => {
      setJobId(id);
      setOwn('');
      setOwnAgain('');
    },
    onError: (e) => notifyError(e, t),
  });
  const job = jobs.byId(jobId);
  const status = job?.status;
  // Any backup that ends (this one, or the daily one) may add a file to the list.
  const backupsDone = jobs.jobs.filter((j) => j.kind === 'backup.run' && j.status === 'done').length;
  useEffect(() => {
    void refresh();
  }, [backupsDone]);
  const busy = run.isPending || status === 'queued' || status === 'running';
  const ownInvalid = protection === 'own' && (own === '' || own !== ownAgain);
  const doneResult = job?.kind === 'backup.run' && job.status === 'done' ? job.result : null;

  const choices = encrypted
    ? [
        { value: 'same', label: t('backup.same') },
        { value: 'own', label: t('backup.own') },
      ]
    : [
        { value: 'none', label: t('backup.none') },
        { value: 'own', label: t('backup.own') },
      ];

  const files = list.data?.files ?? [];
  return (
    <Paper withBorder p="lg" radius="md" data-testid="backup-section">
      <Stack gap="md">
        <div>
          <Title order={3}>{t('backup.title')}</Title>
          <Text fz="sm" c="dimmed" mt={4}>
            {t('backup.intro')}
          </Text>
        </div>

        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && file.trim() && !ownInvalid) run.mutate();
          }}
        >
          <Stack gap="xs">
            <TextInput label={t('backup.file')} description={t('backup.fileHint')} value={file} onChange={(e) => setFile(e.currentTarget.value)} data-testid="backup-file" />
            <Text fz="sm" fw={500}>
              {t('backup.protection')}
            </Text>
            <SegmentedControl value={protection} onChange={(v) => setProtection(v as Protection)} data={choices} style={{ alignSelf: 'flex-start' }} data-testid="backup-protection" />
            {protection === 'own' && (
              <Group grow align="flex-start">
                <PasswordInput label={t('backup.ownPassphrase')} description={t('backup.ownHint')} value={own} onChange={(e) => setOwn(e.currentTarget.value)} data-testid="backup-own" />
                <PasswordInput
                  label={t('backup.ownConfirm')}
                  value={ownAgain}
                  onChange={(e) => setOwnAgain(e.currentTarget.value)}
                  error={ownAgain && own !== ownAgain ? t('backup.ownMismatch') : undefined}
                  data-testid="backup-own-again"
                />
              </Group>
            )}
            {protection === 'none' && (
              <Text fz="sm" c="orange.8">
                {t('backup.plainWarning')}
              </Text>
            )}
            <Group>
              <Button type="submit" leftSection={<IconDatabaseExport size={16} />} loading={busy} disabled={!file.trim() || ownInvalid} data-testid="backup-now">
                {t('backup.now')}
              </Button>
              <Text fz="sm" aria-live="polite" data-testid="backup-status">
                {busy
                  ? t('backup.running')
                  : doneResult
                    ? t('backup.done', { file: doneResult.file, size: formatBytes(doneResult.bytes, lang) })
                    : job?.status === 'failed' && job.error
                      ? t('backup.failed', { message: describeShape(job.error, t).message })
                      : ''}
              </Text>
            </Group>
          </Stack>
        </form>

        <Divider />
        <Stack gap="xs">
          <Title order={4}>{t('backup.listTitle', { folder: list.data?.folder ?? '' })}</Title>
          {files.length === 0 ? (
            <Text fz="sm" c="dimmed" data-testid="backup-empty">
              {t('backup.empty')}
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="backup-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backup.when')}</Table.Th>
                  <Table.Th>{t('backup.name')}</Table.Th>
                  <Table.Th ta="right">{t('backup.size')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.map((f) => (
                  <Table.Tr key={f.file} data-testid={`backup-row-${f.name}`}>
                    <Table.Td>{formatDateTime(f.at, lang)}</Table.Td>
                    <Table.Td>
                      <Text fz="sm" ff="monospace">
                        {f.name}{' '}
                        {f.scheduled && (
                          <Badge size="xs" variant="light" color="gray">
                            {t('backup.daily')}
                          </Badge>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatBytes(f.bytes, lang)}
                    </Table.Td>
                    <Table.Td w={120} ta="right">
                      <Button size="compact-sm" variant="default" leftSection={<IconRestore size={14} />} aria-label={t('backup.restoreLabel', { name: f.name })} onClick={() => setRestoring(f.file)}>
                        {t('backup.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>

        <Divider />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (restorePath.trim()) setRestoring(restorePath.trim());
          }}
        >
          <Stack gap="xs">
            <Title order={4}>{t('backup.restoreTitle')}</Title>
            <Text fz="sm" c="dimmed">
              {t('backup.restoreIntro')}
            </Text>
            <Group align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label={t('backup.restorePath')} value={restorePath} onChange={(e) => setRestorePath(e.currentTarget.value)} data-testid="restore-path" />
              <Button type="submit" variant="default" disabled={!restorePath.trim()} data-testid="restore-check">
                {t('backup.check')}
              </Button>
            </Group>
          </Stack>
        </form>

        {settings.data && (
          <>
            <Divider />
            <BackupSchedule schedule={settings.data.schedule} onSaved={() => void refresh()} />
          </>
        )}
      </Stack>
      <BackupRestoreDialog file={restoring} previous={settings.data?.previous ?? ''} onClose={() => setRestoring(null)} />
    </Paper>
  );
}
