// With profiles set up, a window must sign in before anything of the data mounts: the sign-in
// screen lists the profiles and takes a PIN (typed or on the pad, Enter signs in). Without
// profiles the app opens as before, for one person who is the owner.
import { Avatar, Button, Center, Group, Loader, Paper, PasswordInput, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowLeft, IconBackspace, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../../src-main/shared/privacy';
import { api } from '../../api/client';
import { PrivacyModeProvider } from '../../hooks/usePrivacyMode';
import { describeError } from '../../lib/errors';
import { keys } from '../../lib/query-keys';
import { Logo } from '../Logo';
import { ProfileContext, type ProfileState } from './profile-context';

export const currentProfileKey = [...keys.profilesAll, 'current'] as const;
export const profileListKey = [...keys.profilesAll, 'list'] as const;

export function ProfileGate({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const current = useQuery({ queryKey: currentProfileKey, queryFn: () => api.profiles.current.query() });
  const list = useQuery({ queryKey: profileListKey, queryFn: () => api.profiles.list.query() });
  const { mutate: signOut } = useMutation({
    mutationFn: () => api.profiles.signOut.mutate(),
    // Everything shown was read as the profile leaving: drop it all.
    onSuccess: () => qc.resetQueries(),
  });
  const data = current.data;
  const state = useMemo<ProfileState>(
    () => ({
      profile: data?.profile ?? null,
      role: data?.role ?? 'owner',
      isOwner: (data?.role ?? 'owner') === 'owner',
      hasProfiles: (list.data?.length ?? 0) > 0,
      signOut: () => signOut(),
    }),
    [data, list.data, signOut],
  );
  if (!data) {
    // The core may be unreachable for a moment: the app's own banner says so once it mounts.
    if (current.isError) return <PrivacyModeProvider>{children}</PrivacyModeProvider>;
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (data.needsSignIn) return <SignIn profiles={list.data ?? []} />;
  return (
    <ProfileContext.Provider value={state}>
      <PrivacyModeProvider>{children}</PrivacyModeProvider>
    </ProfileContext.Provider>
  );
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

function SignIn({ profiles }: { profiles: ProfileSummary[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<ProfileSummary | null>(profiles.length === 1 ? profiles[0] : null);
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: () => api.profiles.signIn.mutate({ profileId: chosen!.id, pin }),
    // A new profile reads the data anew (private fields differ by role).
    onSuccess: () => qc.resetQueries(),
    onError: () => setPin(''),
  });
  const press = (d: string) => {
    setPin((p) => (p.length < 8 ? p + d : p));
    input.current?.focus();
  };
  return (
    <Center mih="100vh" p="md" data-testid="profile-gate">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={420}>
        <Stack gap="md">
          <Logo />
          <Title order={3}>{t('profiles.signInTitle')}</Title>
          {!chosen ? (
            <>
              <Text c="dimmed" fz="sm">
                {t('profiles.signInIntro')}
              </Text>
              <Stack gap="xs">
                {profiles.map((p) => (
                  <UnstyledButton
                    key={p.id}
                    onClick={() => {
                      setChosen(p);
                      setPin('');
                      signIn.reset();
                    }}
                    className="profile-choice"
                    style={{ borderRadius: 8, padding: 10, border: '1px solid var(--mantine-color-default-border)' }}
                    data-testid={`profile-choice-${p.name}`}
                  >
                    <Group>
                      <Avatar name={p.name} color="initials" radius="xl" />
                      <div>
                        <Text fw={600}>{p.name}</Text>
                        <Text fz="xs" c="dimmed">
                          {t(`profiles.roles.${p.role}`)}
                        </Text>
                      </div>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (pin.length >= 4) signIn.mutate();
              }}
            >
              <Stack gap="sm">
                <Group gap="sm">
                  <Avatar name={chosen.name} color="initials" radius="xl" />
                  <div>
                    <Text fw={600}>{chosen.name}</Text>
                    <Text fz="xs" c="dimmed">
                      {t(`profiles.roles.${chosen.role}`)}
                    </Text>
                  </div>
                </Group>
                <PasswordInput
                  ref={input}
                  label={t('profiles.pinFor', { name: chosen.name })}
                  description={t('profiles.pinHint')}
                  value={pin}
                  onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
                  inputMode="numeric"
                  autoComplete="off"
                  autoFocus
                  leftSection={<IconLock size={16} />}
                  error={signIn.error ? describeError(signIn.error, t).message : undefined}
                  data-testid="pin-input"
                />
                <SimpleGrid cols={3} spacing={6}>
                  {DIGITS.map((d) => (
                    <Button key={d} variant="default" size="md" onClick={() => press(d)}>
                      {d}
                    </Button>
                  ))}
                  <Button variant="subtle" size="md" onClick={() => setPin('')}>
                    {t('profiles.clear')}
                  </Button>
                  <Button variant="default" size="md" onClick={() => press('0')}>
                    0
                  </Button>
                  <Button variant="subtle" size="md" aria-label={t('profiles.del')} onClick={() => setPin((p) => p.slice(0, -1))}>
                    <IconBackspace size={18} />
                  </Button>
                </SimpleGrid>
                <Button type="submit" disabled={pin.length < 4} loading={signIn.isPending}>
                  {t('profiles.signIn')}
                </Button>
                {profiles.length > 1 && (
                  <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => setChosen(null)}>
                    {t('profiles.back')}
                  </Button>
                )}
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
