// The audit log: every change, newest first, with who made it and the values before and after;
// filters, older entries on demand, and a CSV export for the owner. Read-only: nothing here (or
// anywhere in the contract) edits an entry.
import { Anchor, Badge, Box, Button, Center, EmptyState, Group, Loader, Modal, NumberInput, Paper, ScrollArea, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconDownload, IconHistory, IconRefresh } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AUDIT_ACTIONS, type AuditAction, type AuditFilter } from '../../../../src-main/shared/privacy';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';
import { useProfile } from '../../components/privacy/profile-context';
import { readExportFile, saveBlob } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { notifyDone, notifyError } from '../../lib/notify';

type Page = Awaited<ReturnType<typeof api.audit.list.query>>;
type Entry = Page['entries'][number];

const PAGE = 100;
/** Characters of a value shown in the table; a click on the entry shows them all. */
const CLIP = 40;
/** Fields of one entry listed in the table. */
const FIELDS_SHOWN = 3;

/** Which privacy-mode mask a changed field's value takes. */
function maskKindOf(e: Entry, field: string): 'name' | 'email' | 'phone' | 'text' | null {
  if (field === 'email') return 'email';
  if (field === 'phone') return 'phone';
  if (field === 'name' && e.recordType === 'customer') return 'name';
  if (field === 'body' || field === 'subject' || field === 'title') return 'text';
  return null;
}

function useValueText() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { mask } = usePrivacyMode();
  return (e: Entry, field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('audit.empty');
    if (v === '***') return t('audit.hidden');
    if (typeof v === 'number' && field.endsWith('_at')) return formatDateTime(v, lang);
    if ((field.startsWith('consent_') || field === 'handled') && (v === 0 || v === 1)) return v ? t('audit.yes') : t('audit.no');
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    const kind = maskKindOf(e, field);
    return kind ? (mask[kind](text) ?? '') : text;
  };
}

const clip = (s: string) => (s.length > CLIP ? `${s.slice(0, CLIP - 1)}…` : s);

function ChangeLines({ entry, full }: { entry: Entry; full?: boolean }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  if (!entry.changes) return null;
  const all = Object.entries(entry.changes);
  // A created or deleted record lists every field: the table shows the first few, the dialog all.
  const shown = full ? all : all.slice(0, FIELDS_SHOWN);
  return (
    <Stack gap={2}>
      {shown.map(([field, [before, after]]) => {
        const a = valueText(entry, field, before);
        const b = valueText(entry, field, after);
        return (
          <Text key={field} fz="sm" data-testid="audit-change" style={{ wordBreak: full ? 'break-word' : undefined }}>
            <Text span inherit fw={500}>
              {t(`audit.fields.${field}`, { defaultValue: field })}
            </Text>
            {t('audit.sep')}
            {entry.action !== 'create' && (
              <>
                <Text span inherit c="dimmed" td={entry.action === 'update' ? 'line-through' : undefined}>
                  {full ? a : clip(a)}
                </Text>
                {entry.action === 'update' && ' → '}
              </>
            )}
            {entry.action !== 'delete' && (
              <Text span inherit>
                {full ? b : clip(b)}
              </Text>
            )}
          </Text>
        );
      })}
      {shown.length < all.length && (
        <Text fz="xs" c="dimmed">
          {t('audit.moreFields', { count: all.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}

function DetailText({ entry }: { entry: Entry }) {
  if (!entry.detail) return null;
  const parts = Object.entries(entry.detail)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return (
    <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
      {parts.join(' · ')}
    </Text>
  );
}

function WhatCell({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const { mask } = usePrivacyMode();
  const type = t(`audit.types.${entry.recordType}`, { defaultValue: entry.recordType });
  return (
    <Stack gap={2}>
      <Text fz="sm">
        {type}
        {entry.recordId != null && entry.recordType !== 'setting' ? ` #${entry.recordId}` : ''}
        {entry.recordType === 'setting' && typeof entry.detail?.key === 'string' ? ` · ${entry.detail.key}` : ''}
      </Text>
      {entry.customerId != null &&
        (entry.customerName ? (
          <Anchor component={Link} href={`/customers/${entry.customerId}`} fz="xs">
            {t('audit.customerLink', { name: mask.name(entry.customerName) })}
          </Anchor>
        ) : (
          <Text fz="xs" c="dimmed">
            {t('audit.customerNumber', { id: entry.customerId })}
          </Text>
        ))}
    </Stack>
  );
}

const ACTION_COLOR: Partial<Record<AuditAction, string>> = { create: 'teal', update: 'blue', delete: 'red', erase: 'red', import: 'grape', export: 'orange', restore: 'yellow', backup: 'gray' };

/** A yyyy-mm-dd date input as the start of that local day (ms), or undefined. */
const dayStart = (v: string) => (v ? dayjs(v).startOf('day').valueOf() : undefined);

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { isOwner } = useProfile();
  const [action, setAction] = useState<string | null>(null);
  const [recordType, setRecordType] = useState<string | null>(null);
  const [profile, setProfile] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [customer, setCustomer] = useState<number | string>('');
  const [open, setOpen] = useState<Entry | null>(null);

  const filter: AuditFilter = {
    ...(action ? { action: action as AuditAction } : {}),
    ...(recordType ? { recordType } : {}),
    ...(profile ? { profileId: Number(profile) } : {}),
    ...(typeof customer === 'number' && customer > 0 ? { customerId: customer } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    // "To" includes its whole day.
    ...(to ? { to: dayjs(to).add(1, 'day').startOf('day').valueOf() } : {}),
  };
  const filtered = Object.keys(filter).length > 0;

  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: () => api.audit.facets.query(), staleTime: 0 });
  const entries = useInfiniteQuery({
    queryKey: ['audit', 'list', filter],
    queryFn: ({ pageParam }) => api.audit.list.query({ filter, cursor: pageParam, limit: PAGE }),
    initialPageParam: null as number | null,
    getNextPageParam: (last: Page) => last.nextCursor,
    staleTime: 0,
  });
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];

  const exporter = useMutation({
    mutationFn: async () => {
      const out = await api.audit.export.mutate({ filter, language: lang });
      saveBlob(out.fileName, await readExportFile(out.fileName));
      await api.export.delete.mutate({ fileName: out.fileName }).catch(() => undefined);
      return out;
    },
    onSuccess: (out) => {
      notifyDone(t('audit.exported', { name: out.fileName }));
      void entries.refetch();
    },
    onError: (err) => notifyError(err, t),
  });

  const clear = () => {
    setAction(null);
    setRecordType(null);
    setProfile(null);
    setFrom('');
    setTo('');
    setCustomer('');
  };

  return (
    <Box maw={1200} mx="auto">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2}>{t('audit.title')}</Title>
            <Text c="dimmed" fz="sm" mt={4}>
              {t('audit.subtitle')}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void Promise.all([entries.refetch(), facets.refetch()])}>
              {t('audit.refresh')}
            </Button>
            <Button
              leftSection={<IconDownload size={16} />}
              onClick={() => exporter.mutate()}
              loading={exporter.isPending}
              disabled={!isOwner || rows.length === 0}
              title={isOwner ? undefined : t('audit.exportOwnerOnly')}
            >
              {t('audit.export')}
            </Button>
          </Group>
        </Group>

        <Paper p="sm" radius="md">
          <Group gap="sm" align="flex-end">
            <Select
              label={t('audit.filters.action')}
              placeholder={t('audit.filters.any')}
              clearable
              w={150}
              value={action}
              onChange={setAction}
              data={AUDIT_ACTIONS.filter((a) => !facets.data || facets.data.actions.includes(a)).map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
            />
            <Select
              label={t('audit.filters.recordType')}
              placeholder={t('audit.filters.any')}
              clearable
              w={170}
              value={recordType}
              onChange={setRecordType}
              data={(facets.data?.recordTypes ?? []).map((r) => ({ value: r, label: t(`audit.types.${r}`, { defaultValue: r }) }))}
            />
            <Select
              label={t('audit.filters.profile')}
              placeholder={t('audit.filters.any')}
              clearable
              w={150}
              value={profile}
              onChange={setProfile}
              data={(facets.data?.profiles ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <TextInput type="date" label={t('audit.filters.from')} w={150} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('audit.filters.to')} w={150} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <NumberInput label={t('audit.filters.customer')} w={130} min={1} allowDecimal={false} value={customer} onChange={setCustomer} hideControls />
            {filtered && (
              <Button variant="subtle" onClick={clear}>
                {t('audit.clearFilters')}
              </Button>
            )}
          </Group>
        </Paper>

        {entries.error ? (
          <QueryError error={entries.error} onRetry={() => entries.refetch()} />
        ) : !entries.data ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : rows.length === 0 ? (
          <Paper p="xl" radius="md">
            {filtered ? (
              <EmptyState icon={<IconHistory size={28} stroke={1.5} />} withIndicatorBackground title={t('audit.noMatchTitle')} description={t('audit.noMatchBody')} />
            ) : (
              <EmptyState icon={<IconHistory size={28} stroke={1.5} />} withIndicatorBackground title={t('audit.emptyTitle')} description={t('audit.emptyBody')} />
            )}
          </Paper>
        ) : (
          <>
            <Paper radius="md" style={{ overflow: 'hidden' }}>
              <ScrollArea>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('audit.title')} miw={860}>
                  <Table.Thead bg="var(--patron-surface)">
                    <Table.Tr>
                      <Table.Th w={170}>{t('audit.columns.time')}</Table.Th>
                      <Table.Th w={120}>{t('audit.columns.profile')}</Table.Th>
                      <Table.Th w={120}>{t('audit.columns.action')}</Table.Th>
                      <Table.Th w={200}>{t('audit.columns.what')}</Table.Th>
                      <Table.Th>{t('audit.columns.changes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((e) => (
                      <Table.Tr key={e.id} data-testid="audit-row">
                        <Table.Td>
                          <Text fz="sm">{formatDateTime(e.at, lang)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm" c={e.profileName ? undefined : 'dimmed'}>
                            {e.profileName ?? t('audit.noProfile')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={ACTION_COLOR[e.action] ?? 'gray'} tt="none" fw={500}>
                            {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <WhatCell entry={e} />
                        </Table.Td>
                        <Table.Td>
                          {e.changes || e.detail ? (
                            <UnstyledButton onClick={() => setOpen(e)} aria-label={t('audit.showAll')} style={{ display: 'block', width: '100%' }}>
                              <ChangeLines entry={e} />
                              <DetailText entry={e} />
                            </UnstyledButton>
                          ) : e.customerId != null && e.action !== 'erase' ? (
                            <Text fz="xs" c="dimmed">
                              {t('audit.erased')}
                            </Text>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Paper>
            <Group justify="space-between">
              <Text fz="sm" c="dimmed">
                {t('audit.shown', { count: rows.length })}
              </Text>
              {entries.hasNextPage && (
                <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
                  {t('audit.loadMore')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={t('audit.changesTitle')} size="lg">
        {open && (
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">
              {formatDateTime(open.at, lang)} · {open.profileName ?? t('audit.noProfile')} · {t(`audit.actions.${open.action}`, { defaultValue: open.action })}
            </Text>
            <ChangeLines entry={open} full />
            {open.detail && (
              <>
                <Text fz="sm" fw={500}>
                  {t('audit.detail')}
                </Text>
                <DetailText entry={open} />
              </>
            )}
          </Stack>
        )}
      </Modal>
    </Box>
  );
}
