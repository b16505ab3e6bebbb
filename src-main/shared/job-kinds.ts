// The kinds of long work and the lane each runs in. Pure: the renderer names jobs from it.
//
// Lanes: work that holds one long write transaction (an import, the sample shop) runs one at a
// time in the `write` lane; model work, which spends minutes generating and writes its results in
// small transactions, runs in the `model` lane beside it, so neither holds the other up.
export const JOB_LANES = ['write', 'model'] as const;
export type JobLane = (typeof JOB_LANES)[number];

export const JOB_KINDS = {
  'sample.load': 'write',
  'import.run': 'write',
  'export.list': 'write',
  'ai.classify': 'model',
  'sentiment.reanalyse': 'write',
  'sentiment.model': 'model',
  'segments.recompute': 'write',
  'dashboard.days': 'write',
  'segments.name': 'model',
  'predictions.recompute': 'write',
  'campaigns.draft': 'model',
  'backup.run': 'write',
} as const satisfies Record<string, JobLane>;

export type JobKindName = keyof typeof JOB_KINDS;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const isJobKindName = (kind: string): kind is JobKindName => Object.hasOwn(JOB_KINDS, kind);
export const isActiveStatus = (s: JobStatus): boolean => s === 'queued' || s === 'running';
