// "Export approved as CSV": says first that each message will also be logged on its customer's
// timeline, then the core writes the file (campaigns.export) and the page downloads it the way
// every export is downloaded (lib/download.ts), and removes the core's copy.
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { readExportFile, saveBlob } from '../../lib/download';
import { notifyError } from '../../lib/notify';
import { useProfile } from '../../components/privacy/profile-context';

export function ExportApproved({ campaignId, approved }: { campaignId: number; approved: number }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  // Exports are the owner's (the core refuses staff too).
  const { isOwner } = useProfile();
  const run = useMutation({
    mutationFn: async () => {
      const res = await api.campaigns.export.mutate({ id: campaignId });
      const fileName = res.name;
      if (fileName) {
        saveBlob(fileName, await readExportFile(fileName));
        // The browser has its copy; the core's would only pile up in the data folder.
        void api.export.delete.mutate({ fileName }).catch(() => {});
      }
      return res;
    },
    onSuccess: (res) => {
      setConfirming(false);
      const before = res.alreadyExported ? t('campaigns.export.before', { count: res.alreadyExported }) : undefined;
      if (!res.name) notifications.show({ color: 'gray', message: t('campaigns.export.none') });
      else notifications.show({ color: 'teal', title: t('campaigns.export.saved', { count: res.rows, file: res.name }), message: before, autoClose: 6000 });
    },
    onError: (err) => notifyError(err, t),
  });
  return (
    <>
      <Button
        leftSection={<IconDownload size={16} />}
        disabled={approved === 0 || !isOwner}
        onClick={() => setConfirming(true)}
        title={approved === 0 ? t('campaigns.export.nothing') : undefined}
        data-testid="campaign-export"
      >
        {t('campaigns.export.button', { count: approved })}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('campaigns.export.title')} centered>
        <Stack gap="md">
          <List size="sm" spacing="xs">
            <List.Item>{t('campaigns.export.body', { count: approved })}</List.Item>
            <List.Item>
              <Text fz="sm" fw={500}>
                {t('campaigns.export.timeline')}
              </Text>
            </List.Item>
          </List>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button leftSection={<IconDownload size={16} />} loading={run.isPending} onClick={() => run.mutate()} data-testid="campaign-export-confirm">
              {t('campaigns.export.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
