// The campaign's messages beside the one under review: each customer with the message's status,
// a mark where a check failed, and a filter by status. Clicking one opens it.
import { Badge, Group, ScrollArea, Select, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconLoader2 } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_MESSAGE_STATUSES, type CampaignMessageStatus } from '../../../../src-main/shared/drafting';
import { STATUS_COLORS, type CampaignMsg } from './types';
import { Private } from '../../hooks/usePrivacyMode';

export type StatusFilter = CampaignMessageStatus | 'all';

export function MessageList({
  messages,
  currentId,
  filter,
  onFilter,
  onOpen,
  counts,
}: {
  messages: CampaignMsg[];
  currentId: number | null;
  filter: StatusFilter;
  onFilter(f: StatusFilter): void;
  onOpen(id: number): void;
  counts: Record<CampaignMessageStatus, number> & { total: number };
}) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  // Keep the open message in view as j/k move through a long list.
  useEffect(() => {
    viewport.current?.querySelector<HTMLElement>(`[data-id="${currentId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);
  return (
    <Stack gap="xs" h="100%">
      <Select
        size="xs"
        label={t('campaigns.review.filter')}
        value={filter}
        onChange={(v) => onFilter((v ?? 'all') as StatusFilter)}
        allowDeselect={false}
        data={[
          { value: 'all', label: `${t('campaigns.review.all')} (${counts.total})` },
          ...CAMPAIGN_MESSAGE_STATUSES.map((s) => ({ value: s, label: `${t(`campaigns.statuses.${s}`)} (${counts[s]})` })),
        ]}
        data-testid="review-filter"
      />
      <ScrollArea.Autosize mah={560} viewportRef={viewport} type="auto" offsetScrollbars>
        {messages.length === 0 ? (
          <Text fz="sm" c="dimmed" p="xs">
            {t('campaigns.review.empty')}
          </Text>
        ) : (
          <Stack gap={2} role="list" data-testid="message-list">
            {messages.map((m) => {
              const failed = m.checks.filter((c) => !c.ok).length;
              const active = m.id === currentId;
              return (
                <UnstyledButton
                  key={m.id}
                  role="listitem"
                  data-id={m.id}
                  data-status={m.status}
                  aria-current={active ? 'true' : undefined}
                  onClick={() => onOpen(m.id)}
                  px="sm"
                  py={6}
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: active ? 'var(--mantine-color-default-hover)' : undefined,
                    borderLeft: `3px solid ${active ? 'var(--mantine-primary-color-filled)' : 'transparent'}`,
                  }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                      <Text fz="sm" fw={active ? 600 : 500} truncate>
                        <Private kind="name" value={m.customerName} />
                      </Text>
                      {m.body == null && <IconLoader2 size={13} color="var(--mantine-color-dimmed)" aria-label={t('campaigns.review.writing')} />}
                      {failed > 0 && (
                        <Tooltip label={t('drafting.checks.failed', { count: failed })} openDelay={300}>
                          <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" aria-label={t('drafting.checks.failed', { count: failed })} />
                        </Tooltip>
                      )}
                    </Group>
                    <Badge size="xs" variant="light" color={STATUS_COLORS[m.status]} tt="none" fw={500} style={{ flex: 'none' }}>
                      {t(`campaigns.statuses.${m.status}`)}
                    </Badge>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}
