// Daily backups: at start and every hour the core looks at the schedule's folder; when its newest
// backup is older than a day it queues a `backup.run` job, which writes
// patron-YYYY-MM-DD-HHmm.sqlite and keeps the newest N such files. Only files named that way are
// ever removed: anything else the person keeps in the folder is theirs.
import type Database from 'better-sqlite3';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../app/service';
import type { JobRunner } from '../jobs/runner';

export const SCHEDULE_KEY = 'backup.schedule';
export const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export const backupScheduleInput = z.object({
  enabled: z.boolean(),
  folder: z.string().trim().min(1),
  keep: z.number().int().min(1).max(365),
});
export type BackupSchedule = z.infer<typeof backupScheduleInput>;

export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');

export function readSchedule(db: Db, dataDir: string): BackupSchedule {
  const stored = getSetting<Partial<BackupSchedule>>(db, SCHEDULE_KEY, {});
  return { enabled: stored.enabled ?? false, folder: stored.folder || defaultBackupFolder(dataDir), keep: stored.keep ?? 7 };
}

export function writeSchedule(db: Db, schedule: BackupSchedule): void {
  setSetting(db, SCHEDULE_KEY, schedule);
}

/** The scheduled backups' names: patron-YYYY-MM-DD-HHmm.sqlite, in local time. */
export const SCHEDULED_NAME = /^patron-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite$/;

export function scheduledName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `patron-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}.sqlite`;
}

export interface BackupFile {
  file: string;
  name: string;
  bytes: number;
  /** When it was written (its modification time), ms. */
  at: number;
  scheduled: boolean;
}

/** The backups in a folder (every .sqlite file), newest first; a missing folder has none. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    if (!name.endsWith('.sqlite')) continue;
    try {
      const st = statSync(join(folder, name));
      if (st.isFile()) files.push({ file: join(folder, name), name, bytes: st.size, at: st.mtimeMs, scheduled: SCHEDULED_NAME.test(name) });
    } catch {
      // Gone between the listing and the stat.
    }
  }
  return files.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

/** Removes the scheduled backups beyond the newest `keep`; returns the names removed. */
export function pruneBackups(folder: string, keep: number): string[] {
  const old = listBackups(folder)
    .filter((f) => f.scheduled)
    .slice(keep);
  for (const f of old) rmSync(f.file, { force: true });
  return old.map((f) => f.name);
}

/** Whether the schedule wants a backup now: on, and no scheduled backup in the last day. */
export function backupDue(schedule: BackupSchedule, now = Date.now()): boolean {
  if (!schedule.enabled) return false;
  const newest = listBackups(schedule.folder).find((f) => f.scheduled);
  return !newest || now - newest.at >= DAY_MS;
}

const backupActive = (sqlite: Database.Database): boolean =>
  sqlite.prepare(`SELECT 1 FROM jobs WHERE kind = 'backup.run' AND status IN ('queued', 'running') LIMIT 1`).get() !== undefined;

/** Queues the scheduled backup when it is due; returns its job id, or null. */
export function runScheduleOnce(jobs: JobRunner, db: Db, sqlite: Database.Database, dataDir: string, now = new Date()): number | null {
  const schedule = readSchedule(db, dataDir);
  if (!backupDue(schedule, now.getTime()) || backupActive(sqlite)) return null;
  return jobs.start('backup.run', { file: join(schedule.folder, scheduledName(now)), passphrase: 'same', keep: schedule.keep });
}

/** Checks at start and every hour; returns the function that stops it. */
export function startBackupSchedule(jobs: JobRunner, db: Db, sqlite: Database.Database, dataDir: string): () => void {
  const check = () => {
    try {
      runScheduleOnce(jobs, db, sqlite, dataDir);
    } catch {
      // A closed database or an unwritable folder: the next hour tries again; the job shows errors.
    }
  };
  const first = setTimeout(check, 0);
  const timer = setInterval(check, CHECK_EVERY_MS);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
