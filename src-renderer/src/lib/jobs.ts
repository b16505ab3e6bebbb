// How jobs are named and summed up for people. Every kind is named from JOB_KINDS: a kind added
// there without its words here is a type error.
import type { TFunction } from 'i18next';
import type { JobKindName } from '../../../src-main/shared/job-kinds';
import type { JobView } from '../hooks/useJobs';
import { formatDuration } from './format';

/** i18n keys may not contain dots. */
const KEY = {
  'sample.load': 'sample_load',
  'import.run': 'import_run',
  'export.list': 'export_list',
  'ai.classify': 'ai_classify',
  'sentiment.reanalyse': 'sentiment_reanalyse',
  'sentiment.model': 'sentiment_model',
  'segments.recompute': 'segments_recompute',
  'segments.name': 'segments_name',
  'dashboard.days': 'dashboard_days',
  'predictions.recompute': 'predictions_recompute',
  'campaigns.draft': 'campaigns_draft',
  'backup.run': 'backup_run',
} as const satisfies Record<JobKindName, string>;

export function jobName(kind: JobKindName, t: TFunction): string {
  return t(`jobs.kinds.${KEY[kind]}`);
}

/** "Import · orders.csv": the kind and what it is about. */
export function jobTitle(job: { kind: JobKindName; subject: string | null }, t: TFunction): string {
  const name = jobName(job.kind, t);
  return job.subject ? t('jobs.titleWithSubject', { name, subject: job.subject }) : name;
}

export function jobUnit(kind: JobKindName, t: TFunction): string {
  return t(`jobs.units.${KEY[kind]}`);
}

/** "2,000 customers · 9,512 orders · 4,130 messages": what a finished job did, by kind. */
export function jobResultSummary(job: JobView, t: TFunction): string {
  switch (job.kind) {
    case 'import.run': {
      const r = job.result;
      if (!r) return '';
      const parts = [t('jobs.result.rows', { count: r.rows }), t('jobs.result.rejected', { count: r.rejected })];
      if (r.dryRun) parts.push(t('jobs.result.checkOnly'));
      return parts.join(' · ');
    }
    case 'export.list':
      return job.result ? t('jobs.result.exported', { count: job.result.rows, file: job.result.fileName }) : '';
    case 'sample.load': {
      const r = job.result;
      if (!r) return '';
      return [
        t('jobs.result.customers', { count: r.customers }),
        t('jobs.result.orders', { count: r.orders }),
        t('jobs.result.interactions', { count: r.interactions }),
        t('jobs.result.feedback', { count: r.feedback }),
        t('jobs.result.tasks', { count: r.tasks }),
      ].join(' · ');
    }
    case 'ai.classify':
      return job.result ? t('jobs.result.labelled', { count: job.result.labelled, total: job.result.results.length }) : '';
    case 'sentiment.reanalyse':
      return job.result ? t('jobs.result.reanalysed', { count: job.result.messages + job.result.reviews }) : '';
    case 'sentiment.model': {
      const r = job.result;
      if (!r) return '';
      const parts = [t('jobs.result.scored', { count: r.scored })];
      if (r.failed) parts.push(t('jobs.result.notScored', { count: r.failed }));
      return parts.join(' · ');
    }
    case 'segments.name': {
      const r = job.result;
      if (!r) return '';
      const parts = [t('jobs.result.named', { count: r.named })];
      if (r.failed) parts.push(t('jobs.result.notNamed', { count: r.failed }));
      if (r.skipped) parts.push(t('jobs.result.keptNames', { count: r.skipped }));
      return parts.join(' · ');
    }
    case 'segments.recompute': {
      const r = job.result;
      if (!r) return '';
      const parts = [t('jobs.result.segmented', { count: r.customers })];
      if (r.k) parts.push(t('jobs.result.clusters', { count: r.k }));
      return parts.join(' · ');
    }
    case 'dashboard.days':
      return ''; // its name says what it did
    case 'predictions.recompute':
      return job.result ? t('jobs.result.predicted', { count: job.result.customers }) : '';
    case 'campaigns.draft':
      return job.result ? t('jobs.result.drafted', { count: job.result.drafted }) : '';
    case 'backup.run':
      return job.result ? t('jobs.result.backedUp', { count: job.result.customers, file: job.result.file.split(/[\\/]/).pop() }) : '';
  }
}

/** "1,200 / 2,000 customers · 350/s · 3 s left". */
export function progressLine(
  job: { kind: JobKindName; done: number; total: number; ratePerSec: number | null; etaSec: number | null },
  t: TFunction,
  fmt: (n: number) => string,
): string {
  if (job.total <= 0) return t('progress.starting');
  const parts = [t('progress.counts', { done: fmt(job.done), total: fmt(job.total), unit: jobUnit(job.kind, t) })];
  if (job.ratePerSec != null && job.ratePerSec > 0) parts.push(t('progress.rate', { rate: fmt(Math.round(job.ratePerSec)) }));
  if (job.etaSec != null && job.done < job.total) parts.push(t('progress.left', { time: formatDuration(job.etaSec, t) }));
  return parts.join(' · ');
}
