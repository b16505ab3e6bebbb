// The lock state as the renderer holds it, and locking now: shared by the gate, the Privacy page
// and the shortcut. After a lock every cached answer is dropped, so no customer data stays in the
// page's memory; only the lock state itself is kept (the gate is watching it).
import type { TFunction } from 'i18next';
import { problemText } from '../../../../src-main/shared/problems';
import { api, errorShape } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../lib/errors';
import { queryClient } from '../../lib/query-client';

export const lockStateKey = ['lock', 'state'] as const;

export const fetchLockState = () => api.lock.state.query();

/** Drops every cached answer but the lock state. */
export function forgetData(): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== lockStateKey[0] });
}

export async function lockNow(): Promise<void> {
  await api.lock.lock.mutate();
  forgetData();
  await queryClient.invalidateQueries({ queryKey: lockStateKey });
}

/**
 * A passphrase error in the person's words: the core's English sentence names the file's path,
 * which a lock screen has no reason to show, so these codes are always worded from the code.
 */
export function passphraseError(err: unknown, t: TFunction): string {
  const shape = errorShape(err);
  if (shape.code === 'wrong_passphrase' || shape.code === 'passphrase_required' || shape.code === 'locked') {
    return problemText(currentLanguage(), { code: shape.code, params: {} });
  }
  return describeError(err, t).message;
}
