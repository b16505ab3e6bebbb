// One download as a person follows it: bytes, speed and time left, pause/resume/cancel (cancel
// asks first: it deletes what has arrived), the check the finished file passed, or why it failed.
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRefresh, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import type { DownloadState } from '../../lib/api-types';
import { formatBytes, formatDuration } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { ModelProblem } from './ModelProblem';

export function checkText(check: string | null, t: TFunction): string {
  if (check === 'catalog-sha256') return t('models.check.catalog');
  if (check === 'server-sha256') return t('models.check.server');
  if (check === 'imported') return t('models.check.imported');
  return t('models.check.none');
}

export function DownloadStatus({ download }: { download: DownloadState }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const file = { file: download.file };
  const onError = (err: unknown) => notifyError(err, t, t('models.download.actionFailed'));
  const pause = useMutation({ mutationFn: () => api.models.pauseDownload.mutate(file), onError });
  const resume = useMutation({ mutationFn: () => api.models.resumeDownload.mutate(file), onError });
  const cancel = useMutation({ mutationFn: () => api.models.cancelDownload.mutate(file), onSuccess: () => setConfirming(false), onError });
  const dismiss = useMutation({ mutationFn: () => api.models.dismissDownload.mutate(file), onError });
  const { status, received, total } = download;
  const pct = total ? Math.min(100, (received / total) * 100) : 0;
  const bytes = total ? t('models.download.bytes', { received: formatBytes(received, lang), total: formatBytes(total, lang) }) : formatBytes(received, lang);
  const parts = [bytes];
  if (status === 'downloading' && download.bytesPerSec) parts.push(t('models.download.speed', { speed: formatBytes(download.bytesPerSec, lang) }));
  if (status === 'downloading' && download.etaSec != null) parts.push(t('progress.left', { time: formatDuration(download.etaSec, t) }));

  return (
    <Stack gap={6} data-testid="download-status" data-status={status}>
      {status !== 'done' && !(status === 'failed' && !download.retryable) && (
        <Progress
          value={status === 'verifying' ? 100 : pct}
          striped={status === 'verifying' || !total}
          animated={status === 'downloading' || status === 'verifying'}
          color={status === 'failed' ? 'red' : status === 'paused' ? 'gray' : undefined}
          size="md"
          radius="xl"
          aria-label={t('models.download.label', { file: download.file })}
        />
      )}
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="xs" c="dimmed" className="tabular">
          {status === 'verifying'
            ? t('models.download.verifying')
            : status === 'paused'
              ? t('models.download.paused', { bytes })
              : status === 'done'
                ? checkText(download.check, t)
                : status === 'failed'
                  ? // What arrived is only worth showing when trying again continues from it.
                    download.retryable && received > 0
                    ? bytes
                    : ''
                  : parts.join(' · ')}
        </Text>
        <Group gap={4} wrap="nowrap">
          {status === 'downloading' && (
            <Button size="compact-xs" variant="default" leftSection={<IconPlayerPause size={12} />} onClick={() => pause.mutate()} loading={pause.isPending}>
              {t('models.download.pause')}
            </Button>
          )}
          {status === 'paused' && (
            <Button size="compact-xs" variant="light" leftSection={<IconPlayerPlay size={12} />} onClick={() => resume.mutate()} loading={resume.isPending}>
              {t('models.download.resume')}
            </Button>
          )}
          {status === 'failed' && download.retryable && (
            <Button size="compact-xs" variant="light" leftSection={<IconRefresh size={12} />} onClick={() => resume.mutate()} loading={resume.isPending}>
              {t('models.download.retry')}
            </Button>
          )}
          {status === 'failed' && !download.retryable && (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => dismiss.mutate()} loading={dismiss.isPending}>
              {t('models.download.dismiss')}
            </Button>
          )}
          {(status === 'downloading' || status === 'paused' || (status === 'failed' && download.retryable)) && (
            <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconX size={12} />} onClick={() => (received > 0 ? setConfirming(true) : cancel.mutate())}>
              {t('models.download.cancel')}
            </Button>
          )}
          {status === 'done' && (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => dismiss.mutate()}>
              {t('common.close')}
            </Button>
          )}
        </Group>
      </Group>
      {status === 'failed' && download.error && <ModelProblem error={download.error} fz="xs" />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={600}>{t('models.download.cancelTitle')}</Text>}>
        <Stack>
          <Text fz="sm">{t('models.download.cancelBody', { bytes: formatBytes(received, lang) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('models.download.keep')}
            </Button>
            <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('models.download.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
