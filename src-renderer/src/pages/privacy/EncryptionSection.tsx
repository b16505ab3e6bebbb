// Encryption at rest and the app lock on the Privacy page: whether the database is encrypted,
// turning it on (passphrase twice, a strength hint, the plain warning that there is no back door),
// changing the passphrase, turning it off (asks the passphrase), the idle time and "Lock now".
// Owner only: the core refuses anyone else too.
import { Alert, Badge, Button, Checkbox, Divider, Group, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fetchLockState, lockNow, lockStateKey, passphraseError } from '../../components/privacy/lock-state';
import { useProfile } from '../../components/privacy/profile-context';
import { describeError } from '../../lib/errors';
import { notifyDone } from '../../lib/notify';
import { queryClient } from '../../lib/query-client';

const MIN = 8;
const KEY_FACTS = { kdf: 'PBKDF2-HMAC-SHA512', iterations: '256,000', cipher: 'AES-256 (SQLCipher 4)' };
const IDLE = ['5', '15', '30', '60'] as const;
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A rough strength from length and variety: a hint, not a guarantee. */
function strength(p: string): 'fair' | 'good' | 'strong' {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  if (p.length >= 16 || (p.length >= 12 && kinds >= 3)) return 'strong';
  if (p.length >= 12 || kinds >= 3) return 'good';
  return 'fair';
}
const STRENGTH_COLOR = { fair: 'yellow', good: 'teal', strong: 'green' } as const;

/** After the file was rewritten the core reopened: every answer is asked again. */
function afterRewrite() {
  void queryClient.invalidateQueries();
}

export function EncryptionSection() {
  const { t } = useTranslation();
  const me = useProfile();
  const state = useQuery({ queryKey: lockStateKey, queryFn: fetchLockState });
  const encrypted = state.data?.encrypted ?? false;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="encryption-section">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>{t('lock.title')}</Title>
          {state.data && (
            <Badge color={encrypted ? 'green' : 'gray'} leftSection={encrypted ? <IconLock size={12} /> : <IconLockOpen size={12} />} data-testid="encryption-status">
              {encrypted ? t('lock.statusOn') : t('lock.statusOff')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('lock.intro')}
        </Text>
        <Text size="sm">{encrypted ? t('lock.statusOnText') : t('lock.statusOffText')}</Text>
        <Text size="xs" c="dimmed">
          {t('lock.keyFacts', KEY_FACTS)}
        </Text>
        {!me.isOwner ? (
          <Alert color="gray">{t('profiles.ownerOnly')}</Alert>
        ) : !state.data ? null : encrypted ? (
          <Encrypted idleMinutes={state.data.idleMinutes ?? null} />
        ) : (
          <TurnOn />
        )}
      </Stack>
    </Paper>
  );
}

function StrengthHint({ value }: { value: string }) {
  const { t } = useTranslation();
  // Too short is said under the field itself.
  if (value.length < MIN) return null;
  const s = strength(value);
  return (
    <Text size="xs" c={STRENGTH_COLOR[s]} data-testid="passphrase-strength">
      {t(`lock.strength.${s}`, { min: MIN })}
    </Text>
  );
}

function Rewriting({ on }: { on: boolean }) {
  const { t } = useTranslation();
  if (!on) return null;
  return (
    <Alert color="blue" role="status">
      {t('lock.rewriting')}
    </Alert>
  );
}

function TurnOn() {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const enable = useMutation({
    mutationFn: (passphrase: string) => api.lock.enable.mutate({ passphrase }),
    onSuccess: () => {
      setPass('');
      setAgain('');
      notifyDone(t('lock.turnedOn'));
      afterRewrite();
    },
  });
  const tooShort = pass.length > 0 && pass.length < MIN;
  const mismatch = again.length > 0 && again !== pass;
  const ready = pass.length >= MIN && again === pass && understood;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) enable.mutate(pass);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Title order={4}>{t('lock.turnOn')}</Title>
        <PasswordInput label={t('lock.newPassphrase')} value={pass} onChange={(e) => setPass(e.currentTarget.value)} error={tooShort ? t('lock.tooShort', { min: MIN }) : null} autoComplete="new-password" data-testid="encrypt-passphrase" />
        <StrengthHint value={pass} />
        <PasswordInput label={t('lock.confirm')} value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch ? t('lock.mismatch') : null} autoComplete="new-password" data-testid="encrypt-confirm" />
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t('lock.noBackDoor')}
        </Alert>
        <Checkbox label={t('lock.understood')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} data-testid="encrypt-understood" />
        {enable.error && <Alert color="red">{passphraseError(enable.error, t)}</Alert>}
        <Rewriting on={enable.isPending} />
        <Group>
          <Button type="submit" leftSection={<IconLock size={16} />} disabled={!ready} loading={enable.isPending} data-testid="encrypt-on">
            {t('lock.turnOn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Encrypted({ idleMinutes }: { idleMinutes: number | null }) {
  const { t } = useTranslation();
  const setIdle = useMutation({
    mutationFn: (m: number | null) => api.lock.setIdleMinutes.mutate({ idleMinutes: m as 5 | 15 | 30 | 60 | null }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lockStateKey }),
  });
  const options = [...IDLE.map((m) => ({ value: m, label: t('lock.idleMinutes', { count: Number(m) }) })), { value: 'never', label: t('lock.idleNever') }];
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Select
          label={t('lock.idle')}
          description={t('lock.idleHint')}
          data={options}
          value={idleMinutes === null ? 'never' : String(idleMinutes)}
          onChange={(v) => v && setIdle.mutate(v === 'never' ? null : Number(v))}
          allowDeselect={false}
          w={260}
          data-testid="idle-minutes"
        />
        <Stack gap={2}>
          <Button variant="light" leftSection={<IconLock size={16} />} onClick={() => void lockNow()} data-testid="lock-now">
            {t('lock.lockNow')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('lock.lockNowHint', { keys: isMac ? '⌘L' : 'Ctrl+L' })}
          </Text>
        </Stack>
      </Group>
      <Divider />
      <ChangePassphrase />
      <Divider />
      <TurnOff />
    </Stack>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const change = useMutation({
    mutationFn: () => api.lock.changePassphrase.mutate({ current, next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setAgain('');
      notifyDone(t('lock.changed'));
      afterRewrite();
    },
  });
  const ready = current.length > 0 && next.length >= MIN && again === next;
  const shown = change.error ? { ...describeError(change.error, t), message: passphraseError(change.error, t) } : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) change.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={4}>{t('lock.change')}</Title>
        <PasswordInput label={t('lock.current')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={shown?.code === 'wrong_passphrase' ? shown.message : null} autoComplete="current-password" />
        <PasswordInput label={t('lock.newPassphrase')} value={next} onChange={(e) => setNext(e.currentTarget.value)} error={next && next.length < MIN ? t('lock.tooShort', { min: MIN }) : null} autoComplete="new-password" />
        <StrengthHint value={next} />
        <PasswordInput label={t('lock.confirm')} value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={again && again !== next ? t('lock.mismatch') : null} autoComplete="new-password" />
        {shown && shown.code !== 'wrong_passphrase' && <Alert color="red">{shown.message}</Alert>}
        <Rewriting on={change.isPending} />
        <Group>
          <Button type="submit" variant="default" disabled={!ready} loading={change.isPending}>
            {t('lock.change')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TurnOff() {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const disable = useMutation({
    mutationFn: (passphrase: string) => api.lock.disable.mutate({ passphrase }),
    onSuccess: () => {
      setPass('');
      notifyDone(t('lock.turnedOff'));
      afterRewrite();
    },
  });
  const shown = disable.error ? { message: passphraseError(disable.error, t) } : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (pass) disable.mutate(pass);
      }}
    >
      <Stack gap="sm">
        <Title order={4}>{t('lock.turnOff')}</Title>
        <Text size="sm" c="dimmed">
          {t('lock.turnOffText')}
        </Text>
        <PasswordInput label={t('lock.current')} value={pass} onChange={(e) => setPass(e.currentTarget.value)} error={shown?.message ?? null} autoComplete="current-password" data-testid="decrypt-passphrase" />
        <Rewriting on={disable.isPending} />
        <Group>
          <Button type="submit" color="red" variant="light" disabled={!pass} loading={disable.isPending} data-testid="encrypt-off">
            {t('lock.turnOffConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
