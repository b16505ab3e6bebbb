// A smart list on the customers page: "Save as list" for the filter on screen, and with a list
// open its actions: "Update list" once its filter was edited (or put it back), rename, close, and
// delete at once with Undo (the list is made again from what lists.remove returned).
import { Badge, Button, Group, Menu, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconDeviceFloppy, IconDots, IconMailForward, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../../src-main/shared/filters';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { formatMoney } from '../../lib/format';
import { formatCompactMoney } from '../dashboard/money';
import { useFilterCount } from './filter/FilterEditor';
import { describeError } from '../../lib/errors';
import { notifyDone, notifyError, notifyWithUndo } from '../../lib/notify';
import { NewCampaignModal } from '../campaigns/NewCampaignModal';

export interface OpenList {
  id: number;
  name: string;
  filter: Filter;
}

/** The name prompt for saving and renaming: a name clash shows under the field. */
export function ListNameModal({
  opened,
  title,
  submitLabel,
  initial,
  body,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  initial: string;
  body?: string;
  onClose(): void;
  onSubmit(name: string): Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setName(initial);
      setError(null);
    }
  }, [opened, initial]);
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {body && (
            <Text fz="sm" c="dimmed">
              {body}
            </Text>
          )}
          <TextInput label={t('lists.save.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus maxLength={120} required />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The customers' summed predicted value (lists.count's value), once predictions have run. */
function ListValue({ filter }: { filter: Filter }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const value = useFilterCount(filter).data?.value;
  if (!value || filter.conditions.length === 0) return null;
  return (
    <Tooltip label={`${formatMoney(value.clvCents, lang, shopCurrency)} · ${t('predictPages.list.valueHint')}`} multiline w={260} withArrow>
      <Text fz="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }} tabIndex={0} data-testid="list-value" data-cents={value.clvCents}>
        {t('predictPages.list.value', { count: value.horizonMonths, value: formatCompactMoney(value.clvCents, lang, shopCurrency) })}
      </Text>
    </Tooltip>
  );
}

interface Props {
  /** The filter on screen. */
  filter: Filter;
  list: OpenList | null;
  /** The filter on screen differs from the open list's. */
  edited: boolean;
  /** Open a list (after saving or an undo), or none with this filter. */
  onOpen(to: { listId?: number; filter?: Filter }): void;
}

export function ListBar({ filter, list, edited, onOpen }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [writing, setWriting] = useState(false);
  const update = useMutation({
    mutationFn: (l: OpenList) => api.lists.update.mutate({ id: l.id, filter }),
    onSuccess: (_r, l) => {
      notifyDone(t('lists.save.updated', { name: l.name }));
      onOpen({ listId: l.id });
    },
    onError: (err) => notifyError(err, t),
  });
  const remove = async (l: OpenList) => {
    try {
      const removed = await api.lists.remove.mutate({ id: l.id });
      onOpen({ filter: removed.filter });
      notifyWithUndo({
        id: `list-deleted-${l.id}`,
        message: t('lists.save.deleted', { name: removed.name }),
        undoLabel: t('common.undo'),
        onUndo: () =>
          void api.lists.create.mutate({ name: removed.name, filter: removed.filter }).then(
            ({ id }) => {
              notifyDone(t('lists.save.restored', { name: removed.name }));
              onOpen({ listId: id });
            },
            (err) => notifyError(err, t),
          ),
      });
    } catch (err) {
      notifyError(err, t);
    }
  };

  const saveModal = (
    <ListNameModal
      opened={saving}
      title={t('lists.save.title')}
      body={t('lists.save.body')}
      submitLabel={t('lists.save.submit')}
      initial=""
      onClose={() => setSaving(false)}
      onSubmit={async (name) => {
        const { id } = await api.lists.create.mutate({ name, filter });
        notifyDone(t('lists.save.saved', { name }));
        onOpen({ listId: id });
      }}
    />
  );

  if (!list)
    return (
      <Group gap="xs" wrap="nowrap">
        <ListValue filter={filter} />
        <Button variant="light" size="xs" leftSection={<IconDeviceFloppy size={14} />} onClick={() => setSaving(true)} disabled={filter.conditions.length === 0} data-testid="save-list">
          {t('lists.save.button')}
        </Button>
        {saveModal}
      </Group>
    );

  return (
    <Group gap="xs" wrap="nowrap">
      <ListValue filter={filter} />
      {edited && (
        <>
          <Badge variant="light" color="yellow" data-testid="list-edited">
            {t('lists.save.edited')}
          </Badge>
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} onClick={() => update.mutate(list)} loading={update.isPending} data-testid="update-list">
            {t('lists.save.update')}
          </Button>
          <Button size="xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={() => onOpen({ listId: list.id })}>
            {t('lists.save.revert')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setSaving(true)}>
            {t('lists.save.button')}
          </Button>
        </>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" px={8} aria-label={t('lists.save.actions')} data-testid="list-actions">
            <IconDots size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconMailForward size={14} />} onClick={() => setWriting(true)} data-testid="list-write-messages">
            {t('campaigns.entry.group')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setRenaming(true)}>
            {t('lists.save.rename')}
          </Menu.Item>
          <Menu.Item leftSection={<IconX size={14} />} onClick={() => onOpen({})}>
            {t('lists.save.close')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(list)} data-testid="delete-list">
            {t('lists.save.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {saveModal}
      <NewCampaignModal opened={writing} onClose={() => setWriting(false)} target={{ kind: 'list', listId: list.id }} />
      <ListNameModal
        opened={renaming}
        title={t('lists.save.renameTitle')}
        submitLabel={t('lists.save.renameSubmit')}
        initial={list.name}
        onClose={() => setRenaming(false)}
        onSubmit={(name) => api.lists.update.mutate({ id: list.id, name })}
      />
    </Group>
  );
}
