// The inbox: every open message from customers, most urgent first with the reasons in words, and a
// reply panel beside the list for the selected one. Worked from the keyboard: j/k move, r drafts a
// reply, e marks handled (with Undo), u undoes the last one, Esc leaves the editor. The list
// refreshes itself as messages arrive (change events refetch keys.inboxAll).
import { Badge, Box, Button, Center, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClockHour4, IconFilterOff, IconInbox, IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_DAYS, type InboxFilter } from '../../../../src-main/shared/inbox';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { HEADER_HEIGHT } from '../../lib/layout';
import { notifyError, notifyWithUndo } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { InboxFilters, isFiltered } from './InboxFilters';
import { InboxList } from './InboxList';
import { inboxListsKey, useInboxList, useInboxStats, type InboxList as InboxListData, type InboxRow } from './inbox-queries';
import { INBOX_KEYS, KeyboardHint } from './KeyboardHint';
import { ReplyPanel, type ReplyHandle } from './ReplyPanel';
import { responseTimeText } from './reasons';
import type { ReplyDraft } from './useReplyDraft';

/** Keys are for the list, not for someone typing (a text box, a searchable select); radios and buttons don't count. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

function Stats() {
  const { t } = useTranslation();
  const stats = useInboxStats();
  if (!stats.data) return null;
  const { open, medianResponseMs, answered } = stats.data;
  return (
    <Group gap="lg" wrap="wrap">
      <Badge size="lg" variant="light" color={open ? 'indigo' : 'teal'} data-testid="inbox-open">
        {t('inbox.open', { count: open })}
      </Badge>
      <Group gap={6} wrap="nowrap" data-testid="inbox-median">
        <IconClockHour4 size={16} stroke={1.6} color="var(--mantine-color-dimmed)" />
        <Text fz="sm" c="dimmed">
          {t('inbox.median', { days: RESPONSE_DAYS })}
        </Text>
        <Text fz="sm" fw={600} className="tabular" data-testid="inbox-median-value">
          {medianResponseMs == null ? t('inbox.medianNone') : responseTimeText(medianResponseMs, t)}
        </Text>
        {answered > 0 && (
          <Text fz="xs" c="dimmed">
            {t('inbox.answered', { count: answered })}
          </Text>
        )}
      </Group>
    </Group>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<InboxFilter>({});
  const list = useInboxList(filter);
  const stats = useInboxStats();
  const items = list.data?.items ?? [];

  // The selection follows a message, not a position: a new message arriving above it does not move
  // it. When the selected message leaves (handled, sent), the one that took its place is selected.
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const lastIndex = useRef(0);
  const found = items.findIndex((i) => i.id === selectedId);
  const index = found >= 0 ? found : items.length ? Math.min(lastIndex.current, items.length - 1) : -1;
  const selected = index >= 0 ? items[index] : null;
  if (index >= 0) lastIndex.current = index;
  useEffect(() => {
    if (selected && selected.id !== selectedId) setSelectedId(selected.id);
  }, [selected, selectedId]);

  const listRef = useRef<HTMLDivElement>(null);
  const panel = useRef<ReplyHandle | null>(null);
  const drafts = useRef(new Map<number, ReplyDraft>());
  const saveDraft = useCallback((id: number, d: ReplyDraft | null) => {
    if (d) drafts.current.set(id, d);
    else drafts.current.delete(id);
  }, []);

  const select = (i: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, i))];
    if (item) setSelectedId(item.id);
  };

  // e and u: handled at once, the message out of the list before the core answers; Undo puts it back.
  const undoStack = useRef<InboxRow[]>([]);
  const removeFromLists = (id: number) =>
    qc.setQueriesData<InboxListData>({ queryKey: inboxListsKey }, (old) => (old ? { items: old.items.filter((i) => i.id !== id), total: Math.max(0, old.total - (old.items.some((i) => i.id === id) ? 1 : 0)) } : old));
  const setHandled = useMutation({
    mutationFn: (v: { row: InboxRow; handled: boolean }) => api.inbox.setHandled.mutate({ id: v.row.id, handled: v.handled }),
    onMutate: (v) => {
      if (v.handled) removeFromLists(v.row.id);
    },
    onSuccess: async (_r, v) => {
      if (v.handled) {
        undoStack.current.push(v.row);
        notifyWithUndo({
          id: `inbox-handled-${v.row.id}`,
          message: t('inbox.handled', { name: v.row.customerName }),
          undoLabel: t('common.undo'),
          onUndo: () => undo(v.row.id),
        });
      } else {
        // Selected again once the list has it back (the refetch follows the commit).
        await qc.refetchQueries({ queryKey: inboxListsKey, type: 'active' });
        setSelectedId(v.row.id);
        notifications.show({ color: 'gray', message: t('inbox.reopened', { name: v.row.customerName }), autoClose: 3000 });
      }
    },
    onError: (err) => notifyError(err, t),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.inboxAll }),
  });
  const markHandled = (row: InboxRow) => setHandled.mutate({ row, handled: true });
  /** Reopens the last message marked handled, or the one whose notification's Undo was pressed. */
  function undo(id?: number) {
    const stack = undoStack.current;
    const at = id == null ? stack.length - 1 : stack.findIndex((r) => r.id === id);
    if (at < 0) {
      notifications.show({ color: 'gray', message: t('inbox.nothingToUndo'), autoClose: 2000 });
      return;
    }
    const [row] = stack.splice(at, 1);
    notifications.hide(`inbox-handled-${row.id}`);
    setHandled.mutate({ row, handled: false });
  }

  const key = (fn: () => void) => (e: KeyboardEvent) => {
    if (typing(e.target)) return;
    e.preventDefault();
    fn();
  };
  // Every element is listened to (tags []), `typing` decides; the default preventDefault would
  // swallow the letter in a text box, so each key prevents it only when it acts.
  const own = { preventDefault: false };
  useHotkeys(
    [
      [INBOX_KEYS.next, key(() => select(index + 1)), own],
      [INBOX_KEYS.prev, key(() => select(index - 1)), own],
      [INBOX_KEYS.reply, key(() => panel.current?.reply()), own],
      [INBOX_KEYS.handled, key(() => selected && markHandled(selected)), own],
      [INBOX_KEYS.undo, key(() => undo()), own],
    ],
    [],
  );

  const filtered = isFiltered(filter);
  const openCount = stats.data?.open ?? 0;

  return (
    <Box h={`calc(100dvh - ${HEADER_HEIGHT}px - 2 * var(--mantine-spacing-lg))`} mih={520} style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="md" align="center">
            <Title order={2}>{t('inbox.title')}</Title>
            <Stats />
          </Group>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('inbox.subtitle')}
          </Text>
        </div>
        <KeyboardHint />
      </Group>
      <InboxFilters value={filter} onChange={setFilter} />

      {list.error ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <Center p="xl">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Paper p="xl" radius="md" data-testid="inbox-empty" data-reason={filtered ? 'filtered' : 'caught-up'}>
          {filtered ? (
            <EmptyState icon={<IconFilterOff size={28} stroke={1.5} />} withIndicatorBackground title={t('inbox.empty.filteredTitle')} description={openCount > 0 ? t('inbox.empty.filteredBody', { count: openCount }) : undefined}>
              <EmptyState.Actions>
                <Button variant="light" onClick={() => setFilter({})}>
                  {t('inbox.filters.reset')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState icon={<IconMailCheck size={28} stroke={1.5} />} variant="light" color="teal" title={t('inbox.empty.caughtUpTitle')} description={t('inbox.empty.caughtUpBody')} />
          )}
        </Paper>
      ) : (
        <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Paper radius="md" w={380} style={{ flex: 'none', display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
            {list.data.total > items.length && (
              <Text fz="xs" c="dimmed" px="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                {t('inbox.shown', { shown: items.length, total: list.data.total })}
              </Text>
            )}
            <InboxList items={items} selectedIndex={index} onSelect={select} scrollRef={listRef} />
          </Paper>
          <Paper radius="md" p="md" style={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
            {selected ? (
              <ReplyPanel
                key={selected.id}
                row={selected}
                handleRef={panel}
                saved={drafts.current.get(selected.id)}
                onSave={saveDraft}
                onLeave={() => listRef.current?.focus()}
                onMarkHandled={markHandled}
              />
            ) : (
              <Center h="100%">
                <Stack align="center" gap="xs">
                  <IconInbox size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
                  <Text c="dimmed" fz="sm">
                    {t('inbox.selectHint')}
                  </Text>
                </Stack>
              </Center>
            )}
          </Paper>
        </Group>
      )}
    </Box>
  );
}
