// The AI model page: what this computer can run, the runtime's state, the catalog with downloads,
// the models installed, import of a local .gguf, and a box to try the model. With no model it
// says plainly what to do first.
import { Alert, Box, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { formatBytes } from '../../lib/format';
import { CatalogSection } from './CatalogSection';
import { InstalledSection } from './InstalledSection';
import { HardwarePanel, StatusPanel } from './MachinePanels';
import { OwnModel } from './OwnModel';
import { TryIt } from './TryIt';
import { useModelData, useModelEvents } from './useModels';

export function ModelsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  useModelEvents();
  const { catalog, installed, downloads, status } = useModelData();
  const models = installed.data ?? [];
  const usable = models.some((m) => !m.error);
  const recommended = catalog.data?.models.find((m) => m.recommended);
  const downloading = (downloads.data ?? []).some((d) => d.status === 'downloading' || d.status === 'verifying');

  const catalogSection = catalog.error ? (
    <QueryError error={catalog.error} onRetry={() => catalog.refetch()} />
  ) : !catalog.data ? (
    <Center p="xl">
      <Loader />
    </Center>
  ) : (
    <CatalogSection catalog={catalog.data} downloads={downloads.data ?? []} />
  );
  const installedSection = installed.error ? <QueryError error={installed.error} onRetry={() => installed.refetch()} /> : <InstalledSection models={models} />;

  return (
    <Box maw={1180} mx="auto">
      <Stack gap="lg">
        <div>
          <Title order={2}>{t('models.title')}</Title>
          <Text c="dimmed" fz="sm" mt={4} maw={760}>
            {t('models.subtitle')}
          </Text>
        </div>
        {installed.data && !usable && (
          <Alert color="indigo" variant="light" icon={<IconSparkles size={20} />} title={t('models.empty.title')} data-testid="no-model">
            <Text fz="sm">
              {downloading
                ? t('models.empty.downloading')
                : recommended
                  ? t('models.empty.bodyRecommended', { name: recommended.name, size: formatBytes(recommended.sizeBytes, lang) })
                  : t('models.empty.body')}
            </Text>
            <Text fz="sm" mt={6}>
              {t('models.empty.rest')}
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <HardwarePanel hardware={catalog.data?.hardware} />
          <StatusPanel status={status.data} />
        </SimpleGrid>
        {installed.data === undefined && !installed.error ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : (
          // One tree whatever the state (a finished download must not reset what is typed in the
          // sections); only the visual order changes: with a model, what is installed and the
          // try-it box come first, without one the catalog does.
          <Stack gap="lg">
            <Box style={{ order: usable ? 1 : 2 }}>{installedSection}</Box>
            <Box style={{ order: usable ? 2 : 4 }}>
              <TryIt hasModel={usable} />
            </Box>
            <Box style={{ order: usable ? 3 : 1 }}>{catalogSection}</Box>
            <Box style={{ order: usable ? 4 : 3 }}>
              <OwnModel downloads={downloads.data ?? []} />
            </Box>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
