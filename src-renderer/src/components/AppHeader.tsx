import { Group } from '@mantine/core';
import { JobsIndicator } from './JobsIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { PrivacyModeButton, ProfileMenu } from './privacy/PrivacyHeader';
import { SearchButton } from './SearchButton';
import { ThemeToggle } from './ThemeToggle';

export function AppHeader() {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xl" wrap="nowrap">
        <Logo />
        <SearchButton />
      </Group>
      <Group gap="xs" wrap="nowrap">
        <JobsIndicator />
        <PrivacyModeButton />
        <ProfileMenu />
        <LanguageSwitch />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
