// Saved mappings: load one (columns are found by their header name, so a template still fits when
// the columns move), save the current mapping under a name, delete one (with undo).
import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ImportKind, ImportTemplate, InspectResult } from '../../lib/api-types';
import { describeError } from '../../lib/errors';
import { notifyDone, notifyError, notifyWithUndo } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { DEFAULT_OPTIONS, setWizard, type FullOptions } from './wizard-store';

const norm = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A template's mapping (field → header) as column indexes of this file, and the headers it lacks. */
function applyTemplate(tpl: ImportTemplate, headers: string[]): { mapping: Record<string, number>; missing: string[] } {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(norm(h))) index.set(norm(h), i);
  });
  const mapping: Record<string, number> = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(tpl.mapping)) {
    const col = index.get(norm(header));
    if (col === undefined) missing.push(header);
    else mapping[field] = col;
  }
  return { mapping, missing };
}

interface Props {
  info: InspectResult;
  kind: ImportKind;
  mapping: Record<string, number>;
  options: FullOptions;
  templateId: number | null;
}

export function TemplateBar({ info, kind, mapping, options, templateId }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: keys.importTemplates, queryFn: () => api.import.listTemplates.query() });
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const current = templates.data?.find((x) => x.id === templateId) ?? null;

  const save = useMutation({
    mutationFn: (n: string) => api.import.saveTemplate.mutate({ name: n, kind, mapping, headers: info.headers, options }),
    onSuccess: ({ id }, n) => {
      void qc.invalidateQueries({ queryKey: keys.importTemplates });
      setWizard({ templateId: id });
      setSaving(false);
      notifyDone(t('import.templates.saved', { name: n }));
    },
    onError: (err) => setNameError(describeError(err, t).message),
  });

  const remove = useMutation({
    mutationFn: (tpl: ImportTemplate) => api.import.deleteTemplate.mutate({ id: tpl.id }),
    onSuccess: (_r, tpl) => {
      void qc.invalidateQueries({ queryKey: keys.importTemplates });
      setWizard({ templateId: null });
      const headers = [...new Set(Object.values(tpl.mapping))];
      notifyWithUndo({
        id: `template-${tpl.id}`,
        message: t('import.templates.deleted', { name: tpl.name }),
        undoLabel: t('common.undo'),
        onUndo: () =>
          void api.import.saveTemplate
            .mutate({
              name: tpl.name,
              kind: tpl.kind,
              headers,
              mapping: Object.fromEntries(Object.entries(tpl.mapping).map(([f, h]) => [f, headers.indexOf(h)])),
              options: tpl.options,
            })
            .then(() => qc.invalidateQueries({ queryKey: keys.importTemplates }), (err) => notifyError(err, t)),
      });
    },
    onError: (err) => notifyError(err, t),
  });

  const load = (id: string | null) => {
    const tpl = templates.data?.find((x) => String(x.id) === id);
    if (!tpl) return;
    const { mapping: m, missing } = applyTemplate(tpl, info.headers);
    setWizard({ kind: tpl.kind, kindChosen: true, mapping: m, options: { ...DEFAULT_OPTIONS, ...options, ...tpl.options }, templateId: tpl.id });
    if (missing.length) {
      notifications.show({ color: 'yellow', title: t('import.templates.partial', { name: tpl.name }), message: t('import.templates.missing', { columns: missing.join(', ') }), autoClose: 8000 });
    }
  };

  const openSave = () => {
    setName(current?.name ?? info.fileName.replace(/\.[^.]+$/, ''));
    setNameError(null);
    setSaving(true);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(t('import.templates.nameRequired'));
    save.mutate(name.trim());
  };

  return (
    <Group gap="xs" wrap="nowrap" data-testid="template-bar">
      <Select
        size="xs"
        w={220}
        placeholder={templates.data?.length ? t('import.templates.load') : t('import.templates.none')}
        disabled={!templates.data?.length}
        data={(templates.data ?? []).map((x) => ({ value: String(x.id), label: `${x.name} · ${t(`import.kinds.${x.kind}`)}` }))}
        value={current ? String(current.id) : null}
        onChange={load}
        aria-label={t('import.templates.label')}
        allowDeselect={false}
      />
      {current && (
        <Tooltip label={t('import.templates.delete', { name: current.name })}>
          <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(current)} loading={remove.isPending} aria-label={t('import.templates.delete', { name: current.name })}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} />} onClick={openSave}>
        {t('import.templates.save')}
      </Button>
      <Modal opened={saving} onClose={() => setSaving(false)} title={<Text fw={600}>{t('import.templates.saveTitle')}</Text>}>
        <form onSubmit={submit}>
          <Stack>
            <Text fz="sm" c="dimmed">
              {t('import.templates.saveBody')}
            </Text>
            <TextInput label={t('import.templates.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-autofocus maxLength={100} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
