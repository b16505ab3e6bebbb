// A backup as a job: progress in the jobs tray like any long work, and the scheduled daily backup
// is the same job with `keep` set. A backup's own passphrase never goes into the jobs table (its
// input is stored there): the caller holds it here in memory and the input names it by a random
// reference; after a restart the reference is gone and the job fails asking for it again.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { JobKindName } from '../../shared/job-kinds';
import { AppError } from '../errors';
import { defineJob } from '../jobs/job-kind';
import { backupTo, type BackupResult, type BackupSource } from './backup';
import { pruneBackups } from './backup-schedule';
import { recordAudit } from './audit-log';

export const BACKUP_JOB_KIND = 'backup.run' satisfies JobKindName;

const held = new Map<string, string>();

/** Keeps a backup passphrase in memory for one job; returns the reference its input carries. */
export function holdBackupPassphrase(passphrase: string): string {
  const ref = randomUUID();
  held.set(ref, passphrase);
  return ref;
}

export const backupJobInput = z.object({
  file: z.string().trim().min(1),
  /** same: the database's passphrase; own: the one held under `ref`; none: a plain backup. */
  passphrase: z.enum(['same', 'own', 'none']).default('same'),
  ref: z.string().optional(),
  /** Set by the schedule: keep only the newest `keep` scheduled backups in the file's folder. */
  keep: z.number().int().min(1).optional(),
});

export interface BackupJobResult extends BackupResult {
  /** Scheduled backups removed to keep the newest N. */
  pruned: string[];
}

export function backupJob(source: BackupSource) {
  return defineJob({
    kind: BACKUP_JOB_KIND,
    input: backupJobInput,
    // Nothing is committed: a resumed backup starts its file again.
    checkpoint: z.null(),
    subject: (input) => input.file.split(/[\\/]/).pop() ?? null,
    async run(ctx): Promise<BackupJobResult> {
      const { file, passphrase, ref, keep } = ctx.input;
      let chosen: string | 'same' | null = passphrase === 'none' ? null : 'same';
      if (passphrase === 'own') {
        const own = ref ? held.get(ref) : undefined;
        if (own === undefined) throw new AppError('passphrase_required', 'The backup’s own passphrase is no longer known (Patron was restarted): start the backup again.');
        chosen = own;
      }
      ctx.progress(0, 1);
      try {
        const result = await backupTo(source, file, { passphrase: chosen });
        const pruned = keep ? pruneBackups(dirname(result.file), keep) : [];
        // The log keeps that a backup was made, where to and of how much; never a passphrase.
        recordAudit(ctx.sqlite, {
          action: 'backup',
          recordType: 'database',
          detail: { file: result.file, customers: result.customers, encrypted: result.encrypted, scheduled: keep !== undefined, schemaVersion: result.schemaVersion },
        });
        ctx.progress(1, 1);
        return { ...result, pruned };
      } finally {
        if (ref) held.delete(ref);
      }
    },
  });
}
