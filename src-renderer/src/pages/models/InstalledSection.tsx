// The models on this computer: which one is active, what each file is (from its header), the
// check it passed; activate, delete (after a confirm: the file is large and gone for good).
import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import type { InstalledModel } from '../../lib/api-types';
import { formatBytes, formatNumber } from '../../lib/format';
import { notifyDone, notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { checkText } from './DownloadStatus';
import { ModelProblem, notifyModelProblem } from './ModelProblem';

function paramsText(n: number, lang: 'en' | 'zh'): string {
  return n >= 1e9 ? `${formatNumber(n / 1e9, lang, 1)}B` : `${formatNumber(n / 1e6, lang, 1)}M`;
}

function InstalledRow({ model }: { model: InstalledModel }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const refresh = () => {
    for (const key of [keys.modelsInstalled, keys.modelStatus, keys.modelCatalog]) void qc.invalidateQueries({ queryKey: key });
  };
  const activate = useMutation({
    mutationFn: () => api.models.activate.mutate({ file: model.file }),
    onSuccess: () => {
      refresh();
      notifyDone(t('models.installed.activated', { file: model.file }));
    },
    onError: (err) => {
      refresh();
      notifyModelProblem(err, lang, t('models.installed.activateFailed', { file: model.file }));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.models.remove.mutate({ file: model.file }),
    onSuccess: () => {
      setDeleting(false);
      refresh();
      void qc.invalidateQueries({ queryKey: keys.modelDownloads });
      notifyDone(t('models.installed.deleted', { file: model.file }));
    },
    onError: (err) => notifyError(err, t),
  });
  const info = model.info;
  return (
    <Paper p="md" radius="md" data-testid="installed-model" data-file={model.file}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} truncate>
              {info?.name ?? model.file}
            </Text>
            {model.active && (
              <Badge color="teal" variant="filled" size="sm">
                {t('models.installed.active')}
              </Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed" ff="monospace" truncate>
            {model.file}
          </Text>
          {info && (
            <Text fz="xs" c="dimmed" className="tabular">
              {[
                t('models.installed.arch', { arch: info.architecture }),
                t('models.installed.params', { n: paramsText(info.parameters, lang) }),
                info.quantization,
                t('models.installed.context', { n: formatNumber(info.contextLength, lang) }),
                t('models.installed.layers', { n: info.layers }),
                formatBytes(model.sizeBytes, lang),
                info.hasChatTemplate ? null : t('models.installed.noTemplate'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
          <Text fz="xs" c="dimmed">
            {checkText(model.check, t)}
          </Text>
          {model.error ? <ModelProblem error={model.error} fz="xs" /> : model.loadError && <ModelProblem error={model.loadError} fz="xs" />}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {!model.active && (
            <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} onClick={() => activate.mutate()} loading={activate.isPending} disabled={!!model.error}>
              {t('models.installed.activate')}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={<Text fw={600}>{t('models.installed.deleteTitle', { file: model.file })}</Text>}>
        <Stack>
          <Text fz="sm">{t('models.installed.deleteBody', { size: formatBytes(model.sizeBytes, lang) })}</Text>
          {model.active && (
            <Text fz="sm" c="orange">
              {t('models.installed.deleteActive')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('models.installed.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function InstalledSection({ models }: { models: InstalledModel[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {t('models.installed.title')}
      </Title>
      {models.length === 0 ? (
        <Text fz="sm" c="dimmed" data-testid="no-installed">
          {t('models.installed.none')}
        </Text>
      ) : (
        models.map((m) => <InstalledRow key={m.file} model={m} />)
      )}
    </Stack>
  );
}
