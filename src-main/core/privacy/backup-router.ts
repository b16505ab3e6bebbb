// Backups and restore (backup.ts, backup-job.ts, backup-schedule.ts, restore.ts): owner-only. A
// backup runs as a job (progress in the jobs tray); a restore checks the file, then swaps the
// database through the host, which closes the core, replaces the file and reopens it. Without a
// host (in-process callers) the restore works on the core's own files and leaves that core closed:
// the caller opens a new one.
import { join } from 'node:path';
import { z } from 'zod';
import type { Core } from '../core';
import { router } from '../trpc';
import { holdBackupPassphrase } from './backup-job';
import { backupScheduleInput, listBackups, readSchedule, runScheduleOnce, scheduledName, writeSchedule } from './backup-schedule';
import { ownerProcedure } from './permissions';
import { beforeRestoreFile, checkBackup, restoreFrom, type RestoreTarget } from './restore';
import type { Context } from '../trpc';

const file = z.string().trim().min(1).max(4096);
const passphrase = z.string().min(1).max(1024);

const currentPassphrase = (ctx: Context): string | null => ctx.core.passphrase();

function restoreTarget(ctx: Context): RestoreTarget {
  if (ctx.host) return ctx.host;
  const core: Core = ctx.core;
  return {
    dbFile: core.paths.dbFile,
    async replace(work) {
      await core.close();
      return work(core.paths.dbFile);
    },
  };
}

export const backupRouter = router({
  /** The daily schedule, where a backup made now would go, and whether the database is encrypted. */
  settings: ownerProcedure('backup').query(({ ctx }) => {
    const schedule = readSchedule(ctx.core.db, ctx.core.paths.dataDir);
    return {
      schedule,
      suggestedFile: join(schedule.folder, scheduledName(new Date())),
      encrypted: currentPassphrase(ctx) !== null,
      dataDir: ctx.core.paths.dataDir,
      previous: beforeRestoreFile(ctx.core.paths.dbFile),
    };
  }),
  setSettings: ownerProcedure('backup')
    .input(backupScheduleInput)
    .mutation(({ ctx, input }) => {
      writeSchedule(ctx.core.db, input);
      // Turned on: the first backup is taken now when none in the folder is recent.
      const jobId = runScheduleOnce(ctx.core.jobs, ctx.core.db, ctx.core.sqlite, ctx.core.paths.dataDir);
      return { schedule: readSchedule(ctx.core.db, ctx.core.paths.dataDir), jobId };
    }),
  /** Starts a backup job; `own` takes `ownPassphrase` (kept in memory only, never in the jobs table). */
  run: ownerProcedure('backup')
    .input(
      z.object({
        file: file.optional(),
        passphrase: z.enum(['same', 'own', 'none']).default('same'),
        ownPassphrase: passphrase.optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const target = input.file ?? join(readSchedule(ctx.core.db, ctx.core.paths.dataDir).folder, scheduledName(new Date()));
      const ref = input.passphrase === 'own' && input.ownPassphrase ? holdBackupPassphrase(input.ownPassphrase) : undefined;
      return { jobId: ctx.core.jobs.start('backup.run', { file: target, passphrase: input.passphrase, ref }) };
    }),
  /** The backups in the schedule's folder, newest first. */
  list: ownerProcedure('backup').query(({ ctx }) => {
    const { folder } = readSchedule(ctx.core.db, ctx.core.paths.dataDir);
    return { folder, files: listBackups(folder) };
  }),
  /**
   * What a backup file holds, checked without changing anything. Without a passphrase, the
   * database's own is tried (a backup made with "the same passphrase" needs no retyping).
   */
  check: ownerProcedure('restore')
    .input(z.object({ file, passphrase: passphrase.optional() }))
    .mutation(({ ctx, input }) =>
      checkBackup(input.file, { passphrase: input.passphrase ?? currentPassphrase(ctx), resourcesDir: ctx.core.paths.resourcesDir, nativeBinding: ctx.core.nativeBinding }),
    ),
  /** Checks, then replaces the database with the backup; the previous one is kept at `previous`. */
  restore: ownerProcedure('restore')
    .input(z.object({ file, passphrase: passphrase.optional() }))
    .mutation(async ({ ctx, input }) => {
      const before = ctx.core;
      return restoreFrom(restoreTarget(ctx), input.file, {
        passphrase: input.passphrase ?? before.passphrase(),
        currentPassphrase: before.passphrase(),
        resourcesDir: before.paths.resourcesDir,
        nativeBinding: before.nativeBinding,
      });
    }),
});
