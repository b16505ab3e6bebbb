// The header's window on the job system: a quiet icon that pulses while work runs, opening to
// the running and most recent jobs.
import { ActionIcon, Anchor, Divider, Indicator, Loader, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconActivity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { useJobs } from '../hooks/useJobs';
import { JobCard } from './JobCard';

export function JobsIndicator() {
  const { t } = useTranslation();
  const { jobs, active } = useJobs();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [location] = useLocation();
  // Going somewhere else closes it.
  useEffect(() => close(), [location, close]);
  const recent = jobs.slice(0, 4);
  const label = active.length ? t('header.jobsRunning', { count: active.length }) : t('header.jobs');
  return (
    <Popover opened={opened} onClose={close} position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label={label} disabled={opened}>
          <Indicator disabled={!active.length} label={active.length} size={16} offset={4} processing>
            <ActionIcon variant="default" size={34} aria-label={label} onClick={toggle} data-testid="jobs-indicator">
              {active.length ? <Loader size={16} /> : <IconActivity size={18} stroke={1.6} />}
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={4}>
          <Text fw={600} fz="sm" px="xs" pt={4}>
            {t('header.jobs')}
          </Text>
          {recent.length === 0 ? (
            <Text fz="sm" c="dimmed" p="xs">
              {t('header.noRecentJobs')}
            </Text>
          ) : (
            recent.map((job, i) => (
              <div key={job.id}>
                {i > 0 && <Divider />}
                <JobCard job={job} compact />
              </div>
            ))
          )}
          <Divider />
          <Anchor component={Link} href="/jobs" fz="sm" px="xs" py={4} onClick={close}>
            {t('header.allJobs')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
