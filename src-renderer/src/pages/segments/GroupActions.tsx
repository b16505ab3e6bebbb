// What the owner can do with any group of customers on the segments page (an RFM segment or a
// cluster): open them as a customer list, keep them as a smart list (the rule, so it stays
// current), export them (the app's export job, with the same filter), rename the group.
import { Button, Group, Menu, Modal, Stack, Text, TextInput, ActionIcon } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconDownload, IconExternalLink, IconListCheck, IconMailForward, IconPencil, IconUsers } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CampaignTarget } from '../../../../src-main/shared/drafting';
import type { Filter } from '../../../../src-main/shared/filters';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { runExport } from '../../lib/exporter';
import { formatNumber } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { NewCampaignModal } from '../campaigns/NewCampaignModal';
import { customersHref, listHref } from './links';

export interface GroupActionsProps {
  name: string;
  filter: Filter;
  customers: number;
  onRename(): void;
  testId?: string;
  /** Who a campaign for this group is for, where the group can be one (an RFM segment). */
  campaignTarget?: CampaignTarget;
}

/** "Save as smart list": asks for the name (the group's, by default), then creates it. */
function SaveListModal({ opened, onClose, name, filter }: { opened: boolean; onClose(): void; name: string; filter: Filter }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [value, setValue] = useState(name);
  const create = useMutation({
    mutationFn: (listName: string) => api.lists.create.mutate({ name: listName, filter }),
    onSuccess: ({ id }, listName) => {
      onClose();
      notifications.show({
        color: 'teal',
        title: t('segments.actions.listSaved', { name: listName }),
        message: (
          <Button size="compact-xs" variant="subtle" px={0} onClick={() => navigate(listHref(id))} rightSection={<IconExternalLink size={12} />}>
            {t('segments.actions.openList')}
          </Button>
        ),
      });
    },
    onError: (err) => notifyError(err, t),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('segments.saveList.title')} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) create.mutate(value.trim());
        }}
      >
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {t('segments.saveList.body')}
          </Text>
          <TextInput label={t('segments.saveList.name')} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus required maxLength={100} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!value.trim()}>
              {t('segments.saveList.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function GroupActions({ name, filter, customers, onRename, testId, campaignTarget }: GroupActionsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [, navigate] = useLocation();
  const [saving, setSaving] = useState(false);
  const [writing, setWriting] = useState(false);
  const [format] = useLocalStorage<'csv' | 'xlsx'>({ key: 'patron.export-format', defaultValue: 'csv' });
  const exportAs = (f: 'csv' | 'xlsx') =>
    void runExport(
      { input: { list: { kind: 'customers', filter: { filter, sort: 'totalSpent', dir: 'desc' } }, format: f }, label: t('segments.actions.exportName', { name }) },
      t,
    );
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end" data-testid={testId}>
      <Button size="compact-sm" variant="light" leftSection={<IconUsers size={14} />} onClick={() => navigate(customersHref(filter))} disabled={customers === 0} aria-label={t('segments.actions.openOne', { name })}>
        {t('segments.actions.open')}
      </Button>
      <Menu position="bottom-end" withinPortal shadow="md" width={240}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('segments.actions.more', { name })}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconListCheck size={15} />} onClick={() => setSaving(true)}>
            {t('segments.actions.saveList')}
          </Menu.Item>
          {campaignTarget && (
            <Menu.Item leftSection={<IconMailForward size={15} />} disabled={customers === 0} onClick={() => setWriting(true)} data-testid="group-write-messages">
              {t('campaigns.entry.group')}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconPencil size={15} />} onClick={onRename}>
            {t('segments.actions.rename')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('segments.actions.exportLabel', { name, n: formatNumber(customers, lang) })}</Menu.Label>
          {(format === 'csv' ? (['csv', 'xlsx'] as const) : (['xlsx', 'csv'] as const)).map((f) => (
            <Menu.Item key={f} leftSection={<IconDownload size={15} />} disabled={customers === 0} onClick={() => exportAs(f)}>
              {t('segments.actions.export')} · {t(`export.${f}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {saving && <SaveListModal opened onClose={() => setSaving(false)} name={name} filter={filter} />}
      {campaignTarget && <NewCampaignModal opened={writing} onClose={() => setWriting(false)} target={campaignTarget} />}
    </Group>
  );
}
