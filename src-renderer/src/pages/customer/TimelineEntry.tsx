// One item of a customer's history, drawn for what it is: an order with its items, a message
// with its channel and direction, a review with stars, an NPS score, a note, a task.
import { ActionIcon, Badge, Button, Checkbox, Group, Rating, Spoiler, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconArrowDownLeft,
  IconArrowUpRight,
  IconChecklist,
  IconMessageReport,
  IconNote,
  IconShoppingBag,
  IconStar,
  IconThumbUp,
  IconTrash,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon, channelIcon } from '../../components/ChannelIcon';
import { AspectChips, SentimentBadge } from '../../components/SentimentBadge';
import { useLanguage } from '../../hooks/useLanguage';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import type { TimelineItem } from '../../lib/api-types';
import { toShopCents } from '../../../../src-main/shared/currencies';
import { useMoney } from '../../hooks/useMoney';
import { answeredText } from '../inbox/reasons';
import { formatApproxMoney, formatDate, formatDateTime, formatMoney, formatNumber, formatRelative, isOverdue } from '../../lib/format';

type Of<T extends TimelineItem['type']> = Extract<TimelineItem, { type: T }>;
/** A message; an inbound one that was answered says when (interactions.handled_at, null when unknown). */
type Message = Of<'interaction'>;

export function bulletFor(item: TimelineItem): ReactNode {
  const p = { size: 15, stroke: 1.8 };
  // Gray items (refunds, cancellations) use the neutral variant so they stay visible in dark mode.
  const icon = (color: string, node: ReactNode) => (
    <ThemeIcon size={28} radius="xl" variant={color === 'gray' ? 'default' : 'light'} color={color}>
      {node}
    </ThemeIcon>
  );
  switch (item.type) {
    case 'order':
      return icon(item.status === 'paid' ? 'indigo' : 'gray', <IconShoppingBag {...p} />);
    case 'interaction': {
      const Icon = channelIcon(item.channel);
      return icon(item.direction === 'inbound' ? 'cyan' : 'teal', <Icon {...p} />);
    }
    case 'feedback':
      if (item.kind === 'complaint') return icon('red', <IconMessageReport {...p} />);
      if (item.nps != null) return icon('grape', <IconThumbUp {...p} />);
      return icon('yellow', <IconStar {...p} />);
    case 'note':
      return icon('orange', <IconNote {...p} />);
    case 'task':
      return icon(item.doneAt ? 'teal' : 'blue', <IconChecklist {...p} />);
  }
}

function Header({ title, at, children }: { title: ReactNode; at: number; children?: ReactNode }) {
  const lang = useLanguage();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" mb={4}>
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={600} fz="sm" truncate>
          {title}
        </Text>
        {children}
      </Group>
      <Tooltip label={formatRelative(at, lang)}>
        <Text fz="xs" c="dimmed" style={{ flex: 'none' }}>
          {formatDateTime(at, lang)}
        </Text>
      </Tooltip>
    </Group>
  );
}

/** A message, review or note text; hidden in privacy mode, and null when private to this profile. */
function Body({ text }: { text: string | null }) {
  const { t } = useTranslation();
  const { on, mask } = usePrivacyMode();
  if (text === null || on)
    return (
      <Text fz="sm" c="dimmed" fs="italic" data-testid="timeline-hidden">
        {text === null ? t('profiles.private') : mask.text(text)}
      </Text>
    );
  return (
    <Spoiler maxHeight={96} showLabel={t('common.showMore')} hideLabel={t('common.showLess')} fz="sm">
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Spoiler>
  );
}

/** An order in another currency: what it is in the shop currency, as spend counts it, or that it has no rate. */
function Converted({ cents, currency }: { cents: number; currency: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const money = useMoney();
  if (currency === money.shopCurrency) return null;
  const converted = toShopCents(cents, currency, money);
  return (
    <Text fz="sm" c={converted === null ? 'orange' : 'dimmed'} className="tabular" data-testid="order-converted">
      {converted === null ? t('money.noRate', { currency: money.shopCurrency }) : formatApproxMoney(converted, lang, money.shopCurrency)}
    </Text>
  );
}

function OrderEntry({ item }: { item: Of<'order'> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shown = item.items.slice(0, 4);
  return (
    <>
      <Header title={t('timeline.order', { no: item.orderNo })} at={item.at}>
        {item.status !== 'paid' && (
          <Badge size="sm" variant="light" color={item.status === 'refunded' ? 'orange' : 'gray'}>
            {t(`timeline.orderStatus.${item.status}` as 'timeline.orderStatus.paid', { defaultValue: item.status })}
          </Badge>
        )}
        <Text fz="sm" fw={600} className="tabular" td={item.status === 'paid' ? undefined : 'line-through'} c={item.status === 'paid' ? undefined : 'dimmed'}>
          {formatMoney(item.totalCents, lang, item.currency)}
        </Text>
        <Converted cents={item.totalCents} currency={item.currency} />
      </Header>
      <Text fz="sm" c="dimmed">
        {shown.map((i) => `${formatNumber(i.quantity, lang)} × ${i.name}`).join(' · ')}
        {item.items.length > shown.length && ` · ${t('timeline.more', { count: item.items.length - shown.length })}`}
      </Text>
    </>
  );
}

function MessageEntry({ item, actions }: { item: Message; actions: TimelineActions }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const inbound = item.direction === 'inbound';
  const DirIcon = inbound ? IconArrowDownLeft : IconArrowUpRight;
  return (
    <>
      <Header
        title={
          <Group gap={4} wrap="nowrap" component="span">
            <DirIcon size={14} stroke={2} />
            {inbound ? t('timeline.inbound') : t('timeline.outbound')}
          </Group>
        }
        at={item.at}
      >
        <Group gap={4} wrap="nowrap">
          <ChannelIcon channel={item.channel} size={14} />
          <Text fz="xs" c="dimmed">
            {t(`channels.${item.channel}` as 'channels.email', { defaultValue: item.channel })}
          </Text>
        </Group>
        {inbound && item.sentiment && <SentimentBadge sentiment={item.sentiment} />}
        {inbound && !item.handled && (
          <Badge size="sm" color="orange" variant="light">
            {t('timeline.needsReply')}
          </Badge>
        )}
        {inbound && item.handled && item.handledAt != null && (
          <Tooltip label={formatDateTime(item.handledAt, lang)}>
            <Badge size="sm" color="teal" variant="light" data-testid="timeline-answered">
              {answeredText(item.at, item.handledAt, t)}
            </Badge>
          </Tooltip>
        )}
      </Header>
      {item.subject && (
        <Text fz="sm" fw={500} mb={2}>
          {item.subject}
        </Text>
      )}
      <Body text={item.body} />
      {inbound && item.sentiment && <AspectChips aspects={item.sentiment.aspects} mt={6} />}
      {inbound && !item.handled && (
        <Button size="compact-xs" variant="subtle" mt={4} onClick={() => actions.setHandled.mutate({ id: item.id, handled: true })}>
          {t('timeline.markHandled')}
        </Button>
      )}
    </>
  );
}

function npsGroup(score: number) {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

function FeedbackEntry({ item }: { item: Of<'feedback'> }) {
  const { t } = useTranslation();
  const group = item.nps != null ? npsGroup(item.nps) : null;
  return (
    <>
      <Header title={t(`timeline.feedback.${item.kind}` as 'timeline.feedback.review', { defaultValue: item.kind })} at={item.at}>
        {item.rating != null && <Rating value={item.rating} readOnly size="xs" aria-label={t('timeline.stars', { rating: item.rating })} />}
        {item.nps != null && group && (
          <Badge size="sm" variant="light" color={group === 'promoter' ? 'teal' : group === 'passive' ? 'yellow' : 'red'}>
            {t('timeline.nps', { score: item.nps })} · {t(`timeline.npsLabel.${group}`)}
          </Badge>
        )}
        {item.sentiment && <SentimentBadge sentiment={item.sentiment} />}
      </Header>
      {item.product && (
        <Text fz="xs" c="dimmed" mb={2}>
          {t('timeline.aboutProduct', { product: item.product })}
        </Text>
      )}
      {item.body && <Body text={item.body} />}
      {item.sentiment && <AspectChips aspects={item.sentiment.aspects} mt={6} />}
    </>
  );
}

function NoteEntry({ item, actions }: { item: Of<'note'>; actions: TimelineActions }) {
  const { t } = useTranslation();
  return (
    <>
      <Header title={t('timeline.note')} at={item.at}>
        <Tooltip label={t('timeline.deleteNote')}>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('timeline.deleteNote')} onClick={() => actions.deleteNote.mutate(item.id)}>
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Header>
      <Body text={item.body} />
    </>
  );
}

function TaskEntry({ item, actions }: { item: Of<'task'>; actions: TimelineActions }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const overdue = !item.doneAt && isOverdue(item.dueAt);
  return (
    <>
      <Header title={t('timeline.task')} at={item.at}>
        {item.doneAt ? (
          <Badge size="sm" color="teal" variant="light">
            {t('timeline.done')}
          </Badge>
        ) : overdue ? (
          <Badge size="sm" color="red" variant="light">
            {t('timeline.overdue')}
          </Badge>
        ) : null}
        <Tooltip label={t('timeline.deleteTask')}>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('timeline.deleteTask')} onClick={() => actions.deleteTask.mutate(item.id)}>
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Header>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          checked={item.doneAt != null}
          onChange={(e) => actions.setTaskDone.mutate({ id: item.id, done: e.currentTarget.checked })}
          aria-label={t('timeline.markDone', { title: item.title })}
          mt={2}
        />
        <div>
          <Text fz="sm" td={item.doneAt ? 'line-through' : undefined} c={item.doneAt ? 'dimmed' : undefined}>
            {item.title}
          </Text>
          {item.dueAt && (
            <Text fz="xs" c={overdue ? 'red' : 'dimmed'}>
              {t('timeline.due', { date: formatDate(item.dueAt, lang) })}
            </Text>
          )}
        </div>
      </Group>
    </>
  );
}

export function TimelineEntry({ item, actions }: { item: TimelineItem; actions: TimelineActions }) {
  switch (item.type) {
    case 'order':
      return <OrderEntry item={item} />;
    case 'interaction':
      return <MessageEntry item={item} actions={actions} />;
    case 'feedback':
      return <FeedbackEntry item={item} />;
    case 'note':
      return <NoteEntry item={item} actions={actions} />;
    case 'task':
      return <TaskEntry item={item} actions={actions} />;
  }
}
