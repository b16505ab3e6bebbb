// One live view of the job system for the whole app: the recent jobs from the core, overlaid
// with the progress events of one subscription. When a job ends, what it changed is refetched.
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import type { JobEvent, JobStatus } from '../lib/api-types';
import { describeShape } from '../lib/errors';
import { keys } from '../lib/query-keys';
import { jobName, jobResultSummary } from '../lib/jobs';

export interface JobView {
  id: number;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  ratePerSec: number | null;
  etaSec: number | null;
  error: { code: string; message: string } | null;
  result: unknown;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

interface JobsState {
  jobs: JobView[];
  active: JobView[];
  isLoading: boolean;
  /** Latest state of one job, or undefined until the core has reported it. */
  byId(id: number | null | undefined): JobView | undefined;
}

const JobsContext = createContext<JobsState | null>(null);
export const isActive = (s: JobStatus) => s === 'queued' || s === 'running';

/** While a job that adds customers runs, the list refreshes this often so it visibly fills. */
const LIVE_REFRESH_MS = 1500;

function invalidateAfterJob(qc: QueryClient) {
  for (const key of [keys.overview, keys.customersAll, keys.customerAll, keys.timelineAll, keys.tags, keys.openTasks, keys.jobs]) {
    void qc.invalidateQueries({ queryKey: key });
  }
}

/** Kinds whose own notification tells how they ended (lib/exporter.tsx). */
const SELF_ANNOUNCED = new Set(['export.list']);

function announce(e: JobEvent, t: TFunction) {
  if (SELF_ANNOUNCED.has(e.kind)) return;
  const name = jobName(e.kind, t);
  if (e.status === 'done') {
    notifications.show({ color: 'teal', title: t('jobs.finished', { name }), message: jobResultSummary(e.result, t) || undefined });
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
  const [live, setLive] = useState<Record<number, JobEvent & { seenAt: number }>>({});

  useEffect(() => {
    let lastRefresh = 0;
    const sub = api.jobs.events.subscribe(undefined, {
      onData(e) {
        setLive((prev) => ({ ...prev, [e.id]: { ...e, seenAt: prev[e.id]?.seenAt ?? Date.now() } }));
        if (!isActive(e.status)) {
          invalidateAfterJob(qc);
          announce(e, tRef.current);
        } else if (e.status === 'queued') {
          void qc.invalidateQueries({ queryKey: keys.jobs });
        } else if (Date.now() - lastRefresh > LIVE_REFRESH_MS) {
          lastRefresh = Date.now();
          void qc.invalidateQueries({ queryKey: keys.overview });
          void qc.invalidateQueries({ queryKey: keys.customersAll });
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
    for (const r of list.data ?? []) {
      rows.set(r.id, { ...r, result: r.result ?? null, ratePerSec: null, etaSec: null, error: r.error as JobView["error"] });
    }
    for (const e of Object.values(live)) {
      const base = rows.get(e.id);
      // A row the list fetched after this event may be newer (finished): keep whichever is further along.
      if (base && !isActive(base.status) && isActive(e.status)) continue;
      rows.set(e.id, {
        createdAt: base?.createdAt ?? e.seenAt,
        startedAt: base?.startedAt ?? (e.status === 'running' ? e.seenAt : null),
        finishedAt: base?.finishedAt ?? (isActive(e.status) ? null : Date.now()),
        id: e.id,
        kind: e.kind,
        status: e.status,
        done: e.done,
        total: e.total,
        ratePerSec: e.ratePerSec,
        etaSec: e.etaSec,
        error: e.error,
        result: e.result,
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
