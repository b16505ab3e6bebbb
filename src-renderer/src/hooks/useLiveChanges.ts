// Keeps what is on screen true: every commit in the core (this window's, another window's, an
// import's, a job's) arrives as a change event naming what changed, and the queries showing it
// are refetched. Events are gathered for a moment so a job committing many steps a second
// refreshes the screen a few times a second, not once per step.
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RecordType } from '../../../src-main/shared/change-kinds';
import type { ChangeEvent } from '../lib/api-types';
import { api } from '../api/client';
import { keys } from '../lib/query-keys';

const GATHER_MS = 250;

/** What each record type is shown in. */
const SHOWN_IN: Record<RecordType, readonly QueryKey[]> = {
  customer: [keys.customersAll, keys.customerAll, keys.overview, keys.timelineAll, keys.openTasks, keys.sentimentAll, keys.listsAll, keys.dashboardAll],
  company: [keys.customersAll, keys.customerAll],
  tag: [keys.tags, keys.customersAll, keys.customerAll, keys.listsAll],
  order: [keys.customersAll, keys.customerAll, keys.timelineAll, keys.overview, keys.money, keys.dashboardAll, keys.listsAll],
  interaction: [keys.timelineAll, keys.overview, keys.customerAll, keys.sentimentAll, keys.listsAll, keys.inboxAll],
  feedback: [keys.timelineAll, keys.overview, keys.customerAll, keys.sentimentAll, keys.dashboardAll, keys.listsAll, keys.inboxAll],
  note: [keys.timelineAll],
  task: [keys.openTasks, keys.timelineAll, keys.customerAll, keys.overview],
  settings: [keys.profilesAll, keys.draftingAll, keys.preferences, keys.customersAll, keys.customerAll, keys.overview, keys.money, keys.segmentsAll, keys.dashboardAll, keys.listsAll, keys.predictionsAll],
  // A recompute (or one customer's update) moves people between segments: lists and counts follow.
  segments: [keys.segmentsAll, keys.listsAll, keys.customersAll, keys.customerAll, keys.dashboardAll, keys.inboxAll],
  list: [keys.listsAll],
  // A predictions run: churn risk, CLV, forecasts and suggestions everywhere they show, and lists filtering on them.
  predictions: [keys.predictionsAll, keys.listsAll, keys.customersAll, keys.dashboardAll, keys.segmentsAll, keys.inboxAll],
  campaign: [keys.campaignsAll, keys.timelineAll],
};

export function refreshFor(qc: QueryClient, types: Iterable<RecordType>): void {
  const seen = new Set<string>();
  for (const type of types) {
    for (const key of SHOWN_IN[type]) {
      const id = JSON.stringify(key);
      if (seen.has(id)) continue;
      seen.add(id);
      void qc.invalidateQueries({ queryKey: key });
    }
  }
}

export function useLiveChanges(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const pending = new Set<RecordType>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      refreshFor(qc, pending);
      pending.clear();
    };
    const sub = api.changes.events.subscribe(undefined, {
      onData(event: ChangeEvent) {
        for (const c of event.changes) pending.add(c.type);
        timer ??= setTimeout(flush, GATHER_MS);
      },
      onError(err) {
        console.error('Change events subscription failed', err);
      },
    });
    return () => {
      sub.unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [qc]);
}
