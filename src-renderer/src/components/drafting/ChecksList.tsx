// The checks a draft passed or failed, failed ones first and each with its reason in words. Shared
// by the inbox's reply panel and the campaign messages: it knows nothing of where the draft came from.
import { Group, List, Loader, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DraftCheck } from '../../../../src-main/shared/drafting';
import { checkText } from './check-text';

/**
 * `pending`: no checks yet because the draft is still being written. `checking`: the shown checks
 * are of an earlier text and new ones are on their way (they are dimmed, not hidden).
 */
export function ChecksList({ checks, state }: { checks: readonly DraftCheck[]; state?: 'pending' | 'checking' }) {
  const { t } = useTranslation();
  if (state === 'pending' || checks.length === 0)
    return (
      <Text fz="xs" c="dimmed" data-testid="checks-pending">
        {state === 'checking' ? t('drafting.checks.checking') : t('drafting.checks.pending')}
      </Text>
    );
  const failed = checks.filter((c) => !c.ok).length;
  const ordered = [...checks].sort((a, b) => Number(a.ok) - Number(b.ok));
  return (
    <div data-testid="checks" data-failed={failed} data-state={state ?? 'current'} style={{ opacity: state === 'checking' ? 0.6 : 1 }}>
      <Group gap={6} mb={6}>
        <Text fz="xs" fw={600} c={failed ? 'orange' : 'teal'} data-testid="checks-summary">
          {failed ? t('drafting.checks.failed', { count: failed }) : t('drafting.checks.allPassed')}
        </Text>
        {state === 'checking' && <Loader size={10} aria-label={t('drafting.checks.checking')} />}
      </Group>
      <List spacing={4} size="sm" center>
        {ordered.map((c) => (
          <List.Item
            key={c.check}
            data-testid="check"
            data-check={c.check}
            data-ok={c.ok}
            icon={
              <ThemeIcon size={18} radius="xl" variant="light" color={c.ok ? 'teal' : 'orange'}>
                {c.ok ? <IconCheck size={12} /> : <IconAlertTriangle size={12} />}
              </ThemeIcon>
            }
          >
            <Text fz="sm" c={c.ok ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
              {checkText(c, t)}
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
