// What this computer has (RAM, cores, GPU) and what the model runtime is doing with it (state,
// device, layers on the GPU, VRAM, speed of the last run).
import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCpu, IconDeviceDesktopAnalytics } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import type { Hardware, ModelStatus } from '../../lib/api-types';
import { formatBytes, formatNumber, formatRelative } from '../../lib/format';
import { ModelProblem, notifyModelProblem, RawDetails } from './ModelProblem';

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" fw={500} className="tabular">
        {value}
      </Text>
    </div>
  );
}

const GPU_KIND: Record<string, string> = { cuda: 'CUDA', vulkan: 'Vulkan', metal: 'Metal' };

export function HardwarePanel({ hardware }: { hardware: Hardware | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const gpu = hardware?.gpu?.gpu ? hardware.gpu : null;
  return (
    <Paper p="md" radius="md" component="section" aria-label={t('models.hardware.title')} data-testid="hardware-panel">
      <Group gap="xs" mb="sm">
        <IconCpu size={18} stroke={1.6} />
        <Title order={3} fz="md">
          {t('models.hardware.title')}
        </Title>
      </Group>
      {!hardware ? (
        <Stack gap={8}>
          <Skeleton h={14} w="70%" />
          <Skeleton h={14} w="50%" />
          <Skeleton h={14} w="60%" />
        </Stack>
      ) : (
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Fact label={t('models.hardware.ram')} value={t('models.hardware.ramValue', { total: formatBytes(hardware.ramTotal, lang), free: formatBytes(hardware.ramFree, lang) })} />
          <Fact label={t('models.hardware.cores')} value={formatNumber(hardware.physicalCores, lang)} />
          <Fact label={t('models.hardware.threads')} value={formatNumber(hardware.threads, lang)} />
          <Fact
            testId="hardware-gpu"
            label={t('models.hardware.gpu')}
            value={
              gpu ? (
                <>
                  {gpu.devices.join(', ') || GPU_KIND[gpu.gpu as string]}{' '}
                  <Badge size="xs" variant="light" color="teal">
                    {GPU_KIND[gpu.gpu as string] ?? String(gpu.gpu)}
                  </Badge>
                  <Text span fz="xs" c="dimmed" display="block">
                    {t('models.hardware.vram', { total: formatBytes(gpu.vramTotal, lang), used: formatBytes(gpu.vramUsed, lang) })}
                  </Text>
                </>
              ) : (
                t('models.hardware.cpuOnly')
              )
            }
          />
        </SimpleGrid>
      )}
    </Paper>
  );
}

const STATE_COLOR: Record<ModelStatus['runtime']['state'], string> = { idle: 'gray', loading: 'blue', ready: 'teal', failed: 'red', crashed: 'red' };

export function StatusPanel({ status }: { status: ModelStatus | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const load = useMutation({
    mutationFn: (file: string) => api.models.activate.mutate({ file }),
    onError: (err) => notifyModelProblem(err, lang, t('models.status.loadFailed')),
  });
  const rt = status?.runtime;
  const loaded = rt?.loaded ?? null;
  const onGpu = loaded && loaded.gpu && loaded.gpuLayers > 0;
  return (
    <Paper p="md" radius="md" component="section" aria-label={t('models.status.title')} data-testid="status-panel">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconDeviceDesktopAnalytics size={18} stroke={1.6} />
          <Title order={3} fz="md">
            {t('models.status.title')}
          </Title>
        </Group>
        {rt && (
          <Badge color={STATE_COLOR[rt.state]} variant={rt.state === 'loading' ? 'dot' : 'light'} data-testid="runtime-state">
            {t(`models.status.states.${rt.state}`)}
          </Badge>
        )}
      </Group>
      {!status || !rt ? (
        <Skeleton h={60} />
      ) : (
        <Stack gap="sm">
          <Fact label={t('models.status.active')} value={status.activeFile ?? t('models.status.noActive')} testId="active-model" />
          {loaded ? (
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Fact label={t('models.status.device')} value={onGpu ? `${loaded.devices.join(', ') || GPU_KIND[loaded.gpu as string]} (${GPU_KIND[loaded.gpu as string]})` : t('models.status.cpu')} />
              <Fact label={t('models.status.layers')} value={t('models.status.layersValue', { on: loaded.gpuLayers, total: loaded.totalLayers })} />
              <Fact label={t('models.status.vram')} value={onGpu ? formatBytes(loaded.vramUsed, lang) : t('common.none')} />
              <Fact label={t('models.status.threads')} value={formatNumber(loaded.threads, lang)} />
              <Fact label={t('models.status.loadTime')} value={t('models.status.seconds', { n: formatNumber(loaded.loadMs / 1000, lang, 1) })} />
              <Fact
                label={t('models.status.lastRun')}
                testId="last-run"
                value={rt.lastRun ? t('models.status.lastRunValue', { rate: formatNumber(rt.lastRun.tokensPerSec, lang, 1), when: formatRelative(rt.lastRun.at, lang) }) : t('models.status.noRun')}
              />
            </SimpleGrid>
          ) : rt.state === 'idle' && status.activeFile ? (
            <Group justify="space-between" wrap="nowrap">
              <Text fz="sm" c="dimmed">
                {t('models.status.idleHint')}
              </Text>
              <Button size="xs" variant="light" onClick={() => load.mutate(status.activeFile!)} loading={load.isPending}>
                {t('models.status.loadNow')}
              </Button>
            </Group>
          ) : rt.state === 'loading' ? (
            <Text fz="sm" c="dimmed">
              {t('models.status.loadingHint')}
            </Text>
          ) : null}
          {loaded?.fallback && (
            <Stack gap={2}>
              <Text fz="xs" c="orange">
                {t('models.status.fallback')}
              </Text>
              <RawDetails text={loaded.fallback} />
            </Stack>
          )}
          {rt.error && <ModelProblem error={rt.error} />}
        </Stack>
      )}
    </Paper>
  );
}
