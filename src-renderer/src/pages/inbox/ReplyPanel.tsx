// The selected message and its reply: the whole message and who sent it, the tone and language of
// the reply, the draft streamed into an editor the owner can stop, edit and regenerate, what the
// draft rests on beside it and its checks under it (kept true as the owner edits), then Copy or
// "Mark as sent" (the reply logged on the customer's timeline, the message out of the inbox).
// Without a model the same editor is filled from a template and a note says what a model would add.
import { Alert, Anchor, Box, Button, Grid, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleCheck, IconCopy, IconPlayerStopFilled, IconRefresh, IconSend, IconSparkles, IconTemplate } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useImperativeHandle, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { DraftLanguage, Tone } from '../../../../src-main/shared/drafting';
import { api, errorShape } from '../../api/client';
import { ChannelIcon } from '../../components/ChannelIcon';
import { CustomerAvatar } from '../../components/CustomerAvatar';
import { ChecksList } from '../../components/drafting/ChecksList';
import { LanguagePicker, TonePicker } from '../../components/drafting/DraftOptions';
import { SourcesList } from '../../components/drafting/SourcesList';
import { ErrorDetail } from '../../components/ErrorDetail';
import { AspectChips, SentimentLabelBadge } from '../../components/SentimentBadge';
import { StreamingText } from '../../components/StreamingText';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { formatDateTime } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { useInboxMessage, type InboxRow } from './inbox-queries';
import { answeredText, reasonsText, waitText, waitedHours } from './reasons';
import { emptyDraft, useReplyDraft, type ReplyDraft } from './useReplyDraft';
import { Private } from '../../hooks/usePrivacyMode';

/** What the page's keys do to the panel: r starts (or returns to) the draft. */
export interface ReplyHandle {
  reply(): void;
}

interface Props {
  row: InboxRow;
  handleRef: RefObject<ReplyHandle | null>;
  /** The draft left on this message earlier (j/k away and back keeps it). */
  saved: ReplyDraft | undefined;
  onSave(id: number, draft: ReplyDraft | null): void;
  /** Escape in the editor: back to the list. */
  onLeave(): void;
  onMarkHandled(row: InboxRow): void;
}

const DEFAULT_TONE: Tone = 'warm';

function MessageCard({ row }: { row: InboxRow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const money = useMoney();
  const full = useInboxMessage(row.id);
  const m = full.data ?? row;
  // Answered elsewhere while it is shown here (the timeline, another window): how long it waited.
  const answered = full.data?.handled ? full.data : null;
  const reasons = answered ? m.reasons.filter((r) => r.code !== 'waiting') : m.reasons;
  return (
    <Stack gap={8}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <CustomerAvatar name={m.customerName} size={36} />
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} href={`/customers/${m.customerId}`} fw={600} aria-label={t('drafting.panel.openCustomer', { name: m.customerName })} data-testid="reply-customer" style={{ overflowWrap: 'anywhere' }}>
              <Private kind="name" value={m.customerName} />
            </Anchor>
            <Group gap={6} wrap="nowrap">
              <ChannelIcon channel={m.channel} size={14} />
              <Text fz="xs" c="dimmed" truncate>
                {t(`channels.${m.channel}`)} · {formatDateTime(m.at, lang)}
                {!answered && ` · ${t('inbox.reasons.waiting', { time: waitText(waitedHours(m), t) })}`}
              </Text>
            </Group>
            {answered && (
              <Group gap={4} wrap="nowrap" c="teal" data-testid="reply-answered">
                <IconCircleCheck size={14} stroke={1.8} />
                <Text fz="xs" fw={500} title={answered.handledAt != null ? formatDateTime(answered.handledAt, lang) : undefined}>
                  {answered.handledAt != null ? answeredText(m.at, answered.handledAt, t) : t('drafting.panel.handled')}
                </Text>
              </Group>
            )}
          </div>
        </Group>
        {m.sentiment && <SentimentLabelBadge label={m.sentiment.label} />}
      </Group>
      <Paper p="sm" radius="md" bg="var(--patron-surface)" withBorder={false}>
        {m.subject && (
          <Text fz="sm" fw={600} mb={4}>
            {t('drafting.panel.subject', { subject: m.subject })}
          </Text>
        )}
        <ScrollArea.Autosize mah={180} type="auto">
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="reply-message" lang={m.language === 'zh' ? 'zh-CN' : 'en'}>
            <Private kind="text" value={m.body} />
          </Text>
        </ScrollArea.Autosize>
        {m.sentiment && m.sentiment.aspects.length > 0 && <AspectChips aspects={m.sentiment.aspects.map((aspect) => ({ aspect }))} mt={8} />}
      </Paper>
      {reasons.length > 0 && (
        <Text fz="xs" c="dimmed" data-testid="reply-reasons">
          {reasonsText(reasons, t, lang, money.shopCurrency)}
        </Text>
      )}
    </Stack>
  );
}

export function ReplyPanel({ row, handleRef, saved, onSave, onLeave, onMarkHandled }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const clipboard = useClipboard({ timeout: 1500 });
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const { draft, latest, running, start, stop, edit, setLanguage, setTone } = useReplyDraft(row.id, saved ?? emptyDraft(row.language, DEFAULT_TONE));
  const { tone, language } = draft;

  // What a draft would rest on, before there is one (the stream's own list replaces it).
  const context = useQuery({
    queryKey: [...keys.draftingAll, 'context', row.id, tone, language],
    queryFn: () => api.drafting.context.query({ messageId: row.id, tone, language }),
    enabled: draft.sources == null,
    staleTime: 30_000,
  });
  const sources = draft.sources ?? context.data?.sources ?? null;
  const truncated = draft.sources ? draft.truncated : (context.data?.truncated ?? false);

  // Kept when the owner moves to another message and back; dropped once sent.
  const sentRef = useRef(false);
  useEffect(
    () => () => {
      if (sentRef.current) return;
      const d = latest.current;
      // A draft still being written when the owner moved on was stopped by leaving (useReplyDraft).
      const kept = d.status === 'reading' || d.status === 'streaming' ? { ...d, status: 'stopped' as const } : d;
      onSave(row.id, d.text.trim() || d.status !== 'idle' ? kept : null);
    },
    [row.id, onSave, latest],
  );

  const draftNow = () => start({ tone, language });
  useImperativeHandle(
    handleRef,
    () => ({
      reply() {
        if (draft.status === 'idle' && !draft.text.trim()) start({ tone, language });
        editorRef.current?.focus();
      },
    }),
    [draft.status, draft.text, start, tone, language],
  );

  const send = useMutation({
    mutationFn: (v: { body: string; language: DraftLanguage }) => api.drafting.send.mutate({ messageId: row.id, body: v.body, language: v.language }),
    onSuccess: () => {
      sentRef.current = true;
      onSave(row.id, null);
      for (const key of [keys.inboxAll, keys.timeline(row.customerId), keys.customer(row.customerId)]) void qc.invalidateQueries({ queryKey: key });
      notifications.hide(copiedId);
      const id = `inbox-sent-${row.id}`;
      notifications.show({
        id,
        color: 'teal',
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap" data-testid="sent-notice">
            <div>
              <Text fz="sm">{t('drafting.panel.sent', { name: row.customerName })}</Text>
              <Text fz="xs" c="dimmed" data-testid="sent-answered">
                {answeredText(row.at, Date.now(), t)}
              </Text>
            </div>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                navigate(`/customers/${row.customerId}`);
              }}
            >
              {t('drafting.panel.openTimeline')}
            </Button>
          </Group>
        ),
      });
    },
    onError: (err) => notifyError(err, t),
  });

  // Copy logs nothing by itself: the notification asks whether it was sent, and one click logs
  // what was copied as "Mark as sent" does. Copying again replaces the offer with the new text.
  const copiedId = `inbox-copied-${row.id}`;
  const copy = () => {
    const body = draft.text.trim();
    clipboard.copy(draft.text);
    notifications.hide(copiedId);
    notifications.show({
      id: copiedId,
      color: 'indigo',
      autoClose: 30_000,
      message: (
        <Group justify="space-between" wrap="nowrap" data-testid="copied-notice">
          <Text fz="sm">{t('drafting.panel.copiedAsk')}</Text>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconSend size={12} />}
            onClick={() => {
              notifications.hide(copiedId);
              send.mutate({ body, language });
            }}
          >
            {t('drafting.panel.send')}
          </Button>
        </Group>
      ),
    });
  };

  const hasText = draft.text.trim().length > 0;
  const checkState = running ? 'pending' : hasText && draft.text !== draft.checkedText ? 'checking' : undefined;

  let status: string | null = null;
  if (draft.status === 'reading') status = t('drafting.panel.reading');
  else if (draft.status === 'streaming') status = t('drafting.panel.writing', { language: t(`languages.${language}`) });
  else if (draft.status === 'stopped') status = t('drafting.panel.stopped');
  else if (draft.status === 'done' && draft.mode === 'model' && draft.model) status = t('drafting.panel.byModel', { model: draft.model });

  return (
    <Stack gap="md" aria-label={t('drafting.panel.label', { name: row.customerName })} component="section" data-testid="reply-panel" data-message-id={row.id}>
      <MessageCard row={row} />

      <SimpleGrid cols={2} spacing="sm">
        <TonePicker value={tone} onChange={setTone} disabled={running} />
        <LanguagePicker value={language} detected={row.language} onChange={setLanguage} disabled={running} />
      </SimpleGrid>

      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          {running ? (
            <Button size="xs" variant="light" color="red" leftSection={<IconPlayerStopFilled size={12} />} onClick={stop} data-testid="draft-stop">
              {t('drafting.panel.stop')}
            </Button>
          ) : (
            <Button
              size="xs"
              variant={hasText ? 'default' : 'filled'}
              leftSection={hasText ? <IconRefresh size={14} /> : <IconSparkles size={14} />}
              onClick={draftNow}
              data-testid="draft-button"
            >
              {hasText ? t('drafting.panel.regenerate') : t('drafting.panel.draft')}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="gray" onClick={() => onMarkHandled(row)} disabled={running}>
            {t('inbox.markHandled')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={clipboard.copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            onClick={copy}
            disabled={!hasText || running}
            data-testid="draft-copy"
          >
            {clipboard.copied ? t('drafting.panel.copied') : t('drafting.panel.copy')}
          </Button>
          <Button
            size="xs"
            leftSection={<IconSend size={14} />}
            onClick={() => send.mutate({ body: draft.text.trim(), language })}
            disabled={!hasText || running}
            loading={send.isPending}
            data-testid="draft-send"
          >
            {t('drafting.panel.send')}
          </Button>
        </Group>
      </Group>

      {draft.mode === 'template' && (
        <Alert color="indigo" variant="light" icon={<IconTemplate size={18} />} data-testid="draft-template-note" p="xs">
          <Text fz="sm">{t('drafting.template.note')}</Text>
          <Anchor component={Link} href="/models" fz="sm" fw={500}>
            {t('drafting.template.openModels')}
          </Anchor>
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap={6}>
            <Textarea
              ref={editorRef}
              label={
                <Group gap={6} component="span">
                  {t('drafting.panel.editor')}
                  {running && <Loader size={10} />}
                </Group>
              }
              labelProps={{ style: { width: '100%' } }}
              placeholder={draft.status === 'reading' ? t('drafting.panel.reading') : t('drafting.panel.editorPlaceholder')}
              value={draft.text}
              onChange={(e) => edit(e.currentTarget.value)}
              readOnly={running}
              autosize
              minRows={8}
              maxRows={18}
              lang={language === 'zh' ? 'zh-CN' : 'en'}
              data-testid="draft-editor"
              data-status={draft.status}
              data-mode={draft.mode ?? undefined}
              aria-busy={running}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.currentTarget.blur();
                  onLeave();
                }
              }}
            />
            <Group justify="space-between" gap="xs" wrap="nowrap">
              {/* The caret line: the same "still writing" mark the summary uses. */}
              <Box style={{ minWidth: 0 }}>{running ? <StreamingText text={status ?? ''} running /> : status && <Text fz="xs" c="dimmed">{status}</Text>}</Box>
              <Tooltip label={t('inbox.keyboard.leave')}>
                <Text fz="xs" c="dimmed" style={{ flex: 'none' }}>
                  {t('drafting.panel.leaveHint')}
                </Text>
              </Tooltip>
            </Group>
            {draft.status === 'failed' && draft.error && <ErrorDetail error={draft.error} />}
            {(hasText || running || draft.checkError) && (
              <Paper p="sm" radius="md" data-testid="draft-checks">
                {draft.checkError ? <ErrorDetail error={draft.checkError} fz="xs" /> : <ChecksList checks={draft.checks} state={checkState} />}
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {sources ? (
            <SourcesList sources={sources} truncated={truncated} />
          ) : context.isLoading ? (
            <Loader size="sm" />
          ) : context.error ? (
            <ErrorDetail error={errorShape(context.error)} fz="xs" />
          ) : null}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
