// Backups and restore (issue 15, item 6 and 10): a backup holds no readable customer data when the
// database is encrypted, opens only with its own passphrase, restores the data as it was, and a
// damaged or newer-schema backup is refused with the current data intact. The schedule keeps the
// newest N, and the app keeps writing while a backup is taken.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { createCustomer, updateCustomer } from '../../src-main/core/customers/write';
import { applyKey, isEncryptedFile } from '../../src-main/core/db/cipher';
import { CoreHost } from '../../src-main/core/host';
import { logInteraction } from '../../src-main/core/interactions/service';
import { backupTo } from '../../src-main/core/privacy/backup';
import { listBackups, runScheduleOnce, scheduledName, writeSchedule } from '../../src-main/core/privacy/backup-schedule';
import { beforeRestoreFile, checkBackup, restoreFrom } from '../../src-main/core/privacy/restore';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { resourcesDir, tempDir } from './temp-core';

const PASS = 'correct horse battery staple';
const SECRET = {
  name: 'Zebulon Quartermaine',
  email: 'zebulon.quartermaine@example.test',
  phone: '+44 7700 900123',
  message: 'The walnut armchair arrived with a deep scratch on the left arm',
};

const hosts: CoreHost[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A host (as the app has) on a new data folder, open with `passphrase` (encrypted) or plain. */
function started(passphrase?: string): { host: CoreHost; dir: string; core: () => Core } {
  const dir = tempDir('patron-backup-');
  dirs.push(dir);
  const host = new CoreHost({ dataDir: dir, resourcesDir, noResume: true });
  hosts.push(host);
  if (passphrase) host.unlock(passphrase);
  else host.start();
  return { host, dir, core: () => host.requireCore() };
}

function addSecretCustomer(core: Core): number {
  const { id } = createCustomer(core.sqlite, { name: SECRET.name, email: SECRET.email, phone: SECRET.phone });
  logInteraction(core.sqlite, { customerId: id, channel: 'email', direction: 'inbound', body: SECRET.message });
  return id;
}

const customerCount = (core: Core) => (core.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
const names = (core: Core) => (core.sqlite.prepare('SELECT name FROM customers ORDER BY id').pluck().all() as string[]).join('|');

function containsAny(file: string): string[] {
  const bytes = readFileSync(file);
  return Object.values(SECRET).filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}

async function codeOf(work: () => unknown): Promise<string | undefined> {
  try {
    await work();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

const opts = (passphrase?: string) => ({ passphrase, resourcesDir });

describe('backup', () => {
  it('of an encrypted database holds no customer name, email, phone or message in its bytes', async () => {
    const { core, dir } = started(PASS);
    addSecretCustomer(core());
    const file = join(dir, 'backups', 'b.sqlite');
    const r = await backupTo(core(), file);
    expect(r).toMatchObject({ file, customers: 1, encrypted: true });
    expect(r.schemaVersion).toMatch(/^\d{4}_/);
    expect(r.bytes).toBe(statSync(file).size);
    expect(isEncryptedFile(file)).toBe(true);
    expect(containsAny(file)).toEqual([]);
    // One file: no -wal, -journal or leftover partial beside it.
    expect(['-wal', '-shm', '-journal', '.partial'].filter((s) => existsSync(file + s))).toEqual([]);
    expect(checkBackup(file, opts(PASS))).toMatchObject({ customers: 1, encrypted: true, schemaVersion: r.schemaVersion, needsMigration: false });
    expect(await codeOf(() => checkBackup(file, opts()))).toBe('passphrase_required');
    expect(await codeOf(() => checkBackup(file, opts('not it')))).toBe('wrong_passphrase');

    // The same grep finds the data in a plain backup of a plain database: the check above means something.
    const plain = started();
    addSecretCustomer(plain.core());
    const plainFile = join(plain.dir, 'plain.sqlite');
    expect(await backupTo(plain.core(), plainFile, { passphrase: null })).toMatchObject({ encrypted: false });
    expect(containsAny(plainFile).length).toBe(4);
  });

  it('with its own passphrase opens only with that passphrase, from an encrypted or a plain database', async () => {
    const { core, dir } = started(PASS);
    addSecretCustomer(core());
    const file = join(dir, 'own.sqlite');
    await backupTo(core(), file, { passphrase: 'the backup’s own' });
    expect(await codeOf(() => checkBackup(file, opts(PASS)))).toBe('wrong_passphrase');
    expect(checkBackup(file, opts('the backup’s own')).customers).toBe(1);
    expect(containsAny(file)).toEqual([]);
    // An encrypted database is never backed up in the clear.
    expect(await codeOf(() => backupTo(core(), join(dir, 'clear.sqlite'), { passphrase: null }))).toBe('invalid_input');

    const plain = started();
    addSecretCustomer(plain.core());
    const locked = join(plain.dir, 'locked.sqlite');
    expect(await backupTo(plain.core(), locked, { passphrase: 'for the backup' })).toMatchObject({ encrypted: true });
    expect(containsAny(locked)).toEqual([]);
    expect(await codeOf(() => checkBackup(locked, opts()))).toBe('passphrase_required');
    expect(checkBackup(locked, opts('for the backup')).encrypted).toBe(true);
  });

  it('is taken beside the app: writes made during a backup of a 2,000-customer shop are not held up by it', async () => {
    const { core, dir } = started(PASS);
    core().jobs.start(SAMPLE_JOB_KIND, { seed: 7, customers: 2000 });
    await core().jobs.idle();
    expect(customerCount(core())).toBeGreaterThanOrEqual(2000);
    const file = join(dir, 'big.sqlite');
    const started_ = performance.now();
    let finished = 0;
    const backup = backupTo(core(), file).then((r) => {
      finished = performance.now();
      return r;
    });
    // Keep writing, one customer per turn of the event loop, until the backup is done.
    const latencies: number[] = [];
    let writesDuringBackup = 0;
    while (!finished) {
      const t = performance.now();
      createCustomer(core().sqlite, { name: `During ${latencies.length}` });
      latencies.push(performance.now() - t);
      if (!finished) writesDuringBackup++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const r = await backup;
    const duration = finished - started_;
    // Written while the backup ran, each in a small fraction of its duration.
    expect(writesDuringBackup).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(Math.max(duration / 2, 50));
    // A consistent snapshot: it holds the shop and at most the writes made before its read began.
    expect(r.customers).toBeGreaterThanOrEqual(2000);
    expect(r.customers).toBeLessThan(customerCount(core()));
    expect(checkBackup(file, opts(PASS)).customers).toBe(r.customers);
  }, 180_000);
});

describe('restore', () => {
  it('brings the data back as it was at backup time, re-keyed to the current passphrase, keeping the previous data aside', async () => {
    const { host, core, dir } = started(PASS);
    const id = addSecretCustomer(core());
    createCustomer(core().sqlite, { name: 'Before Backup' });
    const file = join(dir, 'backups', scheduledName(new Date()));
    // Its own passphrase: the restored database still opens with the current one.
    await backupTo(core(), file, { passphrase: 'backup only' });
    const atBackup = names(core());

    createCustomer(core().sqlite, { name: 'Added After' });
    updateCustomer(core().sqlite, id, { name: 'Renamed After', email: SECRET.email });
    expect(names(core())).not.toBe(atBackup);

    const result = await restoreFrom(host, file, { passphrase: 'backup only', currentPassphrase: PASS, resourcesDir });
    expect(result).toMatchObject({ customers: 2, encrypted: true, previous: beforeRestoreFile(host.dbFile) });
    expect(names(core())).toBe(atBackup);
    expect(existsSync(`${host.dbFile}.restoring`)).toBe(false);

    // The live file is keyed with the current passphrase: lock and unlock keep working.
    await host.lock();
    expect(await codeOf(() => host.unlock('backup only'))).toBe('wrong_passphrase');
    host.unlock(PASS);
    expect(names(core())).toBe(atBackup);

    // The previous data is kept, encrypted as it was, until the next restore.
    const previous = new Database(result.previous, { readonly: true });
    applyKey(previous, PASS);
    expect(previous.prepare("SELECT count(*) FROM customers WHERE name = 'Added After'").pluck().get()).toBe(1);
    previous.close();
  });

  it('to a plain database decrypts the backup', async () => {
    const enc = started(PASS);
    addSecretCustomer(enc.core());
    const file = join(enc.dir, 'from-encrypted.sqlite');
    await backupTo(enc.core(), file);

    const plain = started();
    createCustomer(plain.core().sqlite, { name: 'Only Here' });
    await restoreFrom(plain.host, file, { passphrase: PASS, currentPassphrase: null, resourcesDir });
    expect(isEncryptedFile(plain.host.dbFile)).toBe(false);
    expect(names(plain.core())).toBe(SECRET.name);
  });

  it('refuses a corrupt backup (random bytes, cut short) and changes nothing', async () => {
    const { host, core, dir } = started(PASS);
    addSecretCustomer(core());
    const good = join(dir, 'good.sqlite');
    await backupTo(core(), good);
    createCustomer(core().sqlite, { name: 'Still Here' });
    const before = names(core());
    const openCore = core();

    const random = join(dir, 'random.sqlite');
    writeFileSync(random, randomBytes(40_000));
    const cutOdd = join(dir, 'cut-odd.sqlite');
    writeFileSync(cutOdd, readFileSync(good).subarray(0, 10_000));
    const cutPage = join(dir, 'cut-page.sqlite');
    writeFileSync(cutPage, readFileSync(good));
    truncateSync(cutPage, Math.floor(statSync(good).size / 2 / 4096) * 4096);
    const notPatron = join(dir, 'other.sqlite');
    const other = new Database(notPatron);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    other.close();

    for (const [file, code] of [
      [random, 'backup_invalid'],
      [cutOdd, 'backup_invalid'],
      [cutPage, 'backup_invalid'],
      [notPatron, 'backup_invalid'],
      [join(dir, 'missing.sqlite'), 'backup_invalid'],
    ] as const) {
      expect(await codeOf(() => restoreFrom(host, file, { passphrase: PASS, currentPassphrase: PASS, resourcesDir })), file).toBe(code);
      // Nothing moved: the same core is open on the same data, and nothing was left beside it.
      expect(host.core).toBe(openCore);
      expect(names(core())).toBe(before);
      expect(existsSync(beforeRestoreFile(host.dbFile))).toBe(false);
      expect(existsSync(`${host.dbFile}.restoring`)).toBe(false);
    }
  });

  it('refuses a backup made by a newer schema and changes nothing', async () => {
    const { host, core, dir } = started(PASS);
    addSecretCustomer(core());
    const file = join(dir, 'newer.sqlite');
    await backupTo(core(), file);
    // A migration this build does not know, as a newer Patron would have recorded it.
    const db = new Database(file);
    applyKey(db, PASS);
    const n = db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number;
    db.prepare('INSERT INTO schema_migrations (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)').run(n, '0099_from_the_future', 'f'.repeat(64), Date.now());
    db.close();
    createCustomer(core().sqlite, { name: 'Newer Than Backup' });
    const before = customerCount(core());

    expect(await codeOf(() => checkBackup(file, opts(PASS)))).toBe('backup_newer_schema');
    expect(await codeOf(() => restoreFrom(host, file, { passphrase: PASS, currentPassphrase: PASS, resourcesDir }))).toBe('backup_newer_schema');
    expect(customerCount(core())).toBe(before);
    expect(existsSync(beforeRestoreFile(host.dbFile))).toBe(false);
  });
});

describe('daily schedule', () => {
  it('backs up when the newest backup is a day old, keeps the newest N and leaves other files alone', async () => {
    const { core, dir } = started(PASS);
    addSecretCustomer(core());
    const folder = join(dir, 'daily');
    mkdirSync(folder, { recursive: true });
    const day = 24 * 60 * 60 * 1000;
    const old = [2, 3, 4].map((d) => {
      const at = new Date(Date.now() - d * day);
      const file = join(folder, scheduledName(at));
      writeFileSync(file, 'an old backup');
      utimesSync(file, at, at);
      return file;
    });
    writeFileSync(join(folder, 'mine.sqlite'), 'kept by the person');
    writeFileSync(join(folder, 'patron-notes.sqlite'), 'not a scheduled name');
    utimesSync(join(folder, 'mine.sqlite'), new Date(Date.now() - 9 * day), new Date(Date.now() - 9 * day));

    writeSchedule(core().db, { enabled: false, folder, keep: 2 });
    expect(runScheduleOnce(core().jobs, core().db, core().sqlite, dir)).toBeNull();
    writeSchedule(core().db, { enabled: true, folder, keep: 2 });
    const jobId = runScheduleOnce(core().jobs, core().db, core().sqlite, dir);
    expect(jobId).not.toBeNull();
    await core().jobs.idle();
    const job = core().jobs.get(jobId!);
    expect(job.status).toBe('done');

    const scheduled = listBackups(folder).filter((f) => f.scheduled);
    expect(scheduled.map((f) => f.file)).toEqual([job.kind === 'backup.run' ? job.result!.file : '', old[0]]);
    expect(existsSync(join(folder, 'mine.sqlite'))).toBe(true);
    expect(existsSync(join(folder, 'patron-notes.sqlite'))).toBe(true);
    expect(checkBackup(scheduled[0].file, opts(PASS)).customers).toBe(1);
    // The snapshot does not hold its own job as running: restored, it would be resumed and write again.
    const copy = new Database(scheduled[0].file, { readonly: true });
    applyKey(copy, PASS);
    expect(copy.prepare("SELECT status FROM jobs WHERE kind = 'backup.run'").pluck().all()).toEqual(['done']);
    copy.close();
    // Not due again today.
    expect(runScheduleOnce(core().jobs, core().db, core().sqlite, dir)).toBeNull();
    // The audit log records the backup (never a passphrase).
    const audit = core().sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'backup'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0])).toMatchObject({ scheduled: true, customers: 1, encrypted: true });
    expect(audit[0]).not.toContain(PASS);
  });
});

describe('command line', () => {
  it('backup FILE and restore FILE on an encrypted database: its own passphrase from an environment variable, a refused file changes nothing', async () => {
    const { runCli } = await import('../cli/run-cli');
    const dir = tempDir('patron-backup-cli-');
    dirs.push(dir);
    const data = join(dir, 'data');
    const host = new CoreHost({ dataDir: data, resourcesDir, noResume: true });
    host.unlock(PASS);
    addSecretCustomer(host.requireCore());
    await host.close();
    const env = { PATRON_PASSPHRASE: PASS, BACKUP_PW: 'cli backup' };

    const made = await runCli<{ customers: number; encrypted: boolean; file: string }>(['backup', 'b.sqlite', '--data-dir', 'data', '--backup-passphrase-env', 'BACKUP_PW'], { cwd: dir, env });
    expect(made.code).toBe(0);
    expect(made.json).toMatchObject({ customers: 1, encrypted: true, file: join(dir, 'b.sqlite') });
    expect(containsAny(join(dir, 'b.sqlite'))).toEqual([]);

    // A customer added after the backup.
    host.unlock(PASS);
    createCustomer(host.requireCore().sqlite, { name: 'After The Backup' });
    await host.close();

    const wrong = await runCli<{ error: { code: string } }>(['restore', 'b.sqlite', '--data-dir', 'data'], { cwd: dir, env });
    expect({ code: wrong.code, error: wrong.json.error.code }).toEqual({ code: 1, error: 'wrong_passphrase' });
    writeFileSync(join(dir, 'junk.sqlite'), randomBytes(4096 * 3 + 1));
    const junk = await runCli<{ error: { code: string } }>(['restore', 'junk.sqlite', '--data-dir', 'data'], { cwd: dir, env });
    expect({ code: junk.code, error: junk.json.error.code }).toEqual({ code: 1, error: 'backup_invalid' });
    expect(existsSync(beforeRestoreFile(join(data, 'patron.sqlite')))).toBe(false);

    const restored = await runCli<{ customers: number }>(['restore', 'b.sqlite', '--data-dir', 'data', '--backup-passphrase-env', 'BACKUP_PW'], { cwd: dir, env });
    expect(restored.code).toBe(0);
    expect(restored.json.customers).toBe(1);
    // Keyed with the database's passphrase, as it was at backup time.
    host.unlock(PASS);
    expect(names(host.requireCore())).toBe(SECRET.name);
    await host.close();
  }, 120_000);
});
