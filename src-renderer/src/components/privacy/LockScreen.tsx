// What a locked Patron shows: its name, a passphrase field (Enter unlocks), what went wrong in
// words, the honest line that a forgotten passphrase cannot be recovered, and a language switch
// (the language preference lives in the locked database, so the last one used is kept in
// localStorage by i18n/index.ts). Nothing of the data.
import { Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { queryClient } from '../../lib/query-client';
import { lockStateKey, passphraseError } from './lock-state';

export function LockScreen() {
  const { t, i18n } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useMutation({
    mutationFn: (p: string) => api.lock.unlock.mutate({ passphrase: p }),
    onSuccess: (next) => {
      setPassphrase('');
      queryClient.setQueryData(lockStateKey, next);
      void queryClient.invalidateQueries({ queryKey: lockStateKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (passphrase) unlock.mutate(passphrase);
  };
  const error = unlock.error ? passphraseError(unlock.error, t) : null;
  return (
    <Center h="100vh" p="md" data-testid="lock-screen">
      <Paper withBorder radius="md" p="xl" w={420} shadow="sm">
        <form onSubmit={submit}>
          <Stack gap="md">
            <Group justify="space-between" align="center">
              <Group gap="xs">
                <IconLock size={22} aria-hidden />
                <Text fw={700} size="lg">
                  {t('lock.appName')}
                </Text>
              </Group>
              <SegmentedControl
                size="xs"
                aria-label={t('lock.language')}
                value={i18n.language === 'zh' ? 'zh' : 'en'}
                onChange={(v) => void i18n.changeLanguage(v)}
                data={[
                  { value: 'en', label: 'English' },
                  { value: 'zh', label: '中文' },
                ]}
              />
            </Group>
            <div>
              <Title order={2} size="h3">
                {t('lock.lockedTitle')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('lock.lockedIntro')}
              </Text>
            </div>
            <PasswordInput
              label={t('lock.passphrase')}
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.currentTarget.value);
                if (unlock.error) unlock.reset();
              }}
              error={error}
              autoFocus
              autoComplete="current-password"
              data-testid="lock-passphrase"
            />
            <Button type="submit" loading={unlock.isPending} disabled={!passphrase} data-testid="lock-unlock">
              {t('lock.unlock')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('lock.forgotten')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
