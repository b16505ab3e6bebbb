// Writes that change one customer's timeline. Each new item is put on the timeline at once
// (from what the core returned) and then everything it affects is refetched.
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Channel, Direction, Outputs, TimelineItem } from '../lib/api-types';
import { notifyError, notifyWithUndo } from '../lib/notify';
import { keys } from '../lib/query-keys';

type TimelinePage = Outputs['timeline']['forCustomer'];

export function useTimelineActions(customerId: number) {
  const { t } = useTranslation();
  const qc = useQueryClient();

  const prepend = (item: TimelineItem) =>
    qc.setQueryData<InfiniteData<TimelinePage>>(keys.timeline(customerId), (data) =>
      data ? { ...data, pages: data.pages.map((p, i) => (i === 0 ? { ...p, items: [item, ...p.items] } : p)) } : data,
    );
  const patch = (match: (i: TimelineItem) => boolean, change: (i: TimelineItem) => TimelineItem | null) =>
    qc.setQueryData<InfiniteData<TimelinePage>>(keys.timeline(customerId), (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({ ...p, items: p.items.flatMap((i) => (match(i) ? [change(i)].filter((x): x is TimelineItem => x !== null) : [i])) })),
          }
        : data,
    );
  const refresh = () => {
    for (const key of [keys.timeline(customerId), keys.customer(customerId), keys.overview, keys.openTasks]) void qc.invalidateQueries({ queryKey: key });
  };

  const addNote = useMutation({
    mutationFn: (body: string) => api.notes.add.mutate({ customerId, body }),
    onSuccess: (res, body) => {
      prepend({ type: 'note', id: res.id, at: res.createdAt, body: body.trim() });
      refresh();
    },
  });

  // Undo puts the same note back (its id and times) through the write path, so it returns to
  // its place on the timeline.
  const restoreNote = useMutation({
    mutationFn: (note: Outputs['notes']['delete']) => api.notes.restore.mutate(note),
    onSuccess: refresh,
  });

  const deleteNote = useMutation({
    mutationFn: (id: number) => api.notes.delete.mutate({ id }),
    onSuccess: (note) => {
      patch((i) => i.type === 'note' && i.id === note.id, () => null);
      refresh();
      notifyWithUndo({
        id: `note-deleted-${note.id}`,
        message: t('timeline.noteDeleted'),
        undoLabel: t('common.undo'),
        onUndo: () => restoreNote.mutate(note, { onError: (err) => notifyError(err, t) }),
      });
    },
    onError: (err) => notifyError(err, t),
  });

  const addTask = useMutation({
    mutationFn: (input: { title: string; dueAt: number | null }) => api.tasks.add.mutate({ customerId, ...input }),
    onSuccess: (res, input) => {
      prepend({ type: 'task', id: res.id, at: Date.now(), title: input.title.trim(), dueAt: input.dueAt, doneAt: null });
      refresh();
    },
  });

  const setTaskDone = useMutation({
    mutationFn: (v: { id: number; done: boolean }) => api.tasks.setDone.mutate(v),
    onMutate: (v) => patch((i) => i.type === 'task' && i.id === v.id, (i) => ({ ...(i as Extract<TimelineItem, { type: 'task' }>), doneAt: v.done ? Date.now() : null })),
    onSettled: refresh,
    onError: (err) => notifyError(err, t),
  });

  const restoreTask = useMutation({
    mutationFn: (task: Outputs['tasks']['delete']) => api.tasks.restore.mutate(task),
    onSuccess: refresh,
  });

  const deleteTask = useMutation({
    mutationFn: (id: number) => api.tasks.delete.mutate({ id }),
    onSuccess: (task) => {
      patch((i) => i.type === 'task' && i.id === task.id, () => null);
      refresh();
      notifyWithUndo({
        id: `task-deleted-${task.id}`,
        message: t('timeline.taskDeleted'),
        undoLabel: t('common.undo'),
        onUndo: () => restoreTask.mutate(task, { onError: (err) => notifyError(err, t) }),
      });
    },
    onError: (err) => notifyError(err, t),
  });

  const logMessage = useMutation({
    mutationFn: (input: { channel: Channel; direction: Direction; subject: string; body: string }) =>
      api.interactions.log.mutate({ customerId, ...input, subject: input.subject.trim() || null }),
    onSuccess: (res, input) => {
      prepend({
        type: 'interaction',
        id: res.id,
        at: Date.now(),
        channel: input.channel,
        direction: input.direction,
        subject: input.subject.trim() || null,
        body: input.body.trim(),
        handled: input.direction === 'outbound',
        handledAt: null,
        // The analyzer's result arrives with the refresh.
        sentiment: null,
      });
      refresh();
    },
  });

  const setHandled = useMutation({
    mutationFn: (v: { id: number; handled: boolean }) => api.interactions.setHandled.mutate(v),
    onMutate: (v) => patch((i) => i.type === 'interaction' && i.id === v.id, (i) => ({ ...(i as Extract<TimelineItem, { type: 'interaction' }>), handled: v.handled, handledAt: v.handled ? ((i as Extract<TimelineItem, { type: 'interaction' }>).handledAt ?? Date.now()) : null })),
    onSettled: refresh,
    onError: (err) => notifyError(err, t),
  });

  return { addNote, deleteNote, addTask, setTaskDone, deleteTask, logMessage, setHandled };
}

export type TimelineActions = ReturnType<typeof useTimelineActions>;
