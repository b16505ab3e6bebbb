import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tag in its colour; gray tags get the neutral variant so they stay readable in dark mode. */
export function TagBadge({ color, children, ...rest }: { color: string; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant'>) {
  return (
    <Badge variant={color === 'gray' ? 'default' : 'light'} color={color} tt="none" fw={500} {...rest}>
      {children}
    </Badge>
  );
}
