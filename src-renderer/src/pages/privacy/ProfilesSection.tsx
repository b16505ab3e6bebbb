// Who uses Patron on this computer: the owner and staff with their PINs, and the customer fields
// staff may not see. Only the owner manages them (the core refuses anyone else).
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Modal, Paper, PasswordInput, SegmentedControl, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_FIELD_CHOICES, type PrivateField, type ProfileRole, type ProfileSummary } from '../../../../src-main/shared/privacy';
import { api } from '../../api/client';
import { profileListKey } from '../../components/privacy/ProfileGate';
import { useProfile } from '../../components/privacy/profile-context';
import { describeError } from '../../lib/errors';
import { notifyDone, notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { queryClient } from '../../lib/query-client';

const privateFieldsKey = [...keys.profilesAll, 'privateFields'] as const;
const refresh = () => queryClient.invalidateQueries({ queryKey: keys.profilesAll });

export function ProfilesSection() {
  const { t } = useTranslation();
  const me = useProfile();
  const list = useQuery({ queryKey: profileListKey, queryFn: () => api.profiles.list.query() });
  const [editing, setEditing] = useState<ProfileSummary | 'new' | null>(null);
  const profiles = list.data ?? [];
  const remove = useMutation({
    mutationFn: (id: number) => api.profiles.remove.mutate({ id }),
    onSuccess: () => {
      notifyDone(t('profiles.removed'));
      void refresh();
    },
    onError: (e) => notifyError(e, t),
  });
  const [removing, setRemoving] = useState<ProfileSummary | null>(null);
  const last = profiles.length === 1;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="profiles-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('profiles.title')}</Title>
          {me.isOwner && (
            <Button leftSection={<IconUserPlus size={16} />} variant={profiles.length ? 'default' : 'filled'} onClick={() => setEditing('new')} data-testid="add-profile">
              {profiles.length ? t('profiles.add') : t('profiles.addFirst')}
            </Button>
          )}
        </Group>
        <Text fz="sm" c="dimmed">
          {t('profiles.intro')}
        </Text>
        {!me.isOwner && <Alert color="gray">{t('profiles.ownerOnly')}</Alert>}
        {profiles.length === 0 ? (
          <Text fz="sm">{t('profiles.none')}</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {profiles.map((p) => (
                <Table.Tr key={p.id} data-testid={`profile-row-${p.name}`}>
                  <Table.Td>
                    <Text fw={600}>
                      {p.name}
                      {me.profile?.id === p.id && (
                        <Text span c="dimmed" fw={400} fz="sm">
                          {' '}
                          ({t('profiles.you')})
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.role === 'owner' ? 'indigo' : 'gray'}>
                      {t(`profiles.roles.${p.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td w={90}>
                    {me.isOwner && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('profiles.edit')}>
                          <ActionIcon variant="subtle" aria-label={`${t('profiles.edit')} ${p.name}`} onClick={() => setEditing(p)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('profiles.remove')}>
                          <ActionIcon variant="subtle" color="red" aria-label={`${t('profiles.remove')} ${p.name}`} onClick={() => setRemoving(p)} data-testid={`remove-profile-${p.name}`}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {profiles.length > 0 && <PrivateFields editable={me.isOwner} />}
      </Stack>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={last ? t('profiles.removeLastTitle') : t('profiles.removeTitle', { name: removing?.name ?? '' })}>
        <Stack gap="md">
          <Text fz="sm">{last ? t('profiles.removeLastBody') : t('profiles.removeBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('profiles.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              data-testid="confirm-remove-profile"
              onClick={() => {
                if (removing) remove.mutate(removing.id);
                setRemoving(null);
              }}
            >
              {t('profiles.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {editing && <ProfileForm profile={editing === 'new' ? null : editing} first={profiles.length === 0} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function ProfileForm({ profile, first, onClose }: { profile: ProfileSummary | null; first: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(profile?.name ?? '');
  const [role, setRole] = useState<ProfileRole>(profile?.role ?? (first ? 'owner' : 'staff'));
  const [pin, setPin] = useState('');
  const save = useMutation({
    mutationFn: () =>
      profile ? api.profiles.update.mutate({ id: profile.id, name, role, ...(pin ? { pin } : {}) }) : api.profiles.create.mutate({ name, role, pin }),
    onSuccess: (p) => {
      notifyDone(profile ? t('profiles.updated') : t('profiles.created', { name: p.name }));
      void refresh();
      onClose();
    },
  });
  const shown = save.error ? describeError(save.error, t) : null;
  return (
    <Modal opened onClose={onClose} title={profile ? t('profiles.edit') : first ? t('profiles.addFirst') : t('profiles.add')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('profiles.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus maxLength={60} error={shown?.fields.name} data-testid="profile-name" />
          {!first && (
            <div>
              <Text fz="sm" fw={500} mb={4}>
                {t('profiles.role')}
              </Text>
              <SegmentedControl
                value={role}
                onChange={(v) => setRole(v as ProfileRole)}
                data={[
                  { value: 'staff', label: t('profiles.roles.staff') },
                  { value: 'owner', label: t('profiles.roles.owner') },
                ]}
                data-testid="profile-role"
              />
            </div>
          )}
          <PasswordInput
            label={profile ? t('profiles.newPin') : t('profiles.pin')}
            description={t('profiles.pinHint')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            inputMode="numeric"
            autoComplete="new-password"
            required={!profile}
            error={shown?.fields.pin}
            data-testid="profile-pin"
          />
          {shown && !shown.fields.name && !shown.fields.pin && (
            <Alert color="red" variant="light">
              {shown.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('profiles.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim() || (!profile && pin.length < 4)} data-testid="save-profile">
              {t('profiles.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PrivateFields({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const fields = useQuery({ queryKey: privateFieldsKey, queryFn: () => api.profiles.privateFields.query() });
  const save = useMutation({
    mutationFn: (next: PrivateField[]) => api.profiles.setPrivateFields.mutate({ fields: next }),
    // Ticked at once; a refusal puts back what the core holds.
    onMutate: (next) => queryClient.setQueryData(privateFieldsKey, next),
    onSuccess: () => notifyDone(t('profiles.privateSaved')),
    onError: (e) => {
      notifyError(e, t);
      void queryClient.invalidateQueries({ queryKey: privateFieldsKey });
    },
  });
  const value = fields.data ?? [];
  return (
    <Stack gap={6} mt="sm">
      <Text fw={600}>{t('profiles.privateTitle')}</Text>
      <Text fz="sm" c="dimmed">
        {t('profiles.privateIntro')}
      </Text>
      <Checkbox.Group value={value} onChange={(v) => save.mutate(v as PrivateField[])}>
        <Group gap="lg">
          {PRIVATE_FIELD_CHOICES.map((f) => (
            <Checkbox key={f} value={f} label={t(`profiles.fields.${f}`)} disabled={!editable} data-testid={`private-${f}`} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
