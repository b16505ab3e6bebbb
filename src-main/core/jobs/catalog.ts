// The job kinds the app runs, by name, as types: what `jobs.start` accepts for each and what the
// UI receives back. The kinds themselves are registered in core.ts; their names and lanes are in
// the pure src-main/shared/job-kinds.ts, which this must match (checked below).
import type { JobKindName } from '../../shared/job-kinds';
import type { classifyJob } from '../ai/classify-job';
import type { createExportJob } from '../export/export-job';
import type { createImportJob } from '../import/import-job';
import type { sampleShopJob } from '../sample/sample-job';
import type { sentimentModelJob } from '../sentiment/model-job';
import type { reanalyseJob } from '../sentiment/reanalyse-job';
import type { segmentsNameJob } from '../segments/name-job';
import type { recomputeJob } from '../segments/recompute-job';
import type { salesDaysJob } from '../dashboard/days-job';
import type { predictJob } from '../predict/recompute-job';
import type { campaignJob } from '../campaigns/campaign-job';
import type { backupJob } from '../privacy/backup-job';
import type { DetailOf, RawInputOf, ResultOf } from './job-kind';
import type { JobStatus } from '../../shared/job-kinds';
import type { ErrorShape } from '../errors';

export interface JobCatalog {
  'sample.load': typeof sampleShopJob;
  'import.run': ReturnType<typeof createImportJob>;
  'export.list': ReturnType<typeof createExportJob>;
  'ai.classify': ReturnType<typeof classifyJob>;
  'sentiment.reanalyse': typeof reanalyseJob;
  'sentiment.model': ReturnType<typeof sentimentModelJob>;
  'segments.name': ReturnType<typeof segmentsNameJob>;
  'segments.recompute': typeof recomputeJob;
  'dashboard.days': typeof salesDaysJob;
  'predictions.recompute': typeof predictJob;
  'campaigns.draft': ReturnType<typeof campaignJob>;
  'backup.run': ReturnType<typeof backupJob>;
}

// A kind added to one list and not the other is a type error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogMatchesShared: Same<keyof JobCatalog, JobKindName> = true;
void catalogMatchesShared;

export type JobInput<K extends JobKindName> = RawInputOf<JobCatalog[K]>;
export type JobResult<K extends JobKindName> = ResultOf<JobCatalog[K]>;
export type JobDetail<K extends JobKindName> = DetailOf<JobCatalog[K]>;

interface JobFields {
  id: number;
  status: JobStatus;
  done: number;
  total: number;
  /** What the job is about ("orders.csv"), from its kind's `subject`; null when the kind says it all. */
  subject: string | null;
  error: ErrorShape | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** A job as listed: `result` typed by `kind`, so `job.kind === 'import.run'` narrows it. */
export type JobRow = { [K in JobKindName]: JobFields & { kind: K; result: JobResult<K> | null } }[JobKindName];

/** A job's progress or status change, as it happens. */
export type JobEvent = {
  [K in JobKindName]: JobFields & { kind: K; result: JobResult<K> | null; detail: JobDetail<K> | null; ratePerSec: number | null; etaSec: number | null };
}[JobKindName];
