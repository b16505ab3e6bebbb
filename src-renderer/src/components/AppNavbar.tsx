import { Badge, NavLink, Stack, Tooltip } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { IconActivity, IconBuildingStore, IconChartDots3, IconChecklist, IconFileImport, IconHistory, IconInbox, IconLayoutDashboard, IconMailForward, IconSettings, IconShieldLock, IconSparkles, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client';
import { useJobs } from '../hooks/useJobs';
import { useLanguage } from '../hooks/useLanguage';
import { formatNumber } from '../lib/format';
import { NavLists } from './NavLists';
import { useInboxStats } from '../pages/inbox/inbox-queries';
import { keys } from '../lib/query-keys';

/** Ctrl/Cmd+D opens the dashboard (App.tsx binds it), as Ctrl/Cmd+K opens search. */
const DASHBOARD_KEY = 'D';
export const DASHBOARD_HOTKEY = `mod+${DASHBOARD_KEY}`;
/** Ctrl/Cmd+G opens the segments page (the customer groups). */
const SEGMENTS_KEY = 'G';
export const SEGMENTS_HOTKEY = `mod+${SEGMENTS_KEY}`;

function Item({ href, label, icon, right, shortcut }: { href: string; label: string; icon: ReactNode; right?: ReactNode; shortcut?: string }) {
  const { t } = useTranslation();
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  const [location] = useLocation();
  const active = location === href || location.startsWith(`${href}/`);
  const link = (
    <NavLink
      component={Link}
      href={href}
      label={label}
      leftSection={icon}
      rightSection={right}
      active={active}
      aria-current={active ? 'page' : undefined}
      aria-keyshortcuts={shortcut ? `Control+${shortcut} Meta+${shortcut}` : undefined}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      fw={500}
    />
  );
  if (!shortcut) return link;
  return (
    <Tooltip label={t('nav.shortcut', { keys: `${mod}+${shortcut}` })} position="right" openDelay={600}>
      {link}
    </Tooltip>
  );
}

export function AppNavbar() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const overview = useQuery({ queryKey: keys.overview, queryFn: () => api.app.overview.query() });
  const { active } = useJobs();
  const openTasks = overview.data?.openTasks ?? 0;
  const openMessages = useInboxStats().data?.open ?? 0;
  return (
    <Stack component="nav" aria-label={t('nav.label')} justify="space-between" h="100%" p="sm">
      <Stack gap={4}>
        <Item href="/dashboard" label={t('nav.dashboard')} icon={<IconLayoutDashboard size={18} stroke={1.6} />} shortcut={DASHBOARD_KEY} />
        <Item href="/customers" label={t('nav.customers')} icon={<IconUsers size={18} stroke={1.6} />} />
        <Item
          href="/inbox"
          label={t('inbox.title')}
          icon={<IconInbox size={18} stroke={1.6} />}
          right={openMessages > 0 ? <Badge size="sm" variant="light" circle={openMessages < 10} data-testid="nav-inbox-count">{formatNumber(openMessages, lang)}</Badge> : undefined}
        />
        <Item href="/segments" label={t('segments.title')} icon={<IconChartDots3 size={18} stroke={1.6} />} shortcut={SEGMENTS_KEY} />
        <Item href="/campaigns" label={t('campaigns.title')} icon={<IconMailForward size={18} stroke={1.6} />} />
        <Item
          href="/tasks"
          label={t('nav.tasks')}
          icon={<IconChecklist size={18} stroke={1.6} />}
          right={openTasks > 0 ? <Badge size="sm" variant="light" circle={openTasks < 10}>{formatNumber(openTasks, lang)}</Badge> : undefined}
        />
        <Item href="/import" label={t('nav.import')} icon={<IconFileImport size={18} stroke={1.6} />} />
        <Item
          href="/jobs"
          label={t('nav.jobs')}
          icon={<IconActivity size={18} stroke={1.6} />}
          right={active.length > 0 ? <Badge size="sm" variant="dot">{active.length}</Badge> : undefined}
        />
        <NavLists />
      </Stack>
      <Stack gap={4}>
        <Item href="/facts" label={t('facts.title')} icon={<IconBuildingStore size={18} stroke={1.6} />} />
        <Item href="/models" label={t('nav.models')} icon={<IconSparkles size={18} stroke={1.6} />} />
        <Item href="/privacy" label={t('nav.privacy')} icon={<IconShieldLock size={18} stroke={1.6} />} />
        <Item href="/audit" label={t('nav.audit')} icon={<IconHistory size={18} stroke={1.6} />} />
        <Item href="/settings" label={t('nav.settings')} icon={<IconSettings size={18} stroke={1.6} />} />
      </Stack>
    </Stack>
  );
}
