// "Export this customer's data": the owner picks the file's language; the core writes one HTML
// file into its exports folder and the page downloads it (then the core's copy is removed, as
// with every other export).
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorShape } from '../../api/client';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';
import { currentLanguage } from '../../i18n';
import type { CustomerDetail } from '../../lib/api-types';
import { readExportFile, saveBlob } from '../../lib/download';
import { describeShape } from '../../lib/errors';

export function CustomerRightsExportModal({ customer, opened, onClose }: { customer: CustomerDetail; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { on: privacyOn, mask } = usePrivacyMode();
  const [language, setLanguage] = useState<'en' | 'zh'>(currentLanguage());
  const shownName = mask.name(customer.name) ?? '';
  // Each opening starts from the screen's language (it may have changed since the page opened).
  useEffect(() => {
    if (opened) setLanguage(currentLanguage());
  }, [opened]);
  const run = useMutation({
    mutationFn: async () => {
      const out = await api.rights.exportCustomer.mutate({ customerId: customer.id, language });
      const blob = await readExportFile(out.fileName);
      saveBlob(out.fileName, blob);
      // The browser has its copy; the core's would only pile up in the data folder.
      void api.export.delete.mutate({ fileName: out.fileName }).catch(() => {});
      return out.fileName;
    },
    onSuccess: (file) => {
      notifications.show({ color: 'teal', title: t('rights.export.saved'), message: t('rights.export.savedBody', { file }), autoClose: 6000 });
      onClose();
    },
    onError: (err) => notifications.show({ color: 'red', title: t('rights.export.failed'), message: describeShape(errorShape(err), t).message, autoClose: 8000 }),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{t('rights.export.title', { name: shownName })}</Text>} size="lg">
      <Stack>
        <Text fz="sm">{t('rights.export.body')}</Text>
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="rights-export-language">
            {t('rights.export.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="rights-export-language"
            value={language}
            onChange={(v) => setLanguage(v === 'zh' ? 'zh' : 'en')}
            data={[
              { value: 'en', label: t('languages.en') },
              { value: 'zh', label: t('languages.zh') },
            ]}
            data-testid="rights-export-language"
          />
        </Stack>
        {privacyOn && (
          <Alert color="yellow" variant="light">
            {t('rights.export.masked')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => run.mutate()} loading={run.isPending} data-autofocus data-testid="rights-export-confirm">
            {t('rights.export.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
