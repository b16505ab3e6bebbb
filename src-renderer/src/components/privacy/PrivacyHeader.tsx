// The header's privacy controls: the privacy-mode switch with its badge while on, and, where
// profiles are in use, who is signed in with "Switch profile".
import { ActionIcon, Badge, Button, Menu, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff, IconSwitchHorizontal, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';
import { useProfile } from './profile-context';

export function PrivacyModeButton() {
  const { t } = useTranslation();
  const { on, toggle, hotkeyLabel } = usePrivacyMode();
  const label = on ? t('profiles.turnOff', { keys: hotkeyLabel }) : t('profiles.turnOn', { keys: hotkeyLabel });
  return (
    <>
      {on && (
        <Badge color="grape" variant="filled" leftSection={<IconEyeOff size={12} />} data-testid="privacy-mode-badge" style={{ cursor: 'pointer' }} onClick={toggle}>
          {t('profiles.modeBadge')}
        </Badge>
      )}
      <Tooltip label={label}>
        <ActionIcon variant={on ? 'filled' : 'default'} color={on ? 'grape' : undefined} size={34} aria-label={label} aria-pressed={on} onClick={toggle} data-testid="privacy-mode-toggle">
          {on ? <IconEyeOff size={18} stroke={1.6} /> : <IconEye size={18} stroke={1.6} />}
        </ActionIcon>
      </Tooltip>
    </>
  );
}

export function ProfileMenu() {
  const { t } = useTranslation();
  const { profile, hasProfiles, signOut } = useProfile();
  if (!hasProfiles || !profile) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-md" h={34} leftSection={<IconUserCircle size={18} stroke={1.6} />} data-testid="profile-menu">
          {profile.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('profiles.signedInAs', { name: profile.name, role: t(`profiles.roles.${profile.role}`) })}</Menu.Label>
        <Menu.Item leftSection={<IconSwitchHorizontal size={16} />} onClick={signOut} data-testid="switch-profile">
          {t('profiles.switch')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
