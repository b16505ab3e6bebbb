// One campaign: what it is for and for whom, how the writing goes (cancel, resume), then the
// messages reviewed one by one (A approve, S skip, J/K next and previous; edits are approved with
// the message), the counts by status, and the CSV of the approved ones.
import { Anchor, Badge, Box, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconChevronLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { isActive, useJobs } from '../../hooks/useJobs';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { CampaignProgress, TemplateNote } from './CampaignProgress';
import { StatusCounts } from './CampaignsPage';
import { ExportApproved } from './ExportApproved';
import { MessageList, type StatusFilter } from './MessageList';
import { ReviewPanel } from './ReviewPanel';
import { useTargetInfo } from './target';
import { campaignKey, messagesKey, type Campaign, type CampaignMsg } from './types';

/**
 * Whether a single-letter key belongs to something else: a dialog is open, or the focus is where
 * letters are typed. A focused radio or button (the language switch, a tab) does not take letters.
 */
function notForUs(e: KeyboardEvent): boolean {
  if (document.querySelector('[role="dialog"]')) return true;
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['radio', 'checkbox', 'button', 'submit', 'range'].includes((el as HTMLInputElement).type);
}

/** The next message still to review after `from` in `list` (then from the top); null when none is left. */
function nextToReview(list: CampaignMsg[], from: number): CampaignMsg | null {
  const i = list.findIndex((m) => m.id === from);
  const open = (m: CampaignMsg) => m.id !== from && m.status === 'pending' && m.body != null;
  return list.slice(i + 1).find(open) ?? list.slice(0, Math.max(i, 0)).find(open) ?? null;
}

function ReviewArea({ campaign, messages, writing }: { campaign: Campaign; messages: CampaignMsg[]; writing: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [currentId, setCurrentId] = useState<number | null>(null);
  const shown = useMemo(() => (filter === 'all' ? messages : messages.filter((m) => m.status === filter)), [messages, filter]);
  const current = shown.find((m) => m.id === currentId) ?? shown.find((m) => m.status === 'pending' && m.body != null) ?? shown[0] ?? null;
  const idx = current ? shown.indexOf(current) : -1;
  const review = useMutation({
    mutationFn: (v: { id: number; status?: 'approved' | 'skipped' | 'pending'; body?: string }) => api.campaigns.review.mutate(v),
    onSuccess: (msg, v) => {
      qc.setQueryData<CampaignMsg[]>(messagesKey(campaign.id), (old) => old?.map((m) => (m.id === msg.id ? msg : m)));
      void qc.invalidateQueries({ queryKey: campaignKey(campaign.id) });
      // Approve and Skip move on to the next message still to review; putting one back stays on it.
      if (v.status !== 'pending') setCurrentId(nextToReview(shown, msg.id)?.id ?? msg.id);
    },
    onError: (err) => notifyError(err, t),
  });
  const go = (step: number) => {
    const m = shown[idx + step];
    if (m) setCurrentId(m.id);
  };
  const actions = {
    approve: (body?: string) => current && review.mutate({ id: current.id, status: 'approved', body }),
    skip: () => current && review.mutate({ id: current.id, status: 'skipped' }),
    reopen: () => current && review.mutate({ id: current.id, status: 'pending' }),
    next: () => go(1),
    previous: () => go(-1),
  };
  const canReview = current != null && current.body != null && current.status !== 'exported' && !review.isPending;
  // Tags are checked in notForUs, so a focused radio (the language switch) does not swallow the keys.
  useHotkeys(
    [
      ['a', (e) => !notForUs(e) && canReview && current.status !== 'approved' && actions.approve()],
      ['s', (e) => !notForUs(e) && canReview && current.status === 'pending' && actions.skip()],
      ['j', (e) => !notForUs(e) && actions.next()],
      ['k', (e) => !notForUs(e) && actions.previous()],
    ],
    [],
  );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Paper p="sm" radius="md" withBorder>
          <MessageList messages={shown} currentId={current?.id ?? null} filter={filter} onFilter={setFilter} onOpen={setCurrentId} counts={campaign.counts} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        <Stack gap="xs">
          {current ? (
            <ReviewPanel
              // A new body (written meanwhile, or saved) starts the editor again from it.
              key={`${current.id}:${current.body ?? ''}`}
              message={current}
              position={idx + 1}
              total={shown.length}
              writing={writing}
              busy={review.isPending}
              actions={actions}
            />
          ) : (
            <Paper p="xl" radius="md" withBorder>
              <Text c="dimmed" ta="center">
                {t('campaigns.review.empty')}
              </Text>
            </Paper>
          )}
          <Group justify="space-between">
            <Text fz="xs" c="dimmed">
              {t('campaigns.review.keys')}
            </Text>
            {campaign.counts.pending === 0 && campaign.counts.drafted === campaign.counts.total && campaign.counts.total > 0 && (
              <Text fz="xs" c="teal.7" fw={500} data-testid="review-all-done">
                {t('campaigns.review.allDone')}
              </Text>
            )}
          </Group>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Header({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const info = useTargetInfo(campaign.target);
  return (
    <Paper p="lg" radius="md" withBorder>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} lh={1.2} data-testid="campaign-name">
              {campaign.name}
            </Title>
            <Badge variant="light" color={campaign.purpose === 'winback' ? 'orange' : 'indigo'} tt="none" fw={500}>
              {t(`campaigns.purposes.${campaign.purpose}`)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none" fw={500}>
              {t(`drafting.tones.${campaign.tone}`)}
            </Badge>
          </Group>
          <Text fz="sm" c="dimmed">
            {[info.label, t('campaigns.target.customers', { count: campaign.counts.total })].filter(Boolean).join(' · ')} ·{' '}
            <span title={formatDateTime(campaign.createdAt, lang)}>{t('campaigns.page.started', { time: formatRelative(campaign.createdAt, lang) })}</span>
          </Text>
          <Text fz="sm" maw={760} fs={campaign.brief ? undefined : 'italic'} c={campaign.brief ? undefined : 'dimmed'} data-testid="campaign-brief-shown">
            <Text span fw={600} fs="normal" c="var(--mantine-color-text)">
              {t('campaigns.page.brief')}{' '}
            </Text>
            {campaign.brief || t('campaigns.page.noBrief')}
          </Text>
        </Stack>
        <Stack gap={8} align="flex-end" style={{ flex: 'none' }}>
          <ExportApproved campaignId={campaign.id} approved={campaign.counts.approved} />
          <Text fz="xs" c="dimmed" className="tabular" data-testid="campaign-written">
            {t('campaigns.page.written', { done: formatNumber(campaign.counts.drafted, lang), total: formatNumber(campaign.counts.total, lang) })}
          </Text>
          <StatusCounts counts={campaign.counts} />
        </Stack>
      </Group>
    </Paper>
  );
}

export function CampaignPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const summary = useQuery({ queryKey: campaignKey(id), queryFn: () => api.campaigns.get.query({ id }), retry: false });
  const messages = useQuery({ queryKey: messagesKey(id), queryFn: () => api.campaigns.messages.query({ id }), retry: false });
  const job = useJobs().byId(summary.data?.jobId);
  const writing = job != null && isActive(job.status);
  // Messages arrive by change events; the job's own progress (and its end) is a second prompt.
  const progress = job ? `${job.status}:${job.done}` : '';
  useEffect(() => {
    if (progress) void qc.invalidateQueries({ queryKey: campaignKey(id) });
  }, [progress, id, qc]);

  const back = (
    <Anchor component={Link} href="/campaigns" fz="sm">
      <Group gap={4} component="span">
        <IconChevronLeft size={14} />
        {t('campaigns.page.back')}
      </Group>
    </Anchor>
  );
  const error = summary.error ?? messages.error;
  if (error)
    return (
      <Box maw={1200} mx="auto">
        <Stack gap="md">
          {back}
          <QueryError error={error} onRetry={() => void summary.refetch().then(() => messages.refetch())} />
        </Stack>
      </Box>
    );
  if (!summary.data || !messages.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const templated = messages.data.some((m) => m.madeBy === 'template');
  return (
    <Box maw={1280} mx="auto">
      <Stack gap="md">
        {back}
        <Header campaign={summary.data} />
        <CampaignProgress campaign={summary.data} />
        {templated && <TemplateNote />}
        <ReviewArea campaign={summary.data} messages={messages.data} writing={writing} />
      </Stack>
    </Box>
  );
}
