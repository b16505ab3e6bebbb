import { Paper, Tabs } from '@mantine/core';
import { IconChecklist, IconMessagePlus, IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TimelineActions } from '../../hooks/useTimelineActions';
import type { Channel } from '../../lib/api-types';
import { MessageForm } from './MessageForm';
import { NoteForm } from './NoteForm';
import { TaskForm } from './TaskForm';

export function Composer({ actions, defaultChannel }: { actions: TimelineActions; defaultChannel: Channel }) {
  const { t } = useTranslation();
  const icon = { size: 16, stroke: 1.7 };
  return (
    <Paper radius="md" aria-label={t('composer.label')} component="section">
      <Tabs defaultValue="note">
        <Tabs.List px="sm">
          <Tabs.Tab value="note" leftSection={<IconNote {...icon} />}>
            {t('composer.note')}
          </Tabs.Tab>
          <Tabs.Tab value="task" leftSection={<IconChecklist {...icon} />}>
            {t('composer.task')}
          </Tabs.Tab>
          <Tabs.Tab value="message" leftSection={<IconMessagePlus {...icon} />}>
            {t('composer.message')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="note" p="md">
          <NoteForm actions={actions} />
        </Tabs.Panel>
        <Tabs.Panel value="task" p="md">
          <TaskForm actions={actions} />
        </Tabs.Panel>
        <Tabs.Panel value="message" p="md">
          <MessageForm actions={actions} defaultChannel={defaultChannel} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
