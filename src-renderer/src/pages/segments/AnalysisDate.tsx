// "As of 30 Nov 2026": the day the segments are worked out for, with a way to pin another day
// (a month-end review, the sample shop's screenshots) or go back to today. Either starts a recompute.
import { Button, Group, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconCalendar, IconPin } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { formatDate } from '../../lib/format';
import { notifyError } from '../../lib/notify';

/** 'YYYY-MM-DD' (a UTC day) as the reader writes dates. */
export const formatDay = (day: string, lang: 'en' | 'zh') => formatDate(Date.parse(`${day}T12:00:00Z`), lang);

export function AnalysisDate({ date, pinned }: { date: string; pinned: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(date);
  const set = useMutation({
    mutationFn: (day: string | null) => api.segments.setAnalysisDate.mutate({ date: day }),
    onSuccess: () => setOpen(false),
    onError: (err) => notifyError(err, t),
  });
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <UnstyledButton
          onClick={() => {
            setValue(date);
            setOpen((o) => !o);
          }}
          aria-label={t('segments.dateControl')}
          data-testid="analysis-date"
        >
          <Group gap={6} c="dimmed">
            {pinned ? <IconPin size={15} /> : <IconCalendar size={15} />}
            <Text fz="sm" td="underline" style={{ textDecorationStyle: 'dotted', textUnderlineOffset: 3 }}>
              {t(pinned ? 'segments.asOfPinned' : 'segments.asOf', { date: formatDay(date, lang) })}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d{4}-\d{2}-\d{2}$/.test(value)) set.mutate(value);
          }}
        >
          <Stack gap="xs" w={260}>
            <TextInput type="date" label={t('segments.dateControl')} description={t('segments.dateHint')} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
            <Group justify="space-between" gap="xs">
              <Button variant="subtle" size="xs" disabled={!pinned} onClick={() => set.mutate(null)} loading={set.isPending && set.variables === null}>
                {t('segments.backToToday')}
              </Button>
              <Button type="submit" size="xs" leftSection={<IconPin size={14} />} loading={set.isPending && set.variables !== null} disabled={!value}>
                {t('segments.pinDate')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
