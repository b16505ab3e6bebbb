// "Summarise": the local model writes a short summary of this customer (what they buy, how often,
// open tasks, their last messages and tone) in the UI's language, streamed into the page. Stop
// ends it at once; with no model installed it says so and where to get one.
import { ActionIcon, Alert, Anchor, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerStopFilled, IconRefresh, IconSparkles, IconX } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { ErrorDetail } from '../../components/ErrorDetail';
import { StreamingText } from '../../components/StreamingText';
import { useGeneration } from '../../hooks/useGeneration';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';

export function SummaryCard({ customerId, onClose }: { customerId: number; onClose(): void }) {
  const { t } = useTranslation();
  // A summary speaks of the customer by name and quotes them: hidden whole in privacy mode.
  const { mask } = usePrivacyMode();
  const lang = useLanguage();
  const gen = useGeneration();
  const { start } = gen;
  const s = gen.state;

  const run = useCallback(() => start((h) => api.ai.summarizeCustomer.subscribe({ customerId, language: lang }, h)), [start, customerId, lang]);
  // Starts when the card opens, and again in the other language if the person switches.
  useEffect(() => run(), [run]);

  const missing = s.error?.code === 'model_missing';
  return (
    <Paper p="md" radius="md" component="section" aria-label={t('ai.summary.title')} data-testid="summary-card" style={{ borderColor: 'var(--mantine-color-indigo-3)' }}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <IconSparkles size={18} color="var(--mantine-color-indigo-6)" />
          <Text fw={600}>{t('ai.summary.title')}</Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          {gen.running ? (
            <Button size="compact-sm" variant="light" color="red" leftSection={<IconPlayerStopFilled size={12} />} onClick={gen.stop}>
              {t('ai.stop')}
            </Button>
          ) : (
            !missing && (
              <Button size="compact-sm" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={run}>
                {t('ai.again')}
              </Button>
            )
          )}
          <Tooltip label={t('common.close')}>
            <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('common.close')}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {missing ? (
        <Alert color="indigo" variant="light" data-testid="summary-no-model">
          <Stack gap={6}>
            <Text fz="sm">{t('ai.noModel')}</Text>
            <Anchor component={Link} href="/models" fz="sm" fw={500}>
              {t('ai.openModels')}
            </Anchor>
          </Stack>
        </Alert>
      ) : s.status === 'failed' && s.error ? (
        <ErrorDetail error={s.error} />
      ) : (
        <>
          <StreamingText text={mask.text(s.text)} running={gen.running} placeholder={t('ai.summary.starting')} testId="summary-text" />
          {!gen.running && s.status !== 'idle' && (
            <Text fz="xs" c="dimmed" mt={6} className="tabular">
              {[
                s.status === 'stopped' ? t('ai.stopped') : t('ai.summary.note'),
                s.tokensPerSec != null ? t('models.try.speed', { rate: formatNumber(s.tokensPerSec, lang, 1) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
