// 100,000 customers scroll smoothly: only the rows on screen exist in the page, and only their
// pages are fetched. Arrow keys move the highlight, Enter opens it.
import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerAvatar } from '../../components/CustomerAvatar';
import { TagBadge } from '../../components/TagBadge';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { useCustomerRows, type ListParams, type SortKey } from '../../hooks/useCustomerPages';
import type { CustomerListRow } from '../../lib/api-types';
import { formatDate, formatMoney, formatNumber, formatRelative } from '../../lib/format';
import classes from './CustomerTable.module.css';
import { Private } from '../../hooks/usePrivacyMode';

const ROW_HEIGHT = 56;

interface Props {
  params: ListParams;
  total: number;
  firstPage: CustomerListRow[] | undefined;
  tagColors: Map<string, string>;
  onSort(key: SortKey): void;
  onOpen(id: number): void;
  /** Lets the search box hand the keyboard to the list. */
  listRef?: React.RefObject<HTMLDivElement | null>;
}

function SortHeader({ label, column, params, onSort, right }: { label: string; column: SortKey; params: ListParams; onSort(k: SortKey): void; right?: boolean }) {
  const { t } = useTranslation();
  const active = params.sort === column;
  const Icon = !active ? IconSelector : params.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div role="columnheader" aria-sort={active ? (params.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={right ? classes.right : undefined}>
      <UnstyledButton className={classes.sortButton} data-active={active || undefined} onClick={() => onSort(column)} title={t('customers.sortBy', { column: label })}>
        {label}
        <Icon size={13} stroke={2} style={{ opacity: active ? 1 : 0.5 }} />
      </UnstyledButton>
    </div>
  );
}

function Cell({ children, right, stacked }: { children: ReactNode; right?: boolean; stacked?: boolean }) {
  return (
    <div role="gridcell" className={`${classes.cell} ${right ? classes.right : ''} ${stacked ? classes.stacked : ''}`}>
      {children}
    </div>
  );
}

// Memoised: while scrolling only rows that come into view render; the rest keep their output.
// The hot path while scrolling: plain elements styled by the CSS module, memoised so only rows
// that come into view render.
const RowContent = memo(function RowContent({ row, tagColors }: { row: CustomerListRow; tagColors: Map<string, string> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const tags = row.tags ? row.tags.split(', ') : [];
  const { shopCurrency } = useMoney();
  return (
    <>
      <Cell>
        <div className={classes.nameCell}>
          <CustomerAvatar name={row.name} size={32} />
          <div className={classes.stack}>
            <div className={classes.primary} data-testid="customer-name">
              <Private kind="name" value={row.name} />
            </div>
            {row.company && <div className={classes.secondary}>{row.company}</div>}
          </div>
        </div>
      </Cell>
      <Cell>
        <div className={classes.small} data-testid="customer-email">
          {row.email ? <Private kind="email" value={row.email} /> : t('common.none')}
        </div>
        {row.phone && <div className={`${classes.secondary} tabular`}><Private kind="phone" value={row.phone} /></div>}
      </Cell>
      <Cell>
        <div className={classes.text}>{row.city ?? ''}</div>
      </Cell>
      <Cell>
        <div className={classes.tags}>
          {tags.slice(0, 2).map((tag) => (
            <TagBadge key={tag} size="sm" color={tagColors.get(tag) ?? 'gray'} style={{ flex: '0 1 auto', minWidth: 0 }}>
              {tag}
            </TagBadge>
          ))}
          {tags.length > 2 && (
            <span className={classes.secondary} title={tags.slice(2).join(', ')}>
              +{tags.length - 2}
            </span>
          )}
        </div>
      </Cell>
      {/* The note about orders left out goes under the amount: side by side, both were cut off. */}
      <Cell right stacked={row.unconvertedOrders > 0}>
        <div className={`${classes.text} ${classes.strong} tabular`} data-testid="customer-spend">
          {formatMoney(row.totalSpentCents, lang, shopCurrency)}
        </div>
        {row.unconvertedOrders > 0 && (
          <div className={classes.secondary} style={{ color: 'var(--mantine-color-orange-text)' }} title={t('money.listNotCounted', { count: row.unconvertedOrders })}>
            {t('money.listNotCountedShort', { count: row.unconvertedOrders })}
          </div>
        )}
      </Cell>
      <Cell right>
        <div className={`${classes.text} tabular`}>{formatNumber(row.orderCount, lang)}</div>
      </Cell>
      <Cell>
        {row.lastOrderAt ? (
          <div className={classes.text} title={formatDate(row.lastOrderAt, lang)}>
            {formatRelative(row.lastOrderAt, lang)}
          </div>
        ) : (
          <div className={`${classes.text} ${classes.dimmed}`}>{t('common.never')}</div>
        )}
      </Cell>
    </>
  );
});

const BAR_WIDTHS = ['70%', '80%', '60%', '50%', '70%', '40%', '60%'];
const LoadingRow = memo(function LoadingRow() {
  return (
    <>
      {BAR_WIDTHS.map((w, i) => (
        <div key={i} className={classes.cell} style={{ display: 'flex', justifyContent: i === 4 || i === 5 ? 'flex-end' : undefined }}>
          <span className={classes.bar} style={{ width: w }} />
        </div>
      ))}
    </>
  );
});

export function CustomerTable({ params, total, firstPage, tagColors, onSort, onOpen, listRef }: Props) {
  const { t } = useTranslation();
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = listRef ?? ownRef;
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = useCustomerRows(params, firstPage, items[0]?.index ?? 0, items[items.length - 1]?.index ?? 0);

  // New filters or sort: start again from the top.
  const paramsKey = JSON.stringify(params);
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [paramsKey, virtualizer]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 560) / ROW_HEIGHT) - 1);
    const keysToIndex: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: total - 1 };
    if (e.key in keysToIndex) {
      e.preventDefault();
      move(keysToIndex[e.key]);
    } else if (e.key === 'Enter') {
      const row = rowAt(active);
      if (row) {
        e.preventDefault();
        onOpen(row.id);
      }
    }
  };

  const columns = {
    name: t('customers.columns.name'),
    city: t('customers.columns.city'),
    totalSpent: t('customers.columns.totalSpent'),
    orders: t('customers.columns.orders'),
    lastPurchase: t('customers.columns.lastPurchase'),
  };

  return (
    <div className={classes.table} role="grid" aria-label={t('customers.listLabel')} aria-rowcount={total + 1} data-testid="customer-table">
      <div role="row" className={`${classes.grid} ${classes.head}`} aria-rowindex={1}>
        <SortHeader label={columns.name} column="name" params={params} onSort={onSort} />
        <div role="columnheader">{t('customers.columns.contact')}</div>
        <SortHeader label={columns.city} column="city" params={params} onSort={onSort} />
        <div role="columnheader">{t('customers.columns.tags')}</div>
        <SortHeader label={columns.totalSpent} column="totalSpent" params={params} onSort={onSort} right />
        <SortHeader label={columns.orders} column="orderCount" params={params} onSort={onSort} right />
        <SortHeader label={columns.lastPurchase} column="lastOrderAt" params={params} onSort={onSort} />
      </div>
      <div
        ref={scrollRef}
        className={classes.scroller}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={total ? `customer-row-${active}` : undefined}
        data-testid="customer-scroller"
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                id={`customer-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === active}
                className={`${classes.grid} ${classes.row}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setActive(item.index);
                  if (row) onOpen(row.id);
                }}
                data-testid={row ? 'customer-row' : 'customer-row-loading'}
              >
                {row ? <RowContent row={row} tagColors={tagColors} /> : <LoadingRow />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
