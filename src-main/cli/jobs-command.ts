// `jobs [--limit N]`: the recent jobs (imports, exports, the sample shop, AI work), newest first,
// as the Jobs page lists them.
import type { ErrorShape } from '../core/errors';
import { intOption, parse, UsageError } from './args';
import { dataDirOf, withCore } from './open-core';
import { say } from './output';

export const JOBS_USAGE = `npm run cli -- jobs [--limit 20] [--data-dir DIR]

Lists the recent jobs, newest first: what each was (and on which file), how it ended, how long it
took. Ends with one JSON line: {"jobs": [{id, kind, subject, status, done, total, error, createdAt,
startedAt, finishedAt}]} (times in ISO 8601).`;

export interface JobJson {
  id: number;
  kind: string;
  subject: string | null;
  status: string;
  done: number;
  total: number;
  error: ErrorShape | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function took(j: JobJson): string {
  if (!j.startedAt || !j.finishedAt) return '';
  const s = (Date.parse(j.finishedAt) - Date.parse(j.startedAt)) / 1000;
  return s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(1)} s`;
}

export async function jobsCommand(argv: string[]): Promise<{ jobs: JobJson[] }> {
  const { values, positionals } = parse(argv, { limit: { type: 'string' } });
  if (positionals.length) throw new UsageError(`jobs takes no file or list (got "${positionals[0]}").`);
  const limit = intOption(values.limit, 'limit', 1, 1000) ?? 20;
  return withCore(dataDirOf(values['data-dir']), async (core) => {
    const jobs: JobJson[] = core.jobs.list(limit).map((j) => ({
      id: j.id,
      kind: j.kind,
      subject: j.subject,
      status: j.status,
      done: j.done,
      total: j.total,
      error: j.error,
      createdAt: new Date(j.createdAt).toISOString(),
      startedAt: iso(j.startedAt),
      finishedAt: iso(j.finishedAt),
    }));
    if (!jobs.length) say('No jobs yet.');
    for (const j of jobs) {
      const what = j.subject ? `${j.kind} ${j.subject}` : j.kind;
      const ended = j.error ? `${j.status} (${j.error.code}: ${j.error.message})` : j.status;
      // Local time for the person ("sv" writes it as 2024-03-01 14:30:00); ISO in the JSON.
      say(`#${j.id}  ${new Date(j.createdAt).toLocaleString('sv')}  ${what}  ${ended}  ${[j.total ? `${j.done}/${j.total}` : '', took(j)].filter(Boolean).join(', ')}`);
    }
    return { jobs };
  });
}
