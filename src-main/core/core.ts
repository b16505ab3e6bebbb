// The core: database, job system and domain services, started with injected paths. It does not
// know whether it sits behind Electron's MessagePort or the browser-mode server.
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { createExportJob } from './export/export-job';
import { createImportJob } from './import/import-job';
import { JobRunner } from './jobs/runner';
import { classifyJob } from './ai/classify-job';
import { ModelServices, type ModelOptions } from './models/service';
import { sampleShopJob } from './sample/sample-job';
import { sentimentModelJob } from './sentiment/model-job';
import { segmentsNameJob } from './segments/name-job';
import { followData, recomputeJob } from './segments/recompute-job';
import { followSalesDays, salesDaysJob } from './dashboard/days-job';
import { followSegments, predictJob } from './predict/recompute-job';
import { campaignJob } from './campaigns/campaign-job';
import { reanalyseJob, startReanalysisIfStale } from './sentiment/reanalyse-job';
import { setSentimentResources } from './sentiment/lexicons';
import { takeDeferred } from './sentiment/derive-hook';
import { WriteGate } from './db/write-gate';
import { ensureSalesDays, installOrderGoneTrigger } from './dashboard/sales-days';
import { changeBus, type ChangeBus } from './changes/bus';
import { backupJob } from './privacy/backup-job';
import { startBackupSchedule } from './privacy/backup-schedule';

export interface CoreOptions {
  /** Folder holding patron.sqlite (and later models, backups). */
  dataDir: string;
  /** resources/ of the app: migrations, lexicons, sample data. */
  resourcesDir: string;
  /** better_sqlite3.node built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** Do not resume interrupted jobs at start (tests that drive resume themselves). */
  noResume?: boolean;
  /** The local model: models folder, GPU/threads, model host script, download hosts. */
  models?: ModelOptions;
  /** The passphrase of an encrypted database (db/cipher.ts); ignored for a plain one. */
  passphrase?: string;
}

export interface Core {
  db: Db;
  sqlite: Database.Database;
  jobs: JobRunner;
  /** Held by work that keeps a transaction open across awaits; mutations wait for it. */
  writes: WriteGate;
  /** Model manager and the shared model runtime (models/service.ts). */
  models: ModelServices;
  /** One event per commit naming what changed: the UI and derived-data work subscribe to it. */
  changes: ChangeBus;
  paths: { dataDir: string; dbFile: string; resourcesDir: string };
  /** The open database's passphrase (backups, rekeying), or null for a plain one; zeroed on close. */
  passphrase(): string | null;
  /** The native binding the database was opened with (a backup's worker opens its own connection). */
  nativeBinding?: string;
  close(): Promise<void>;
}

export function startCore(opts: CoreOptions): Core {
  const dbFile = join(opts.dataDir, 'patron.sqlite');
  // The write path analyses every inbound message: its lexicons are in this resources folder.
  setSentimentResources(opts.resourcesDir);
  const { db, sqlite, close } = openDatabase({
    file: dbFile,
    migrationsFolder: join(opts.resourcesDir, 'migrations'),
    nativeBinding: opts.nativeBinding,
    passphrase: opts.passphrase,
  });
  // The dashboard's sales per day: built once for orders written before the table existed.
  ensureSalesDays(sqlite);
  installOrderGoneTrigger(sqlite);
  // Kept as bytes so close() can zero them (a string cannot be wiped).
  let secret = opts.passphrase ? Buffer.from(opts.passphrase, 'utf8') : null;
  const passphrase = () => (secret ? secret.toString('utf8') : null);
  const paths = { dataDir: opts.dataDir, dbFile, resourcesDir: opts.resourcesDir };
  const writes = new WriteGate();
  const jobs = new JobRunner(db, sqlite, writes);
  jobs.register(sampleShopJob);
  const models = new ModelServices(db, opts.dataDir, opts.models);
  jobs.register(classifyJob(models));
  jobs.register(createImportJob(opts.dataDir));
  jobs.register(createExportJob(opts.dataDir));
  jobs.register(reanalyseJob);
  jobs.register(sentimentModelJob(models));
  jobs.register(segmentsNameJob(models));
  jobs.register(recomputeJob);
  jobs.register(salesDaysJob);
  jobs.register(predictJob);
  jobs.register(campaignJob(models));
  jobs.register(backupJob({ paths, passphrase, nativeBinding: opts.nativeBinding }));
  if (!opts.noResume) {
    jobs.resumeInterrupted();
    // After an update of the sentiment analyzer, every message and review is re-analysed by itself.
    startReanalysisIfStale(jobs, db, sqlite);
  }
  // A big import leaves its messages' sentiment to the re-analysis job (sentiment/derive-hook.ts):
  // it starts as soon as the import commits.
  changeBus(sqlite).on(() => {
    if (takeDeferred(sqlite)) startReanalysisIfStale(jobs, db, sqlite, true);
  });
  // A big bulk write of orders leaves the dashboard's days stale: rebuilt first, before what follows.
  followSalesDays(jobs, sqlite);
  // Segments follow the data: a bulk write (or a first order with no analysis yet) starts a recompute.
  followData(jobs, sqlite, { atStart: !opts.noResume });
  // Predictions follow the segments: each stored segments run queues a predictions run behind it.
  followSegments(jobs, sqlite, { atStart: !opts.noResume });
  // Daily backups when the owner turned them on (privacy/backup-schedule.ts); not for the command line and tests.
  const stopSchedule = opts.noResume ? () => {} : startBackupSchedule(jobs, db, sqlite, opts.dataDir);
  return {
    db,
    sqlite,
    jobs,
    writes,
    models,
    changes: changeBus(sqlite),
    paths,
    passphrase,
    nativeBinding: opts.nativeBinding,
    async close() {
      stopSchedule();
      await jobs.close();
      await models.close();
      close();
      secret?.fill(0);
      secret = null;
    },
  };
}
