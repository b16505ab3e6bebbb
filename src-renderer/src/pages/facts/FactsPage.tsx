// Shop facts: what a reply draft or a campaign message may tell customers about the shop, one
// field per topic (FACT_TOPICS), each with what to write and an example in the UI's language; the
// shop's name (the drafts' sign-off) is one line, the rest are paragraphs.
// Edits stay on the page until saved (the saved copy keeps following change events meanwhile);
// leaving with unsaved edits asks first.
import { Alert, Badge, Box, Button, Group, Loader, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { IconAddressBook, IconBuildingStore, IconCheck, IconClock, IconDiscount, IconNotes, IconReceiptRefund, IconShieldCheck, IconTruckDelivery } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { FACT_MAX_CHARS, FACT_TOPICS, type FactTopic, type ShopFacts } from '../../../../src-main/shared/drafting';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import { formatNumber } from '../../lib/format';
import { notifyDone, notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { useLeaveGuard } from './useLeaveGuard';

export const factsKey = [...keys.draftingAll, 'facts'] as const;

const ICONS: Record<FactTopic, ReactNode> = {
  name: <IconBuildingStore size={18} stroke={1.6} />,
  returns: <IconReceiptRefund size={18} stroke={1.6} />,
  delivery: <IconTruckDelivery size={18} stroke={1.6} />,
  hours: <IconClock size={18} stroke={1.6} />,
  contacts: <IconAddressBook size={18} stroke={1.6} />,
  offers: <IconDiscount size={18} stroke={1.6} />,
  other: <IconNotes size={18} stroke={1.6} />,
};

const SAVE_KEY = 'S';

/** Topics that are a name, not a paragraph: one line, no character count. */
const ONE_LINE: ReadonlySet<FactTopic> = new Set<FactTopic>(['name']);

function FactField({ topic, value, onChange }: { topic: FactTopic; value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const over = value.length - FACT_MAX_CHARS;
  const field = {
    label: (
      <Group gap={8} component="span" wrap="nowrap">
        <Box component="span" c="indigo" style={{ display: 'inline-flex' }}>
          {ICONS[topic]}
        </Box>
        {t(`facts.topics.${topic}.label`)}
      </Group>
    ),
    description: t(`facts.topics.${topic}.hint`),
    placeholder: t('facts.example', { text: t(`facts.topics.${topic}.example`) }),
    value,
    error: over > 0 ? t('facts.tooLong', { n: formatNumber(over, lang) }) : undefined,
    styles: { label: { fontWeight: 600, marginBottom: 2 }, description: { marginBottom: 8 } },
  };
  return (
    <Paper p="md" radius="md" withBorder data-testid={`fact-${topic}`}>
      {ONE_LINE.has(topic) ? (
        <TextInput {...field} onChange={(e) => onChange(e.currentTarget.value)} maw={420} />
      ) : (
        <>
          <Textarea {...field} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={3} maxRows={14} />
          <Text fz="xs" c={over > 0 ? 'red' : 'dimmed'} ta="right" mt={4} className="tabular" data-testid="fact-count">
            {t('facts.count', { n: formatNumber(value.length, lang), max: formatNumber(FACT_MAX_CHARS, lang) })}
          </Text>
        </>
      )}
    </Paper>
  );
}

const same = (a: ShopFacts, b: ShopFacts) => FACT_TOPICS.every((k) => a[k] === b[k]);

export function FactsPage() {
  const { t } = useTranslation();
  const os = useOs();
  const [, navigate] = useLocation();
  const qc = useQueryClient();
  const saved = useQuery({ queryKey: factsKey, queryFn: () => api.drafting.facts.query() });
  // The person's edits, over the saved copy; null until they type.
  const [edits, setEdits] = useState<ShopFacts | null>(null);
  const [leaving, setLeaving] = useState<string | null>(null);
  const current = edits ?? saved.data ?? null;
  const dirty = edits != null && saved.data != null && !same(edits, saved.data);
  const tooLong = current != null && FACT_TOPICS.some((k) => current[k].length > FACT_MAX_CHARS);
  const save = useMutation({
    mutationFn: (facts: ShopFacts) => api.drafting.setFacts.mutate(facts),
    onSuccess: (facts) => {
      qc.setQueryData(factsKey, facts);
      setEdits(null);
      notifyDone(t('facts.savedNote'));
    },
    onError: (err) => notifyError(err, t),
  });
  const submit = () => {
    if (current && dirty && !tooLong && !save.isPending) save.mutate(current);
  };
  useHotkeys([[`mod+${SAVE_KEY}`, submit]], []);
  useLeaveGuard(dirty, setLeaving);

  if (saved.error) return <QueryError error={saved.error} onRetry={() => saved.refetch()} />;
  if (!current)
    return (
      <Group justify="center" py="xl">
        <Loader />
      </Group>
    );
  const written = FACT_TOPICS.filter((k) => current[k].trim()).length;
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';

  return (
    <Box maw={860} mx="auto">
      <Stack gap="md">
        <div>
          <Group gap="md" align="baseline">
            <Title order={2}>{t('facts.title')}</Title>
            <Text c="dimmed" fz="sm" data-testid="facts-written">
              {t('facts.written', { count: written, total: FACT_TOPICS.length })}
            </Text>
          </Group>
          <Text c="dimmed" mt={4}>
            {t('facts.subtitle')}
          </Text>
        </div>
        <Alert variant="light" color="indigo" icon={<IconShieldCheck size={20} />} data-testid="facts-rule">
          <Text fz="sm">{t('facts.rule')}</Text>
          <Text fz="sm" c="dimmed" mt={4}>
            {t('facts.languages')}
          </Text>
        </Alert>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            {FACT_TOPICS.map((topic) => (
              <FactField key={topic} topic={topic} value={current[topic]} onChange={(v) => setEdits({ ...current, [topic]: v })} />
            ))}
            <Paper
              p="sm"
              px="md"
              radius="md"
              withBorder
              shadow={dirty ? 'md' : undefined}
              style={{ position: 'sticky', bottom: 12, zIndex: 2 }}
              data-testid="facts-savebar"
            >
              <Group justify="space-between" wrap="nowrap">
                {dirty ? (
                  <Badge color="yellow" variant="light" size="lg" tt="none" fw={500} data-testid="facts-state" data-state="unsaved">
                    {t('facts.unsaved')}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light" size="lg" tt="none" fw={500} leftSection={<IconCheck size={14} />} data-testid="facts-state" data-state="saved">
                    {t('facts.saved')}
                  </Badge>
                )}
                <Group gap="xs" wrap="nowrap">
                  <Text fz="xs" c="dimmed" visibleFrom="sm">
                    {t('facts.saveHint', { keys: `${mod}+${SAVE_KEY}` })}
                  </Text>
                  <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setEdits(null)}>
                    {t('facts.discard')}
                  </Button>
                  <Button type="submit" disabled={!dirty || tooLong} loading={save.isPending} data-testid="facts-save">
                    {t('facts.save')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          </Stack>
        </form>
      </Stack>
      <Modal opened={leaving != null} onClose={() => setLeaving(null)} title={t('facts.leave.title')} centered>
        <Stack gap="md">
          <Text fz="sm">{t('facts.leave.body')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              color="red"
              onClick={() => {
                const to = leaving;
                setLeaving(null);
                setEdits(null);
                if (to) navigate(to);
              }}
            >
              {t('facts.leave.leave')}
            </Button>
            <Button onClick={() => setLeaving(null)} data-autofocus>
              {t('facts.leave.stay')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  );
}
