// Every open follow-up across customers, overdue first; ticking one completes it (with undo).
import { Anchor, Badge, Box, Center, Checkbox, EmptyState, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLanguage } from '../../hooks/useLanguage';
import type { OpenTask } from '../../lib/api-types';
import { formatDate, formatRelative, isOverdue } from '../../lib/format';
import { notifyError, notifyWithUndo } from '../../lib/notify';
import { keys } from '../../lib/query-keys';
import { Private } from '../../hooks/usePrivacyMode';

function DueCell({ task }: { task: OpenTask }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (task.dueAt == null)
    return (
      <Text fz="sm" c="dimmed">
        {t('tasks.noDue')}
      </Text>
    );
  const overdue = isOverdue(task.dueAt);
  const today = !overdue && dayjs(task.dueAt).isSame(dayjs(), 'day');
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fz="sm" c={overdue ? 'red' : undefined} fw={overdue ? 500 : undefined}>
        {formatDate(task.dueAt, lang)}
      </Text>
      {overdue && (
        <Badge size="sm" color="red" variant="light" tt="none" fw={500}>
          {t('tasks.overdue')} · {formatRelative(task.dueAt, lang)}
        </Badge>
      )}
      {today && (
        <Badge size="sm" color="orange" variant="light" tt="none" fw={500}>
          {t('tasks.dueToday')}
        </Badge>
      )}
    </Group>
  );
}

export function TasksPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tasks = useQuery({ queryKey: keys.openTasks, queryFn: () => api.tasks.open.query({ limit: 500 }) });
  const refresh = (customerId: number) => {
    for (const key of [keys.openTasks, keys.overview, keys.customer(customerId), keys.timeline(customerId)]) void qc.invalidateQueries({ queryKey: key });
  };
  const setDone = useMutation({
    mutationFn: (v: { task: OpenTask; done: boolean }) => api.tasks.setDone.mutate({ id: v.task.id, done: v.done }),
    onSuccess: (_r, v) => {
      refresh(v.task.customerId);
      if (!v.done) return;
      notifyWithUndo({
        id: `task-done-${v.task.id}`,
        message: t('tasks.completed'),
        undoLabel: t('common.undo'),
        color: 'teal',
        autoClose: 6000,
        onUndo: () => setDone.mutate({ task: v.task, done: false }),
      });
    },
    onError: (err) => notifyError(err, t),
  });

  return (
    <Box maw={1100} mx="auto">
      <Stack gap="md">
        <div>
          <Group gap="md" align="baseline">
            <Title order={2}>{t('tasks.title')}</Title>
            {tasks.data && tasks.data.length > 0 && (
              <Text c="dimmed" fz="sm">
                {t('tasks.count', { count: tasks.data.length })}
              </Text>
            )}
          </Group>
          <Text c="dimmed" fz="sm" mt={4}>
            {t('tasks.subtitle')}
          </Text>
        </div>
        {tasks.error ? (
          <QueryError error={tasks.error} onRetry={() => tasks.refetch()} />
        ) : !tasks.data ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : tasks.data.length === 0 ? (
          <Paper p="xl" radius="md">
            <EmptyState icon={<IconChecks size={28} stroke={1.5} />} withIndicatorBackground title={t('tasks.emptyTitle')} description={t('tasks.emptyBody')} />
          </Paper>
        ) : (
          <Paper radius="md" style={{ overflow: 'hidden' }}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('tasks.title')}>
              <Table.Thead bg="var(--patron-surface)">
                <Table.Tr>
                  <Table.Th w={44} />
                  <Table.Th>{t('tasks.task')}</Table.Th>
                  <Table.Th>{t('tasks.customer')}</Table.Th>
                  <Table.Th>{t('tasks.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.data.map((task) => (
                  <Table.Tr key={task.id} data-testid="task-row" data-overdue={isOverdue(task.dueAt) || undefined}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('tasks.markDone', { title: task.title })}
                        checked={false}
                        onChange={() => setDone.mutate({ task, done: true })}
                        disabled={setDone.isPending && setDone.variables?.task.id === task.id}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{task.title}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} href={`/customers/${task.customerId}`} fz="sm">
                        <Private kind="name" value={task.customerName} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <DueCell task={task} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Box>
  );
}
