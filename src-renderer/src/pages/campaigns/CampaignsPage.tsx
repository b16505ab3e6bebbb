// Every campaign with who it is for, how many messages are written and how they were reviewed;
// "New campaign" picks a segment or a smart list; delete asks first.
import { ActionIcon, Anchor, Badge, Box, Button, Center, Group, Loader, Modal, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconChartDots3, IconMailForward, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CAMPAIGN_MESSAGE_STATUSES } from '../../../../src-main/shared/drafting';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { notifyDone, notifyError } from '../../lib/notify';
import { NewCampaignModal } from './NewCampaignModal';
import { useTargetInfo } from './target';
import { campaignsListKey, STATUS_COLORS, type Campaign } from './types';

function Who({ campaign }: { campaign: Campaign }) {
  const info = useTargetInfo(campaign.target);
  return (
    <Text fz="sm" lineClamp={1}>
      {info.label ?? '…'}
    </Text>
  );
}

/** The review counts as small badges: "12 to review · 3 approved · 1 skipped". */
export function StatusCounts({ counts, size = 'sm' }: { counts: Campaign['counts']; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Group gap={6} wrap="wrap" data-testid="campaign-counts">
      {CAMPAIGN_MESSAGE_STATUSES.filter((s) => counts[s] > 0 || s !== 'exported').map((s) => (
        <Badge key={s} size={size} variant="light" color={STATUS_COLORS[s]} tt="none" fw={500} data-status={s} data-count={counts[s]}>
          {t(`campaigns.statuses.${s}`)} {formatNumber(counts[s], lang)}
        </Badge>
      ))}
    </Group>
  );
}

function DeleteModal({ campaign, onClose }: { campaign: Campaign | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useMutation({
    mutationFn: (c: Campaign) => api.campaigns.delete.mutate({ id: c.id }),
    onSuccess: (_r, c) => {
      onClose();
      notifyDone(t('campaigns.list.deleted', { name: c.name }));
    },
    onError: (err) => notifyError(err, t),
  });
  return (
    <Modal opened={campaign != null} onClose={onClose} title={t('campaigns.list.deleteTitle')} centered>
      {campaign && (
        <Stack gap="md">
          <Text fz="sm">{t('campaigns.list.deleteBody', { name: campaign.name, count: campaign.counts.total })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(campaign)} data-testid="campaign-delete-confirm">
              {t('campaigns.list.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useQuery({ queryKey: campaignsListKey, queryFn: () => api.campaigns.list.query() });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Campaign | null>(null);

  return (
    <Box maw={1100} mx="auto">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2}>{t('campaigns.title')}</Title>
            <Text c="dimmed" mt={4} maw={720}>
              {t('campaigns.subtitle')}
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="campaign-new">
            {t('campaigns.newButton')}
          </Button>
        </Group>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : !list.data ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : list.data.length === 0 ? (
          <Paper p="xl" radius="md" withBorder data-testid="campaigns-empty">
            <Stack align="center" gap="sm" maw={560} mx="auto" ta="center">
              <IconMailForward size={36} stroke={1.4} color="var(--mantine-color-indigo-5)" />
              <Title order={3} fz="lg">
                {t('campaigns.emptyTitle')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('campaigns.emptyBody')}
              </Text>
              <Group gap="xs">
                <Button variant="default" component={Link} href="/segments" leftSection={<IconChartDots3 size={16} />}>
                  {t('campaigns.openSegments')}
                </Button>
                <Button onClick={() => setCreating(true)} leftSection={<IconPlus size={16} />}>
                  {t('campaigns.newButton')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Paper radius="md" withBorder>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="campaigns-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('campaigns.list.name')}</Table.Th>
                    <Table.Th>{t('campaigns.list.who')}</Table.Th>
                    <Table.Th>{t('campaigns.list.written')}</Table.Th>
                    <Table.Th>{t('campaigns.list.review')}</Table.Th>
                    <Table.Th>{t('campaigns.list.created')}</Table.Th>
                    <Table.Th w={60} aria-label={t('campaigns.list.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((c) => (
                    <Table.Tr key={c.id} data-testid="campaign-row" data-id={c.id}>
                      <Table.Td maw={300}>
                        <Anchor component={Link} href={`/campaigns/${c.id}`} fw={600} fz="sm" lineClamp={1}>
                          {c.name}
                        </Anchor>
                        <Badge size="xs" variant="outline" color={c.purpose === 'winback' ? 'orange' : 'indigo'} tt="none" fw={500} mt={2}>
                          {t(`campaigns.purposes.${c.purpose}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td maw={240}>
                        <Who campaign={c} />
                      </Table.Td>
                      <Table.Td w={150}>
                        <Text fz="xs" c="dimmed" className="tabular">
                          {t('campaigns.list.writtenOf', { done: formatNumber(c.counts.drafted, lang), total: formatNumber(c.counts.total, lang) })}
                        </Text>
                        <Progress value={c.counts.total ? (c.counts.drafted / c.counts.total) * 100 : 0} size="sm" mt={4} aria-hidden />
                      </Table.Td>
                      <Table.Td>
                        <StatusCounts counts={c.counts} />
                      </Table.Td>
                      <Table.Td w={130}>
                        <Text fz="sm" c="dimmed" title={formatDateTime(c.createdAt, lang)}>
                          {formatRelative(c.createdAt, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={t('campaigns.list.delete', { name: c.name })} openDelay={400}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('campaigns.list.delete', { name: c.name })} onClick={() => setDeleting(c)} data-testid="campaign-delete">
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
      <NewCampaignModal opened={creating} onClose={() => setCreating(false)} />
      <DeleteModal campaign={deleting} onClose={() => setDeleting(null)} />
    </Box>
  );
}
