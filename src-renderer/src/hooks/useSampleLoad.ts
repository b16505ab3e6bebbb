// Loading the sample shop, wherever it is offered (the start screen, the empty dashboard): the
// job is started here, and its progress is whichever load is running, or the one started here.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { notifyError } from '../lib/notify';
import { useJobs } from './useJobs';

export const SAMPLE_KIND = 'sample.load';
export const SAMPLE_CUSTOMERS = 2000;

export function useSampleLoad() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const [jobId, setJobId] = useState<number | null>(null);
  const load = useMutation({
    mutationFn: () => api.sample.load.mutate({ customers: SAMPLE_CUSTOMERS }),
    onSuccess: ({ jobId: id }) => setJobId(id),
    onError: (err) => notifyError(err, t),
  });
  return { load, jobId, mine: jobs.byId(jobId), running: jobs.active.find((j) => j.kind === SAMPLE_KIND) };
}
