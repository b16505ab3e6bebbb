// How jobs are named and summed up for people.
import type { TFunction } from 'i18next';
import { formatDuration } from './format';

const kindKey = (kind: string) => kind.replace(/\./g, '_');

export function jobName(kind: string, t: TFunction): string {
  return t(`jobs.kinds.${kindKey(kind)}` as never, { defaultValue: kind }) as string;
}

export function jobUnit(kind: string, t: TFunction): string {
  return t(`jobs.units.${kindKey(kind)}` as never, { defaultValue: t('jobs.units.default') }) as string;
}

const RESULT_KEYS = ['customers', 'orders', 'products', 'interactions', 'feedback', 'notes', 'tasks'] as const;

/** "2,000 customers · 9,512 orders · 4,130 messages" from whatever counts a job returned. */
export function jobResultSummary(result: unknown, t: TFunction): string {
  if (!result || typeof result !== 'object') return '';
  const r = result as Record<string, unknown>;
  // An import: rows read and rejected; an export: rows written.
  if (typeof r.rowsPerSecond === 'number' && typeof r.rejected === 'number') {
    const parts = [t('jobs.result.rows', { count: r.rows as number }), t('jobs.result.rejected', { count: r.rejected })];
    if (r.dryRun) parts.push(t('jobs.result.checkOnly'));
    return parts.join(' · ');
  }
  if (typeof r.fileName === 'string' && typeof r.rows === 'number') return t('jobs.result.exported', { count: r.rows, file: r.fileName });
  return RESULT_KEYS.filter((k) => typeof r[k] === 'number')
    .map((k) => t(`jobs.result.${k}`, { count: r[k] as number }))
    .join(' · ');
}

/** "1,200 / 2,000 customers · 350/s · 3 s left". */
export function progressLine(
  job: { kind: string; done: number; total: number; ratePerSec: number | null; etaSec: number | null },
  t: TFunction,
  fmt: (n: number) => string,
): string {
  if (job.total <= 0) return t('progress.starting');
  const parts = [t('progress.counts', { done: fmt(job.done), total: fmt(job.total), unit: jobUnit(job.kind, t) })];
  if (job.ratePerSec != null && job.ratePerSec > 0) parts.push(t('progress.rate', { rate: fmt(Math.round(job.ratePerSec)) }));
  if (job.etaSec != null && job.done < job.total) parts.push(t('progress.left', { time: formatDuration(job.etaSec, t) }));
  return parts.join(' · ');
}
