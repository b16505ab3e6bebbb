// Renaming a segment (back to its standard name with one button) or a cluster (name and a
// one-line description). The owner's names win over the rule's and the model's.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface RenameTarget {
  title: string;
  name: string;
  /** Clusters carry a description; segments do not. */
  description?: string | null;
  /** The standard name, for "Use the standard name" (segments only). */
  standard?: string;
  save(name: string | null, description?: string | null): Promise<unknown>;
}

export function RenameModal({ target, onClose }: { target: RenameTarget | null; onClose(): void }) {
  return (
    <Modal opened={target != null} onClose={onClose} title={target?.title} size="md">
      {target && <RenameForm key={target.title + target.name} target={target} onClose={onClose} />}
    </Modal>
  );
}

function RenameForm({ target, onClose }: { target: RenameTarget; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(target.name);
  const [description, setDescription] = useState(target.description ?? '');
  const [busy, setBusy] = useState(false);
  const run = async (value: string | null) => {
    setBusy(true);
    try {
      await target.save(value, target.description === undefined ? undefined : description.trim() || null);
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void run(name.trim());
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('segments.rename.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required maxLength={60} />
        {target.description !== undefined && (
          <TextInput label={t('segments.rename.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={200} />
        )}
        {target.standard && (
          <Text fz="xs" c="dimmed">
            {t('segments.list.standardName', { name: target.standard })}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          {target.standard ? (
            <Button variant="subtle" onClick={() => void run(null)} disabled={busy}>
              {t('segments.rename.reset')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              {t('segments.rename.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
