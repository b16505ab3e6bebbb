// One live view of the job system for the whole app: the recent jobs from the core, overlaid
// with the progress events of one subscription. What a job wrote is refetched through the change
// events (useLiveChanges), like any other write.
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import { isActiveStatus } from '../../../src-main/shared/job-kinds';
import type { JobEvent } from '../lib/api-types';
import { describeShape } from '../lib/errors';
import { keys } from '../lib/query-keys';
import { jobResultSummary, jobTitle } from '../lib/jobs';

/** A job as the UI shows it: `result` and `detail` typed by `kind` (narrow on job.kind). */
export type JobView = JobEvent;

interface JobsState {
  jobs: JobView[];
  active: JobView[];
  isLoading: boolean;
  /** Latest state of one job, or undefined until the core has reported it. */
  byId(id: number | null | undefined): JobView | undefined;
}

const JobsContext = createContext<JobsState | null>(null);
export const isActive = isActiveStatus;

/** Kinds whose own notification tells how they ended (lib/exporter.tsx). */
const SELF_ANNOUNCED = new Set(['export.list']);

function announce(e: JobEvent, t: TFunction) {
  if (SELF_ANNOUNCED.has(e.kind)) return;
  const name = jobTitle(e, t);
  if (e.status === 'done') {
    notifications.show({ color: 'teal', title: t('jobs.finished', { name }), message: jobResultSummary(e, t) || undefined });
  } else if (e.status === 'failed') {
    notifications.show({ color: 'red', title: t('jobs.failedNote', { name }), message: e.error ? describeShape(e.error, t).message : '', autoClose: false });
  } else if (e.status === 'cancelled') {
    notifications.show({ color: 'gray', title: t('jobs.cancelledNote', { name }), message: '' });
  }
}

export function JobsProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const tRef = useRef(t);
  tRef.current = t;
  const list = useQuery({ queryKey: keys.jobs, queryFn: () => api.jobs.list.query({ limit: 30 }) });
  const [live, setLive] = useState<Record<number, { event: JobEvent; seenAt: number }>>({});

  useEffect(() => {
    const sub = api.jobs.events.subscribe(undefined, {
      onData(e) {
        setLive((prev) => ({ ...prev, [e.id]: { event: e, seenAt: prev[e.id]?.seenAt ?? Date.now() } }));
        // What a job wrote arrives as change events (useLiveChanges); only the list of jobs is ours.
        if (!isActive(e.status)) {
          void qc.invalidateQueries({ queryKey: keys.jobs });
          announce(e, tRef.current);
        } else if (e.status === 'queued') {
          void qc.invalidateQueries({ queryKey: keys.jobs });
        }
      },
      onError(err) {
        console.error('Job events subscription failed', err);
      },
    });
    return () => sub.unsubscribe();
  }, [qc]);

  const value = useMemo<JobsState>(() => {
    const rows = new Map<number, JobView>();
    for (const r of list.data ?? []) rows.set(r.id, { ...r, ratePerSec: null, etaSec: null, detail: null });
    for (const { event, seenAt } of Object.values(live)) {
      const base = rows.get(event.id);
      // A row the list fetched after this event may be newer (finished): keep whichever is further along.
      if (base && !isActive(base.status) && isActive(event.status)) continue;
      rows.set(event.id, {
        ...event,
        createdAt: base?.createdAt ?? seenAt,
        startedAt: base?.startedAt ?? event.startedAt ?? (event.status === 'running' ? seenAt : null),
        finishedAt: base?.finishedAt ?? event.finishedAt ?? (isActive(event.status) ? null : Date.now()),
      });
    }
    const jobs = [...rows.values()].sort((a, b) => b.id - a.id);
    return {
      jobs,
      active: jobs.filter((j) => isActive(j.status)),
      isLoading: list.isLoading,
      byId: (id) => (id == null ? undefined : rows.get(id)),
    };
  }, [list.data, list.isLoading, live]);

  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export function useJobs(): JobsState {
  const ctx = useContext(JobsContext);
  if (!ctx) throw new Error('useJobs must be used inside JobsProvider');
  return ctx;
}
