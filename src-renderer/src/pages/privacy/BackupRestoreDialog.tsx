// Restoring a backup: the core checks the file first (it opens, passes SQLite's integrity check,
// its data format is one this version knows) and this dialog shows what it found and asks to
// confirm. Nothing is replaced until the person confirms; the previous data is kept aside.
import { Alert, Button, Group, Loader, Modal, PasswordInput, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorShape } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { describeShape } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';

const NEEDS_PASSPHRASE = new Set(['passphrase_required', 'wrong_passphrase']);

export function BackupRestoreDialog({ file, previous, onClose }: { file: string | null; previous: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [passphrase, setPassphrase] = useState('');
  const check = useMutation({ mutationFn: (p: { file: string; passphrase?: string }) => api.backup.check.mutate(p) });
  const restore = useMutation({ mutationFn: (p: { file: string; passphrase?: string }) => api.backup.restore.mutate(p) });
  const { mutate: runCheck, reset: resetCheck } = check;
  const { reset: resetRestore } = restore;

  // Each file opened is checked at once, with the database's own passphrase tried first.
  useEffect(() => {
    setPassphrase('');
    resetCheck();
    resetRestore();
    if (file) runCheck({ file });
  }, [file, runCheck, resetCheck, resetRestore]);

  const checkError = check.error ? errorShape(check.error) : null;
  const askPassphrase = checkError !== null && NEEDS_PASSPHRASE.has(checkError.code);
  const given = passphrase ? { passphrase } : {};
  const found = check.data;
  const done = restore.data;

  return (
    <Modal opened={file !== null} onClose={restore.isPending ? () => {} : onClose} title={t('backup.dialog.title')} size="lg" closeOnClickOutside={!restore.isPending}>
      {done ? (
        <Stack gap="sm" data-testid="restore-done">
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('backup.dialog.restoredTitle')}>
            <Text fz="sm">{t('backup.dialog.restored', { count: done.customers })}</Text>
            <Text fz="sm" mt={4}>
              {t('backup.dialog.keptAt', { previous: done.previous })}
            </Text>
          </Alert>
          <Group justify="flex-end">
            {/* The core behind the app was replaced: a fresh start of the page shows its data everywhere. */}
            <Button onClick={() => window.location.reload()} data-testid="restore-reload" data-autofocus>
              {t('backup.dialog.reload')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text fz="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {file}
          </Text>
          {check.isPending && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text fz="sm">{t('backup.dialog.checking')}</Text>
            </Group>
          )}
          {askPassphrase && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (file && passphrase) runCheck({ file, passphrase });
              }}
            >
              <Stack gap="xs">
                <Text fz="sm">{checkError.code === 'wrong_passphrase' && passphrase ? describeShape(checkError, t).message : t('backup.dialog.passphraseNeeded')}</Text>
                <Group align="flex-end" wrap="nowrap">
                  <PasswordInput
                    style={{ flex: 1 }}
                    label={t('backup.dialog.passphrase')}
                    value={passphrase}
                    onChange={(e) => setPassphrase(e.currentTarget.value)}
                    data-autofocus
                    data-testid="restore-passphrase"
                  />
                  <Button type="submit" variant="default" disabled={!passphrase}>
                    {t('backup.dialog.checkAgain')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {checkError && !askPassphrase && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="restore-check-error">
              {describeShape(checkError, t).message}
            </Alert>
          )}
          {found && (
            <>
              <Text fw={600} fz="sm">
                {t('backup.dialog.found')}
              </Text>
              <Table withTableBorder data-testid="restore-found">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={160}>{t('backup.dialog.customers')}</Table.Th>
                    <Table.Td className="tabular" data-testid="restore-customers">
                      {formatNumber(found.customers, lang)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup.dialog.orders')}</Table.Th>
                    <Table.Td className="tabular">{formatNumber(found.orders, lang)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup.dialog.lastChange')}</Table.Th>
                    <Table.Td>{formatDateTime(found.lastChange, lang)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup.dialog.schema')}</Table.Th>
                    <Table.Td>{found.needsMigration ? t('backup.dialog.schemaOlder', { version: found.schemaVersion }) : found.schemaVersion}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('backup.dialog.encrypted')}</Table.Th>
                    <Table.Td>{found.encrypted ? t('backup.dialog.yes') : t('backup.dialog.no')}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                {t('backup.dialog.warning', { previous })}
              </Alert>
              {restore.error && (
                <Alert color="red" data-testid="restore-error">
                  {describeShape(errorShape(restore.error), t).message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose} disabled={restore.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button color="red" loading={restore.isPending} onClick={() => file && restore.mutate({ file, ...given })} data-testid="restore-confirm">
                  {t('backup.dialog.confirm')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
