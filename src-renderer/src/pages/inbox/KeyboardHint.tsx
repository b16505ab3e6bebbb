// The inbox's keys, one click away: j/k move, r replies, e marks handled, u undoes, Esc leaves the editor.
import { Button, Group, Kbd, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export const INBOX_KEYS = { next: 'j', prev: 'k', reply: 'r', handled: 'e', undo: 'u' } as const;

export function KeyboardHint() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const rows: [string, string][] = [
    [INBOX_KEYS.next, t('inbox.keyboard.next')],
    [INBOX_KEYS.prev, t('inbox.keyboard.prev')],
    [INBOX_KEYS.reply, t('inbox.keyboard.reply')],
    [INBOX_KEYS.handled, t('inbox.keyboard.handled')],
    [INBOX_KEYS.undo, t('inbox.keyboard.undo')],
    ['Esc', t('inbox.keyboard.leave')],
  ];
  return (
    <Popover opened={opened} onDismiss={close} width={300} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconKeyboard size={16} />}
          onClick={toggle}
          // Focus stays on the button (the list of keys has nothing to focus), so Escape is heard here.
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
          aria-expanded={opened}
          data-testid="inbox-keyboard"
        >
          {t('inbox.keyboard.hint')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text fz="sm" fw={600}>
            {t('inbox.keyboard.title')}
          </Text>
          {rows.map(([key, what]) => (
            <Group key={key} gap="sm" wrap="nowrap">
              <Kbd size="xs" miw={34} ta="center">
                {key}
              </Kbd>
              <Text fz="sm">{what}</Text>
            </Group>
          ))}
          <Text fz="xs" c="dimmed">
            {t('inbox.keyboard.typing')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
