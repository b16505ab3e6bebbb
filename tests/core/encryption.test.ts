// Encryption at rest (core/privacy/encryption.ts, privacy/lock-router.ts): the file and its WAL
// hold none of a customer's words once encrypted; a wrong passphrase changes nothing; decrypting
// gives the data back; the passphrase can be changed; kill -9 at any moment of the rewrite leaves
// a database that opens with the old key or the new one; the lock closes the core.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey, isEncryptedFile } from '../../src-main/core/db/cipher';
import { CoreHost } from '../../src-main/core/host';
import { cleanUpRewrite, oldCopyFile, rewriteDatabase, rewriteFile } from '../../src-main/core/privacy/encryption';
import { patronRouter } from '../../src-main/core/router';
import type { Context } from '../../src-main/core/trpc';
import { openCore, resourcesDir, tempDir } from './temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SECRET = {
  name: 'Genevieve Quillfeather',
  email: 'genevieve.quillfeather@example.org',
  phone: '+44 7700 900462',
  message: 'Please deliver the oolong to the side door after six',
};
const LATER = 'Zanzibar marmalade arrived broken, refund please';
const OLD = 'first passphrase 1';
const NEW = 'second passphrase 2';

function dirWithCustomer(rows = 1): string {
  const dir = tempDir('patron-enc-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const core = openCore(dir, { noResume: true });
  const insertCustomer = core.sqlite.prepare(`INSERT INTO customers (name, email, email_norm, phone, phone_norm) VALUES (?, ?, ?, ?, ?)`);
  const insertMessage = core.sqlite.prepare(`INSERT INTO interactions (customer_id, channel, direction, body, occurred_at) VALUES (?, 'email', 'inbound', ?, ?)`);
  core.sqlite.transaction(() => {
    const id = Number(insertCustomer.run(SECRET.name, SECRET.email, SECRET.email, SECRET.phone, SECRET.phone).lastInsertRowid);
    insertMessage.run(id, SECRET.message, Date.now());
    for (let i = 1; i < rows; i++) {
      const cid = Number(insertCustomer.run(`Customer ${i}`, `c${i}@example.com`, `c${i}@example.com`, null, null).lastInsertRowid);
      insertMessage.run(cid, `Message number ${i} about tea`, Date.now());
    }
  })();
  void core.close();
  return dir;
}

const dbOf = (dir: string) => join(dir, 'patron.sqlite');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const contains = (file: string, text: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8'));

function countCustomers(file: string, key: string | null): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key !== null) applyKey(db, key);
    return db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('encrypting an existing database', () => {
  it('leaves none of the customer’s words in the file or its WAL; decrypting gives them back', async () => {
    const dir = dirWithCustomer();
    const file = dbOf(dir);
    for (const text of Object.values(SECRET)) expect(contains(file, text) || contains(`${file}-wal`, text)).toBe(true);

    const result = rewriteDatabase(file, { from: null, to: OLD });
    expect(result).toMatchObject({ kind: 'encrypt', encrypted: true });
    expect(isEncryptedFile(file)).toBe(true);
    expect(existsSync(rewriteFile(file)) || existsSync(oldCopyFile(file))).toBe(false);

    // More written after encrypting, so the WAL holds pages: read before any checkpoint.
    const core = openCore(dir, { noResume: true, passphrase: OLD });
    core.sqlite.pragma('wal_autocheckpoint = 0');
    const id = core.sqlite.prepare('SELECT id FROM customers WHERE email = ?').pluck().get(SECRET.email) as number;
    expect(id).toBeGreaterThan(0);
    core.sqlite.prepare(`INSERT INTO interactions (customer_id, channel, direction, body, occurred_at) VALUES (?, 'email', 'inbound', ?, ?)`).run(id, LATER, Date.now());
    core.sqlite.prepare(`UPDATE customers SET phone = ? WHERE id = ?`).run(`${SECRET.phone} ext 9`, id);
    expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(4096);
    for (const text of [...Object.values(SECRET), LATER]) {
      expect(contains(file, text), text).toBe(false);
      expect(contains(`${file}-wal`, text), `${text} in the WAL`).toBe(false);
    }
    // The rewrite left its entry in the audit log of the new file.
    expect(core.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'encrypt' AND record_type = 'database'`).pluck().get()).toBe(1);
    await core.close();

    rewriteDatabase(file, { from: OLD, to: null });
    expect(isEncryptedFile(file)).toBe(false);
    const plain = openCore(dir, { noResume: true });
    expect(plain.sqlite.prepare('SELECT name, phone FROM customers WHERE email = ?').get(SECRET.email)).toEqual({ name: SECRET.name, phone: `${SECRET.phone} ext 9` });
    expect(plain.sqlite.prepare('SELECT count(*) FROM interactions WHERE body IN (?, ?)').pluck().get(SECRET.message, LATER)).toBe(2);
    await plain.close();
  });

  it('refuses a wrong passphrase without changing a byte, and changes the passphrase', () => {
    const dir = dirWithCustomer();
    const file = dbOf(dir);
    rewriteDatabase(file, { from: null, to: OLD });
    const before = sha(file);
    for (const attempt of [() => rewriteDatabase(file, { from: 'not the passphrase', to: null }), () => rewriteDatabase(file, { from: 'not the passphrase', to: NEW })]) {
      expect(attempt).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
      expect(sha(file)).toBe(before);
    }
    expect(() => openCore(dir, { noResume: true, passphrase: 'not the passphrase' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
    expect(sha(file)).toBe(before);

    expect(rewriteDatabase(file, { from: OLD, to: NEW })).toMatchObject({ kind: 'rekey', encrypted: true });
    expect(() => countCustomers(file, OLD)).toThrow();
    expect(countCustomers(file, NEW)).toBe(1);
  });

  it('survives kill -9 at any moment: the file opens with the old key or the new one, with every row', async () => {
    const dir = dirWithCustomer(2000);
    const file = dbOf(dir);
    let key: string | null = null;
    const seen = new Set<string>();
    for (const delay of [0, 40, 120, 250, 400, 600, 900, 1300, 1800]) {
      const next: string | null = key === null ? NEW : null;
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/encrypt-child.ts', file, key ?? '-', next ?? '-'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (c: Buffer) => {
          const first = !out.includes('start');
          out += c.toString();
          if (first && out.includes('start')) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.on('exit', () => resolve());
      });
      const steps = [...out.matchAll(/step (\w+)/g)].map((m) => m[1]);
      seen.add(out.includes('done') ? 'done' : (steps.at(-1) ?? 'before'));
      // The file itself, before any clean-up, opens with exactly one of the two keys.
      const encrypted = isEncryptedFile(file);
      const now: string | null = encrypted ? (key ?? next) : null;
      expect(countCustomers(file, now)).toBe(2000);
      // Then the clean-up every open runs, and a normal open.
      cleanUpRewrite(file);
      expect(existsSync(rewriteFile(file))).toBe(false);
      expect(existsSync(oldCopyFile(file))).toBe(false);
      const core = openCore(dir, { noResume: true, ...(now === null ? {} : { passphrase: now }) });
      expect(core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.sqlite.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(2000);
      await core.close();
      key = now;
    }
    // The kills landed at different steps (not all before the work began).
    expect(seen.size).toBeGreaterThan(2);
  }, 120_000);
});

describe('the lock through the router', () => {
  it('locks and unlocks a host; calls while locked get `locked`; a wrong passphrase is refused', async () => {
    const dir = dirWithCustomer();
    const host = new CoreHost({ dataDir: dir, resourcesDir, noResume: true });
    cleanups.push(() => host.close());
    host.start();
    const ctx: Context = {
      host,
      session: { profileId: null },
      get core() {
        return host.requireCore();
      },
    };
    const api = patronRouter.createCaller(ctx);
    expect(await api.lock.state()).toMatchObject({ encrypted: false, locked: false, idleMinutes: 15 });
    await expect(api.lock.enable({ passphrase: 'short' })).rejects.toMatchObject({ cause: expect.objectContaining({ issues: expect.anything() }) });
    await api.lock.enable({ passphrase: OLD });
    expect(await api.lock.state()).toMatchObject({ encrypted: true, locked: false });
    await api.lock.setIdleMinutes({ idleMinutes: 5 });

    await api.lock.lock();
    expect(await api.lock.state()).toEqual({ encrypted: true, locked: true });
    expect(host.core).toBeNull();
    await expect(api.customers.list({})).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'locked' }) });
    await expect(api.lock.unlock({ passphrase: 'wrong passphrase' })).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'wrong_passphrase' }) });
    expect(host.core).toBeNull();
    await api.lock.unlock({ passphrase: OLD });
    expect(await api.lock.state()).toMatchObject({ encrypted: true, locked: false, idleMinutes: 5 });

    await expect(api.lock.changePassphrase({ current: 'wrong passphrase', next: NEW })).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'wrong_passphrase' }) });
    expect(host.core).not.toBeNull();
    await api.lock.changePassphrase({ current: OLD, next: NEW });
    await api.lock.lock();
    await expect(api.lock.unlock({ passphrase: OLD })).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'wrong_passphrase' }) });
    await api.lock.unlock({ passphrase: NEW });
    await expect(api.lock.disable({ passphrase: OLD })).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'wrong_passphrase' }) });
    await api.lock.disable({ passphrase: NEW });
    expect(await api.lock.state()).toMatchObject({ encrypted: false, locked: false });
    const name = host.requireCore().sqlite.prepare('SELECT name FROM customers WHERE email = ?').pluck().get(SECRET.email);
    expect(name).toBe(SECRET.name);
    expect(host.requireCore().sqlite.prepare(`SELECT action FROM audit_log WHERE record_type = 'database' ORDER BY id`).pluck().all()).toEqual(['encrypt', 'rekey', 'decrypt']);
  }, 60_000);
});
