// The recommended models, each with what it needs and whether it fits this computer, and why the
// one recommended suits this shop; where to download from (with a note for mainland China);
// download with progress.
import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconDownload, IconInfoCircle, IconStarFilled } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { DOWNLOAD_SOURCES, type CatalogModel, type DownloadSource, type DownloadState, type ModelCatalog } from '../../lib/api-types';
import { formatBytes, formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { SUMMARY_ZH } from './catalog-zh';
import { DownloadStatus } from './DownloadStatus';
import { recommendationReason } from './reason';

const FIT_COLOR = { gpu: 'teal', cpu: 'blue', too_big: 'red' } as const;
const QUALITY_COLOR = { good: 'teal', fair: 'yellow', poor: 'gray' } as const;

export function SourceSetting({ source }: { source: DownloadSource }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const set = useMutation({
    mutationFn: (s: DownloadSource) => api.models.setSource.mutate({ source: s }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.modelCatalog }),
    onError: (err) => notifyError(err, t),
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Text fz="sm" fw={500}>
            {t('models.source.title')}
          </Text>
          <Text fz="xs" c="dimmed">
            {t(`models.source.hints.${source}`)}
          </Text>
        </div>
        <SegmentedControl
          value={source}
          onChange={(v) => set.mutate(v as DownloadSource)}
          disabled={set.isPending}
          aria-label={t('models.source.title')}
          data={DOWNLOAD_SOURCES.map((s) => ({ value: s, label: t(`models.source.names.${s}`) }))}
        />
      </Group>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} p="xs">
        <Text fz="xs">{t('models.source.china')}</Text>
      </Alert>
    </Stack>
  );
}

function Spec({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xs" fw={500} ta="right" className="tabular">
        {children}
      </Text>
    </Group>
  );
}

function ModelCard({ model, source, download }: { model: CatalogModel; source: DownloadSource; download: DownloadState | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const start = useMutation({
    mutationFn: () => api.models.download.mutate({ id: model.id }),
    onSuccess: (d) => qc.setQueryData<DownloadState[]>(keys.modelDownloads, (old = []) => [...old.filter((x) => x.file !== d.file), d]),
    onError: (err) => notifyError(err, t, t('models.download.startFailed', { name: model.name })),
  });
  const available = model.sources.includes(source);
  const summary = lang === 'zh' ? (SUMMARY_ZH[model.id] ?? model.summary) : model.summary;
  const inProgress = download && download.status !== 'done';
  return (
    <Card
      padding="md"
      withBorder
      radius="md"
      data-testid="catalog-card"
      data-model={model.id}
      style={model.recommended ? { borderColor: 'var(--mantine-color-indigo-5)', boxShadow: '0 0 0 1px var(--mantine-color-indigo-5)' } : undefined}
    >
      <Stack gap="sm" h="100%">
        <div>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={650}>{model.name}</Text>
            {model.recommended && (
              <Badge leftSection={<IconStarFilled size={10} />} variant="filled" data-testid="recommended">
                {t('models.catalog.recommended')}
              </Badge>
            )}
          </Group>
          <Group gap={6} mt={4}>
            <Badge size="sm" variant="light" color={FIT_COLOR[model.fit]} data-testid="fit">
              {t(`models.catalog.fit.${model.fit}`)}
            </Badge>
            <Text fz="xs" c="dimmed">
              {t('models.catalog.params', { n: formatNumber(model.parameters, lang, 1), quant: model.quantization })}
            </Text>
          </Group>
        </div>
        <Text fz="sm" c="dimmed">
          {summary}
        </Text>
        <Stack gap={2}>
          <Spec label={t('models.catalog.size')}>{formatBytes(model.sizeBytes, lang)}</Spec>
          <Spec label={t('models.catalog.ram')}>{t('models.catalog.gb', { n: formatNumber(model.ramGb, lang, 1) })}</Spec>
          <Spec label={t('models.catalog.vram')}>{t('models.catalog.gb', { n: formatNumber(model.vramGb, lang, 1) })}</Spec>
          <Spec label={t('models.catalog.languages')}>
            <Group gap={4} justify="flex-end">
              {(['zh', 'en'] as const).map((l) => (
                <Tooltip key={l} label={t(`models.catalog.quality.${model.languages[l]}`)}>
                  <Badge size="xs" variant="light" color={QUALITY_COLOR[model.languages[l]]}>
                    {t(`models.catalog.lang.${l}`)} · {t(`models.catalog.quality.${model.languages[l]}`)}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          </Spec>
          <Spec label={t('models.catalog.licence')}>
            <Anchor href={model.licenceUrl} target="_blank" rel="noreferrer" fz="xs">
              {model.licence}
            </Anchor>
          </Spec>
        </Stack>
        <div style={{ marginTop: 'auto' }}>
          {model.installed && !inProgress ? (
            <Stack gap={4}>
              <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                {t('models.catalog.installed')}
              </Badge>
              {download?.status === 'done' && <DownloadStatus download={download} />}
            </Stack>
          ) : inProgress ? (
            <DownloadStatus download={download} />
          ) : available ? (
            <Button
              fullWidth
              variant={model.recommended ? 'filled' : 'light'}
              leftSection={<IconDownload size={16} />}
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={model.fit === 'too_big'}
            >
              {t('models.catalog.download', { size: formatBytes(model.sizeBytes, lang) })}
            </Button>
          ) : (
            <Text fz="xs" c="dimmed">
              {t('models.catalog.notFromSource', { source: t(`models.source.names.${source}`) })}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}

export function CatalogSection({ catalog, downloads }: { catalog: ModelCatalog; downloads: DownloadState[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const byCatalog = new Map(downloads.filter((d) => d.catalogId).map((d) => [d.catalogId!, d]));
  return (
    <Stack gap="md">
      <div>
        <Title order={3} fz="lg">
          {t('models.catalog.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('models.catalog.subtitle')}
        </Text>
      </div>
      <Text fz="sm" data-testid="recommendation-reason">
        {recommendationReason(catalog.languages, catalog.models.find((m) => m.recommended), t, lang)}
      </Text>
      <SourceSetting source={catalog.source} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {catalog.models.map((m) => (
          <ModelCard key={m.id} model={m} source={catalog.source} download={byCatalog.get(m.id)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
