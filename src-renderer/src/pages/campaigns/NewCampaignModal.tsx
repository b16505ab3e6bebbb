// "New campaign": what for (win-back or campaign), who (fixed by where it was opened: a customer,
// a segment, a smart list; or picked here), what to say (needed for a campaign, optional for a
// win-back), the tone and a name. Starting it makes the campaign and its job in the core, then
// opens the campaign's page, where the messages appear as they are written.
import { Alert, Anchor, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconInfoCircle, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { notifications } from '@mantine/notifications';
import { BRIEF_MAX_CHARS, CAMPAIGN_MAX_CUSTOMERS, CAMPAIGN_PURPOSES, type CampaignPurpose, type CampaignTarget, type Tone } from '../../../../src-main/shared/drafting';
import { SEGMENT_CODES, type SegmentCode } from '../../../../src-main/shared/segments';
import { api } from '../../api/client';
import { TonePicker } from '../../components/drafting/DraftOptions';
import { describeError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../hooks/useLanguage';
import { keys } from '../../lib/query-keys';
import { segmentName } from '../segments/rules';
import { listsKey, segmentsOverviewKey, useTargetInfo } from './target';

export interface NewCampaignProps {
  opened: boolean;
  onClose(): void;
  /** Who, when opened from a customer, a segment or a list; picked in the modal otherwise. */
  target?: CampaignTarget;
  purpose?: CampaignPurpose;
}

/** A segment or a smart list, picked in the modal when it was opened from the campaigns page. */
function TargetPicker({ value, onChange }: { value: CampaignTarget | null; onChange(t: CampaignTarget | null): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'segment' | 'list'>(value?.kind === 'list' ? 'list' : 'segment');
  const segments = useQuery({ queryKey: segmentsOverviewKey, queryFn: () => api.segments.overview.query({}) });
  const lists = useQuery({ queryKey: listsKey, queryFn: () => api.lists.all.query() });
  const segmentData = SEGMENT_CODES.map((code) => {
    const row = segments.data?.segments.find((s) => s.code === code);
    const n = row?.customers ?? 0;
    return { value: code, label: `${segmentName(code, t, row?.customName)} · ${t('campaigns.target.customers', { count: n })}`, disabled: n === 0 };
  });
  const listData = (lists.data ?? []).map((l) => ({ value: String(l.id), label: `${l.name} · ${t('campaigns.target.customers', { count: l.count })}`, disabled: l.count === 0 }));
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('campaigns.create.whoKind')}
        value={kind}
        onChange={(v) => {
          setKind(v as 'segment' | 'list');
          onChange(null);
        }}
        data={[
          { value: 'segment', label: t('campaigns.create.segment') },
          { value: 'list', label: t('campaigns.create.list') },
        ]}
      />
      {kind === 'segment' ? (
        <Select
          label={t('campaigns.create.pickSegment')}
          data={segmentData}
          value={value?.kind === 'segment' ? value.segment : null}
          onChange={(v) => onChange(v ? { kind: 'segment', segment: v as SegmentCode } : null)}
          searchable
          allowDeselect={false}
          data-testid="campaign-pick-segment"
          comboboxProps={{ withinPortal: true }}
        />
      ) : listData.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('campaigns.create.noLists')}
        </Text>
      ) : (
        <Select
          label={t('campaigns.create.pickList')}
          data={listData}
          value={value?.kind === 'list' ? String(value.listId) : null}
          onChange={(v) => onChange(v ? { kind: 'list', listId: Number(v) } : null)}
          searchable
          allowDeselect={false}
          data-testid="campaign-pick-list"
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Stack>
  );
}

function CampaignForm({ onClose, target: fixed, purpose: initialPurpose }: Omit<NewCampaignProps, 'opened'>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [, navigate] = useLocation();
  const [purpose, setPurpose] = useState<CampaignPurpose>(initialPurpose ?? 'winback');
  const [picked, setPicked] = useState<CampaignTarget | null>(null);
  const target = fixed ?? picked;
  const info = useTargetInfo(target);
  const [brief, setBrief] = useState('');
  const [tone, setTone] = useState<Tone>('warm');
  const [name, setName] = useState<string | null>(null);
  const [briefError, setBriefError] = useState<string | null>(null);
  const status = useQuery({ queryKey: keys.modelStatus, queryFn: () => api.models.status.query() });
  const noModel = status.data != null && status.data.activeFile == null;
  const defaultName = info.name ? t('campaigns.create.nameDefault', { purpose: t(`campaigns.purposes.${purpose}`), who: info.name }) : '';
  const shownName = name ?? defaultName;
  const create = useMutation({
    mutationFn: (input: { name: string; target: CampaignTarget }) => api.campaigns.create.mutate({ ...input, purpose, brief: brief.trim(), tone }),
    onSuccess: (res, input) => {
      onClose();
      notifications.show({
        color: 'teal',
        message: t('campaigns.create.started', { count: res.customers, name: input.name }),
        autoClose: res.leftOut ? 8000 : 4000,
        ...(res.leftOut ? { title: t('campaigns.create.leftOut', { count: res.leftOut }) } : {}),
      });
      navigate(`/campaigns/${res.campaignId}`);
    },
  });
  const error = create.error ? describeError(create.error, t) : null;
  const count = info.count;
  const tooMany = count != null && count > CAMPAIGN_MAX_CUSTOMERS;
  const submit = () => {
    if (!target || create.isPending) return;
    if (purpose === 'campaign' && !brief.trim()) {
      setBriefError(t('campaigns.create.briefRequired'));
      return;
    }
    create.mutate({ name: shownName.trim() || defaultName, target });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Text fz="sm" fw={500} id="campaign-purpose">
            {t('campaigns.create.purpose')}
          </Text>
          <SegmentedControl
            aria-labelledby="campaign-purpose"
            value={purpose}
            onChange={(v) => {
              setPurpose(v as CampaignPurpose);
              setBriefError(null);
            }}
            data={CAMPAIGN_PURPOSES.map((p) => ({ value: p, label: t(`campaigns.purposes.${p}`) }))}
            data-testid="campaign-purpose"
          />
          <Text fz="xs" c="dimmed">
            {t(`campaigns.purposeHints.${purpose}`)}
          </Text>
        </Stack>
        <Stack gap={6}>
          <Text fz="sm" fw={500}>
            {t('campaigns.create.who')}
          </Text>
          {/* Picked here, the choice already reads "At risk · 304 customers"; from an entry point, a card says who. */}
          {!fixed && <TargetPicker value={picked} onChange={setPicked} />}
          {fixed && (
            <Paper withBorder p="sm" radius="md" data-testid="campaign-who">
              <Group gap="sm" wrap="nowrap">
                <IconUsers size={18} stroke={1.6} color="var(--mantine-color-indigo-6)" />
                <div>
                  <Text fz="sm" fw={600}>
                    {info.label ?? '…'}
                  </Text>
                  <Text fz="xs" c="dimmed" data-testid="campaign-who-count">
                    {count == null ? '…' : t('campaigns.target.customers', { count })}
                  </Text>
                </div>
              </Group>
            </Paper>
          )}
          {count === 0 && (
            <Text fz="xs" c="red">
              {t('campaigns.create.none')}
            </Text>
          )}
          {tooMany ? (
            <Text fz="xs" c="red" data-testid="campaign-too-many">
              {t('campaigns.create.tooMany', { max: CAMPAIGN_MAX_CUSTOMERS })}
            </Text>
          ) : (
            target && (
              <Text fz="xs" c="dimmed">
                {t('campaigns.create.reach')}
              </Text>
            )
          )}
        </Stack>
        <Stack gap={4}>
          <Textarea
            label={purpose === 'campaign' ? t('campaigns.create.brief') : t('campaigns.create.briefOptional')}
            description={t(`campaigns.create.briefHint.${purpose}`)}
            placeholder={t(`campaigns.create.briefExample.${purpose}`)}
            withAsterisk={purpose === 'campaign'}
            value={brief}
            onChange={(e) => {
              setBrief(e.currentTarget.value);
              setBriefError(null);
            }}
            error={briefError}
            autosize
            minRows={3}
            maxRows={8}
            maxLength={BRIEF_MAX_CHARS}
            data-testid="campaign-brief"
          />
          {/* The template says the brief as written, so it must fit a text message (BRIEF_MAX_CHARS). */}
          <Text fz="xs" c={brief.length >= BRIEF_MAX_CHARS ? 'orange' : 'dimmed'} ta="right" className="tabular" data-testid="campaign-brief-count">
            {t('campaigns.create.briefCount', { n: formatNumber(brief.length, lang), max: formatNumber(BRIEF_MAX_CHARS, lang) })}
          </Text>
        </Stack>
        <TonePicker value={tone} onChange={setTone} />
        <TextInput label={t('campaigns.create.name')} value={shownName} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} data-testid="campaign-name" />
        {noModel && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} p="sm">
            <Text fz="sm">
              {t('campaigns.create.noModel')}{' '}
              <Anchor component={Link} href="/models" fz="sm" onClick={onClose}>
                {t('campaigns.page.getModel')}
              </Anchor>
            </Text>
          </Alert>
        )}
        {error && (
          <Text fz="sm" c="red" role="alert">
            {error.message}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!target || count === 0 || tooMany} data-testid="campaign-start">
            {t('campaigns.create.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewCampaignModal({ opened, onClose, ...rest }: NewCampaignProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.create.title')} size="lg" centered>
      {/* Mounted only while open: each opening starts from a clean form. */}
      {opened && <CampaignForm onClose={onClose} {...rest} />}
    </Modal>
  );
}
