// The open messages, most urgent first, virtualised (an inbox after a holiday can hold hundreds).
// Each row: who, on which channel and in which language, how long they have waited, a line of the
// message, its sentiment and the reasons for its place in words.
import { Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../components/ChannelIcon';
import { SentimentLabelBadge } from '../../components/SentimentBadge';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { formatDateTime } from '../../lib/format';
import classes from './Inbox.module.css';
import type { InboxRow } from './inbox-queries';
import { reasonsText, waitShort, waitText, waitedHours } from './reasons';
import { Private } from '../../hooks/usePrivacyMode';

const ROW_HEIGHT = 86;

/** The message on one line: the subject first where there is one. */
/**
 * Waits from two days are marked; past a month the core fades a message's urgency (FRESH_HOURS in
 * src-main/core/inbox/urgency.ts), so its wait is no longer marked either: it sits low in the list.
 */
const LATE_HOURS = 48;
const STALE_HOURS = 30 * 24;

const snippet = (item: InboxRow) => [item.subject, item.body].filter(Boolean).join(' — ').replace(/\s+/g, ' ');

const RowContent = memo(function RowContent({ item }: { item: InboxRow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const money = useMoney();
  const hours = waitedHours(item);
  const late = hours >= LATE_HOURS && hours <= STALE_HOURS;
  const reasons = reasonsText(item.reasons, t, lang, money.shopCurrency);
  return (
    <>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <ChannelIcon channel={item.channel} size={15} />
          <Text fz="sm" fw={600} truncate data-testid="inbox-row-name">
            <Private kind="name" value={item.customerName} />
          </Text>
          <Text fz={11} c="dimmed" style={{ flex: 'none' }} data-testid="inbox-row-language">
            {t(`languages.${item.language}`)}
          </Text>
          {item.sentiment && (
            <span style={{ flex: 'none', display: 'inline-flex' }}>
              <SentimentLabelBadge label={item.sentiment.label} size="xs" />
            </span>
          )}
        </Group>
        <Text fz="xs" c={late ? 'orange' : 'dimmed'} fw={late ? 600 : undefined} className="tabular" style={{ flex: 'none' }} title={formatDateTime(item.at, lang)} aria-label={t('inbox.waitedAria', { time: waitText(hours, t) })}>
          {waitShort(hours, t)}
        </Text>
      </Group>
      <Text fz="sm" truncate mt={2} lang={item.language === 'zh' ? 'zh-CN' : 'en'} data-testid="inbox-row-snippet">
        <Private kind="text" value={snippet(item)} />
      </Text>
      <Text fz="xs" c="dimmed" truncate mt={4} title={reasons} data-testid="inbox-row-reasons">
        {reasons}
      </Text>
    </>
  );
});

interface Props {
  items: readonly InboxRow[];
  selectedIndex: number;
  onSelect(index: number): void;
  scrollRef: RefObject<HTMLDivElement | null>;
}

export function InboxList({ items, selectedIndex, onSelect, scrollRef }: Props) {
  const { t } = useTranslation();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // j/k (or a message leaving) moves the selection: keep it on screen.
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < items.length) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, items.length, virtualizer]);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="listbox"
      tabIndex={0}
      aria-label={t('inbox.listLabel')}
      aria-activedescendant={selectedIndex >= 0 ? `inbox-row-${items[selectedIndex]?.id}` : undefined}
      data-testid="inbox-list"
      onKeyDown={(e) => {
        // Arrow keys as well as j/k, for people who reach for them.
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          onSelect(Math.max(0, Math.min(items.length - 1, selectedIndex + (e.key === 'ArrowDown' ? 1 : -1))));
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          return (
            <div
              key={item.id}
              id={`inbox-row-${item.id}`}
              role="option"
              aria-selected={v.index === selectedIndex}
              className={classes.row}
              style={{ height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
              onClick={() => onSelect(v.index)}
              data-testid="inbox-row"
              data-id={item.id}
              data-language={item.language}
              data-label={item.sentiment?.label}
            >
              <RowContent item={item} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
