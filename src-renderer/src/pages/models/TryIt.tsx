// Try the model: a prompt, the reply streamed in as it is written, Stop, and the speed.
import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconPlayerStopFilled, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { StreamingText } from '../../components/StreamingText';
import { useGeneration } from '../../hooks/useGeneration';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { ModelProblem } from './ModelProblem';

export function TryIt({ hasModel }: { hasModel: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [prompt, setPrompt] = useState('');
  const gen = useGeneration();
  const s = gen.state;

  const run = () => {
    const p = prompt.trim();
    if (!p || gen.running) return;
    gen.start((h) => api.ai.generate.subscribe({ prompt: p, maxTokens: 256 }, h));
  };

  const stats = [
    s.model && t('models.try.model', { model: s.model }),
    s.tokens > 0 && t('models.try.tokens', { count: s.tokens }),
    s.tokensPerSec != null && t('models.try.speed', { rate: formatNumber(s.tokensPerSec, lang, 1) }),
    s.ms != null && !gen.running && t('models.status.seconds', { n: formatNumber(s.ms / 1000, lang, 1) }),
  ].filter(Boolean);

  return (
    <Paper p="md" radius="md" component="section" aria-label={t('models.try.title')} data-testid="try-it">
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md">
            {t('models.try.title')}
          </Title>
          <Text fz="xs" c="dimmed">
            {hasModel ? t('models.try.hint') : t('models.try.needModel')}
          </Text>
        </div>
        <Textarea
          label={t('models.try.prompt')}
          placeholder={t('models.try.placeholder')}
          value={prompt}
          onChange={(e) => setPrompt(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', run]])}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={4000}
          disabled={!hasModel}
        />
        <Group justify="space-between">
          <Text fz="xs" c="dimmed">
            {t('models.try.keys')}
          </Text>
          {gen.running ? (
            <Button color="red" variant="light" leftSection={<IconPlayerStopFilled size={14} />} onClick={gen.stop}>
              {t('models.try.stop')}
            </Button>
          ) : (
            <Button leftSection={<IconSend size={16} />} onClick={run} disabled={!hasModel || !prompt.trim()}>
              {t('models.try.send')}
            </Button>
          )}
        </Group>
        {s.status !== 'idle' && (
          <Paper p="sm" radius="md" bg="var(--patron-surface)" withBorder={false}>
            {s.status === 'failed' && s.error ? (
              <Stack gap={4}>
                <ModelProblem error={s.error} />
                {s.error.code === 'model_missing' && (
                  <Anchor component={Link} href="/models" fz="sm">
                    {t('ai.openModels')}
                  </Anchor>
                )}
              </Stack>
            ) : (
              <StreamingText text={s.text} running={gen.running} placeholder={t('models.try.starting')} testId="try-output" />
            )}
            {stats.length > 0 && (
              <Text fz="xs" c="dimmed" mt={6} className="tabular" data-testid="try-stats">
                {stats.join(' · ')}
                {s.status === 'stopped' && ` · ${t('models.try.stopped')}`}
              </Text>
            )}
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
