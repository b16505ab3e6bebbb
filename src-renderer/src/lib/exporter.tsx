// Exporting a list: the core writes the file as a job (progress, cancel), then the page reads it
// and offers it as a download, and the core's copy is removed. Followed here rather than in a
// component, so leaving the page does not lose the download; one notification shows how it goes.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { api, errorShape } from '../api/client';
import type { ErrorShape } from '../../../src-main/shared/problems';
import { currentLanguage } from '../i18n';
import type { ExportInput, ExportResult, JobEvent, JobRow } from './api-types';
import { readExportFile, saveBlob } from './download';
import { describeShape } from './errors';
import { formatNumber } from './format';

export const EXPORT_KIND = 'export.list';

type Finished = { status: 'done'; result: ExportResult } | { status: 'failed'; error: ErrorShape } | { status: 'cancelled' };

/** Resolves when job `id` has ended, reporting its progress on the way. */
function followJob(id: number, onProgress: (done: number, total: number) => void): Promise<Finished> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (e: JobEvent | JobRow) => {
      if (settled) return;
      if (e.status === 'done' && e.kind === 'export.list' && e.result) resolve({ status: 'done', result: e.result });
      else if (e.status === 'failed') resolve({ status: 'failed', error: e.error ?? { code: 'internal', message: '' } });
      else if (e.status === 'cancelled') resolve({ status: 'cancelled' });
      else return;
      settled = true;
      sub.unsubscribe();
      clearInterval(poll);
    };
    const sub = api.jobs.events.subscribe(undefined, {
      onData(e) {
        if (e.id !== id) return;
        onProgress(e.done, e.total);
        finish(e);
      },
    });
    // The job may end before the subscription is in place (a small list): ask now and then.
    const check = () => void api.jobs.get.query({ id }).then(finish, () => {});
    const poll = setInterval(check, 1500);
    check();
  });
}

export interface ExportRequest {
  input: ExportInput;
  /** What is exported, for the notification: "Customers", "Rejected rows"... */
  label: string;
}

/** Starts an export and, when it is written, downloads it. Resolves with the saved file name, or null. */
export async function runExport({ input, label }: ExportRequest, t: TFunction): Promise<string | null> {
  let jobId: number;
  try {
    // Written in the UI's language: its headers, and a rejected row's problem.
    ({ jobId } = await api.export.start.mutate({ ...input, language: input.language ?? currentLanguage() }));
  } catch (err) {
    notifications.show({ color: 'red', title: t('export.failed', { name: label }), message: describeShape(errorShape(err), t).message, autoClose: 8000 });
    return null;
  }
  const id = `export-${jobId}`;
  const lang = currentLanguage();
  const running = (done: number, total: number, reading = false) => (
    <Stack gap={6}>
      <Progress value={total > 0 ? (done / total) * 100 : 100} striped={total <= 0} animated size="sm" aria-label={label} />
      <Group justify="space-between" wrap="nowrap">
        <Text fz="xs" c="dimmed" className="tabular">
          {reading ? t('export.reading') : total > 0 ? t('export.progress', { done: formatNumber(done, lang), total: formatNumber(total, lang) }) : t('progress.starting')}
        </Text>
        {!reading && (
          <Button size="compact-xs" variant="default" onClick={() => void api.jobs.cancel.mutate({ id: jobId }).catch(() => {})}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
  notifications.show({ id, loading: true, withCloseButton: false, autoClose: false, title: t('export.running', { name: label }), message: running(0, 0) });
  let last = 0;
  const outcome = await followJob(jobId, (done, total) => {
    if (Date.now() - last < 200) return;
    last = Date.now();
    notifications.update({ id, message: running(done, total) });
  });
  if (outcome.status === 'cancelled') {
    notifications.update({ id, loading: false, withCloseButton: true, autoClose: 4000, color: 'gray', title: t('export.cancelled', { name: label }), message: '' });
    return null;
  }
  if (outcome.status === 'failed') {
    notifications.update({ id, loading: false, withCloseButton: true, autoClose: false, color: 'red', title: t('export.failed', { name: label }), message: describeShape(outcome.error, t).message });
    return null;
  }
  const { fileName, rows } = outcome.result;
  try {
    notifications.update({ id, message: running(1, 1, true) });
    const blob = await readExportFile(fileName);
    saveBlob(fileName, blob);
    notifications.update({
      id,
      loading: false,
      withCloseButton: true,
      autoClose: 6000,
      color: 'teal',
      title: t('export.saved', { name: label }),
      message: t('export.savedBody', { count: rows, file: fileName }),
    });
    // The browser has its copy; the core's would only pile up in the data folder.
    void api.export.delete.mutate({ fileName }).catch(() => {});
    return fileName;
  } catch (err) {
    notifications.update({ id, loading: false, withCloseButton: true, autoClose: false, color: 'red', title: t('export.failed', { name: label }), message: describeShape(errorShape(err), t).message });
    return null;
  }
}

