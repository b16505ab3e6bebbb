// One card of the dashboard: a title that says what it shows, a sentence of takeaway when there is
// one, and the chart.
import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function DashCard({ title, hint, takeaway, right, children, testId }: { title: string; hint?: string; takeaway?: string | null; right?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper p="md" radius="md" h="100%" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm" gap="sm">
        <div>
          <Title order={4} fz="md" fw={600}>
            {title}
          </Title>
          {takeaway && (
            <Text fz="sm" fw={500} mt={2} data-testid={testId ? `${testId}-takeaway` : undefined}>
              {takeaway}
            </Text>
          )}
          {hint && (
            <Text fz="xs" c="dimmed" mt={2}>
              {hint}
            </Text>
          )}
        </div>
        {right}
      </Group>
      {children}
    </Paper>
  );
}
