import { Box, Button, Code, Group, Modal, Paper, SegmentedControl, Stack, Text, Title, type MantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePreferences } from '../../hooks/usePreferences';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { MoneySection } from './MoneySection';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="lg" radius="md" component="section" aria-label={title}>
      <Title order={3} fz="md" mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function Row({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xl">
      <div>
        <Text fz="sm" fw={500}>
          {label}
        </Text>
        {hint && (
          <Text fz="xs" c="dimmed" maw={420}>
            {hint}
          </Text>
        )}
      </div>
      {children}
    </Group>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { theme, setTheme } = usePreferences();
  const overview = useQuery({ queryKey: keys.overview, queryFn: () => api.app.overview.query() });
  const info = useQuery({ queryKey: keys.info, queryFn: () => api.app.info.query(), staleTime: Infinity });
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.sample.remove.mutate(),
    onSuccess: (res) => {
      setConfirming(false);
      // What is on screen (the Tasks badge, the list) refreshes from the change events it caused.
      notifications.show({ color: 'teal', message: t('settings.removed', { customers: res.customers, products: res.products }) });
    },
    onError: (err) => notifyError(err, t),
  });
  const sample = overview.data?.sampleCustomers ?? 0;

  return (
    <Box maw={760} mx="auto">
      <Stack gap="md">
        <Title order={2}>{t('settings.title')}</Title>
        <Section title={t('settings.appearance')}>
          <Row label={t('settings.language')} hint={t('settings.languageHint')}>
            <LanguageSwitch size="sm" />
          </Row>
          <Row label={t('settings.theme')}>
            <SegmentedControl
              aria-label={t('settings.theme')}
              value={theme}
              onChange={(v) => setTheme(v as MantineColorScheme)}
              data={(['light', 'dark', 'auto'] as const).map((v) => ({ value: v, label: t(`settings.themes.${v}`) }))}
            />
          </Row>
        </Section>
        <Section title={t('settings.money.title')}>
          <MoneySection />
        </Section>
        <Section title={t('settings.sampleTitle')}>
          <Row label={sample ? t('settings.sampleBody', { count: sample }) : t('settings.sampleNone')}>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} disabled={!sample} onClick={() => setConfirming(true)}>
              {t('settings.removeSample')}
            </Button>
          </Row>
        </Section>
        <Section title={t('settings.dataTitle')}>
          <Text fz="sm" c="dimmed">
            {t('settings.dataBody')}
          </Text>
          <div>
            <Text fz="sm" fw={500} mb={4}>
              {t('settings.dbFile')}
            </Text>
            <Code block data-testid="db-file">
              {info.data?.dbFile ?? '…'}
            </Code>
          </div>
          {info.data && (
            <Text fz="xs" c="dimmed">
              {t('settings.version', { version: info.data.version })}
            </Text>
          )}
        </Section>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={600}>{t('settings.removeTitle')}</Text>}>
        <Stack>
          <Text fz="sm">{t('settings.removeBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('settings.removeSample')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  );
}
