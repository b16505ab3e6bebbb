import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openSearch } from './GlobalSearch';

/** Looks like a search field; opens the global search (also Ctrl/Cmd+K). */
export function SearchButton() {
  const { t } = useTranslation();
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  return (
    <UnstyledButton
      onClick={openSearch}
      aria-label={t('header.searchLabel')}
      aria-keyshortcuts="Control+K Meta+K"
      w={360}
      h={34}
      px="sm"
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        background: 'var(--mantine-color-default)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={8} wrap="nowrap">
          <IconSearch size={16} color="var(--mantine-color-dimmed)" />
          <Text fz="sm" c="dimmed" truncate>
            {t('header.searchLabel')}
          </Text>
        </Group>
        <Group gap={3} wrap="nowrap">
          <Kbd size="xs">{mod}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  );
}
