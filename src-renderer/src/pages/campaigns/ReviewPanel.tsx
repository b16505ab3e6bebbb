// One message under review: to whom (a link to their page), in which language and by which
// channel, written by the model or from a template, its checks in words, and the message in an
// editor. Approve keeps it (with the edits, which the core checks again), Skip leaves it out.
// Keys for the page live in ReviewArea; inside the editor Ctrl/Cmd+Enter approves, Esc leaves it.
import { Anchor, Badge, Box, Button, Divider, Group, Kbd, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { IconArrowBackUp, IconCheck, IconChevronLeft, IconChevronRight, IconExternalLink, IconPlayerSkipForward, IconRobot, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ChannelIcon } from '../../components/ChannelIcon';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { ChecksList } from '../../components/drafting/ChecksList';
import { STATUS_COLORS, type CampaignMsg } from './types';
import { Private } from '../../hooks/usePrivacyMode';

export interface ReviewActions {
  approve(body?: string): void;
  skip(): void;
  reopen(): void;
  next(): void;
  previous(): void;
}

function KeyHint({ k, children }: { k: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      {children}
      <Kbd size="xs" visibleFrom="md">
        {k}
      </Kbd>
    </Group>
  );
}

export function ReviewPanel({
  message,
  position,
  total,
  writing,
  busy,
  actions,
}: {
  message: CampaignMsg;
  /** 1-based place in the list shown. */
  position: number;
  total: number;
  /** The job is still running, so an empty message is on its way. */
  writing: boolean;
  busy: boolean;
  actions: ReviewActions;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  const [text, setText] = useState(message.body ?? '');
  const edited = message.body != null && text.trim() !== message.body.trim();
  const locked = message.status === 'exported' || message.body == null;
  const approve = () => actions.approve(edited && text.trim() ? text.trim() : undefined);

  return (
    <Paper p="lg" radius="md" withBorder data-testid="review-panel" data-id={message.id} data-status={message.status}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} href={`/customers/${message.customerId}`} fz="lg" fw={700} aria-label={t('campaigns.review.openCustomer', { name: message.customerName })} data-testid="review-customer">
              <Group gap={6} wrap="nowrap" component="span">
                <Private kind="name" value={message.customerName} />
                <IconExternalLink size={15} />
              </Group>
            </Anchor>
            <Group gap={6} mt={6}>
              <Badge variant="light" color="gray" tt="none" fw={500} data-testid="review-language">
                {t(`languages.${message.language}`)}
              </Badge>
              <Badge variant="light" color="gray" tt="none" fw={500} leftSection={<ChannelIcon channel={message.channel} size={12} />}>
                {t('campaigns.review.channel', { channel: t(`channels.${message.channel}`) })}
              </Badge>
              {message.madeBy && (
                <Badge
                  variant="light"
                  color={message.madeBy === 'model' ? 'indigo' : 'gray'}
                  tt="none"
                  fw={500}
                  leftSection={message.madeBy === 'model' ? <IconRobot size={12} /> : <IconTemplate size={12} />}
                  data-testid="review-made-by"
                  data-made-by={message.madeBy}
                >
                  {t(`campaigns.madeBy.${message.madeBy}`)}
                </Badge>
              )}
            </Group>
          </div>
          <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
            <Badge color={STATUS_COLORS[message.status]} variant="filled" tt="none" fw={500} data-testid="review-status">
              {t(`campaigns.statuses.${message.status}`)}
            </Badge>
            <Text fz="xs" c="dimmed" className="tabular" data-testid="review-position">
              {t('campaigns.review.position', { n: formatNumber(position, lang), total: formatNumber(total, lang) })}
            </Text>
          </Stack>
        </Group>

        {message.body == null ? (
          <Box py="xl" ta="center">
            <Text c="dimmed">{writing ? t('campaigns.review.writing') : t('campaigns.review.notWritten')}</Text>
          </Box>
        ) : (
          <Textarea
            aria-label={t('campaigns.review.editor', { name: message.customerName })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            readOnly={message.status === 'exported'}
            autosize
            minRows={7}
            maxRows={20}
            lang={message.language === 'zh' ? 'zh-CN' : 'en'}
            data-testid="review-editor"
            onKeyDown={(e) => {
              if ((e.metaKey || e.ctrlKey) && e.key === 'Enter') {
                e.preventDefault();
                if (!locked && !busy) approve();
              } else if (e.key === 'Escape') e.currentTarget.blur();
            }}
            styles={{ input: { fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.6 } }}
            description={edited ? undefined : message.status === 'exported' ? t('campaigns.review.exportedNote') : t('campaigns.review.approveHint', { keys: `${mod}+Enter` })}
            inputWrapperOrder={['input', 'description']}
          />
        )}
        {edited && (
          <Group gap="xs">
            <Badge color="yellow" variant="light" tt="none" fw={500} data-testid="review-edited">
              {t('campaigns.review.edited')}
            </Badge>
            <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={13} />} onClick={() => setText(message.body ?? '')}>
              {t('campaigns.review.revert')}
            </Button>
          </Group>
        )}

        {message.body != null && (
          <>
            <Divider />
            <ChecksList checks={message.checks} />
          </>
        )}

        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Tooltip label={<KeyHint k="K">{t('campaigns.review.previous')}</KeyHint>} openDelay={500}>
              <Button variant="default" onClick={actions.previous} disabled={position <= 1} aria-label={t('campaigns.review.previous')} px="xs" data-testid="review-previous">
                <IconChevronLeft size={18} />
              </Button>
            </Tooltip>
            <Tooltip label={<KeyHint k="J">{t('campaigns.review.next')}</KeyHint>} openDelay={500}>
              <Button variant="default" onClick={actions.next} disabled={position >= total} aria-label={t('campaigns.review.next')} px="xs" data-testid="review-next">
                <IconChevronRight size={18} />
              </Button>
            </Tooltip>
          </Group>
          <Group gap="xs">
            {message.status === 'skipped' || message.status === 'approved' ? (
              <Button variant="subtle" onClick={actions.reopen} disabled={busy} data-testid="review-reopen">
                {t('campaigns.review.undoSkip')}
              </Button>
            ) : (
              <Button variant="default" leftSection={<IconPlayerSkipForward size={16} />} onClick={actions.skip} disabled={locked || busy} data-testid="review-skip">
                <KeyHint k="S">{t('campaigns.review.skip')}</KeyHint>
              </Button>
            )}
            <Button
              color="teal"
              leftSection={<IconCheck size={16} />}
              onClick={approve}
              disabled={locked || busy || (message.status === 'approved' && !edited) || !text.trim()}
              data-testid="review-approve"
            >
              <KeyHint k="A">{edited ? t('campaigns.review.approveEdited') : t('campaigns.review.approve')}</KeyHint>
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
