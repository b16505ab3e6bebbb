import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError } from './errors';

export function notifyError(err: unknown, t: TFunction, title?: string) {
  notifications.show({ color: 'red', title: title ?? t('common.couldNotSave'), message: describeError(err, t).message, autoClose: 8000 });
}

export function notifyDone(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}
