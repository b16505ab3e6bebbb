import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { Link } from 'wouter';

export function Logo() {
  return (
    <Link href="/customers" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Patron">
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={30} radius="md" variant="filled">
          <IconHeartHandshake size={19} stroke={1.8} />
        </ThemeIcon>
        <Text fw={700} fz="lg" style={{ letterSpacing: '-0.01em' }}>
          Patron
        </Text>
      </Group>
    </Link>
  );
}
