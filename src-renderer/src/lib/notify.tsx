import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError } from './errors';

export function notifyError(err: unknown, t: TFunction, title?: string) {
  notifications.show({ color: 'red', title: title ?? t('common.couldNotSave'), message: describeError(err, t).message, autoClose: 8000 });
}

export function notifyDone(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

/** A notification with an Undo button: for actions done at once instead of behind a confirm. */
export function notifyWithUndo(opts: { id: string; message: string; undoLabel: string; color?: string; autoClose?: number; onUndo: () => void }) {
  notifications.show({
    id: opts.id,
    color: opts.color ?? 'gray',
    autoClose: opts.autoClose ?? 8000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text fz="sm">{opts.message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(opts.id);
            opts.onUndo();
          }}
        >
          {opts.undoLabel}
        </Button>
      </Group>
    ),
  });
}
