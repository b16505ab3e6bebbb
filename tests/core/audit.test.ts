// The audit log: one entry per change made through the write path, in the change's own
// transaction, naming the profile; nothing for derived work or a rolled-back write; one summary
// entry for an import; entries that SQL cannot edit or delete, except an erasure's redaction.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { recomputeCustomerMetrics } from '../../src-main/core/orders/metrics';
import { auditBulk, recordAudit, redactCustomerAudit } from '../../src-main/core/privacy/audit-log';
import { patronRouter } from '../../src-main/core/router';
import { importJob } from '../fixtures/import-files-run';
import { freshCores } from './temp-core';

const fresh = freshCores();
const count = (core: Core) => core.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const lastEntry = (core: Core) =>
  core.sqlite.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    action: string;
    record_type: string;
    record_id: number;
    customer_id: number | null;
    profile_id: number | null;
    profile_name: string | null;
    changes: string | null;
    detail: string | null;
  };

const ANN = { name: 'Ann Lee', email: 'ann@old.example', phone: null, company: null, city: 'Leeds', country: null, language: 'en' as const };

describe('audit log', () => {
  it('records a customer email change through the router once, with [before, after] for email only and the profile', async () => {
    const { core } = fresh();
    const mei = core.sqlite.prepare("INSERT INTO profiles (name, role) VALUES ('Mei', 'staff')").run().lastInsertRowid as number;
    const api = patronRouter.createCaller({ core, session: { profileId: mei } });
    const created = await api.customers.create(ANN);
    const before = count(core);
    await api.customers.update({ id: created.id, data: { ...ANN, email: 'ann@new.example' } });
    expect(count(core)).toBe(before + 1);
    const e = lastEntry(core);
    expect(e).toMatchObject({ action: 'update', record_type: 'customer', record_id: created.id, customer_id: created.id, profile_id: mei, profile_name: 'Mei' });
    expect(JSON.parse(e.changes!)).toEqual({ email: ['ann@old.example', 'ann@new.example'] });

    // Saving the same values again changes nothing and records nothing.
    await api.customers.update({ id: created.id, data: { ...ANN, email: 'ann@new.example' } });
    expect(count(core)).toBe(before + 1);

    // The router reads it back, newest first, with the customer's name.
    const page = await api.audit.list({ filter: { customerId: created.id }, limit: 1 });
    expect(page.entries[0]).toMatchObject({ action: 'update', profileName: 'Mei', customerName: 'Ann Lee', changes: { email: ['ann@old.example', 'ann@new.example'] } });
    expect(page.nextCursor).not.toBeNull();
    const older = await api.audit.list({ filter: { customerId: created.id }, cursor: page.nextCursor, limit: 10 });
    expect(older.entries.map((x) => x.action)).toEqual(['create']);
    expect(older.nextCursor).toBeNull();
  });

  it('records nothing for a write that rolled back, nor for derived work', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    const c = await api.customers.create(ANN);
    const before = count(core);
    expect(() =>
      core.sqlite.transaction(() => {
        core.sqlite.prepare('UPDATE customers SET city = ? WHERE id = ?').run('York', c.id);
        throw new Error('changed my mind');
      })(),
    ).toThrow('changed my mind');
    expect(count(core)).toBe(before);

    // Derived columns (the order metrics, the sort key) are not watched: recomputing them records nothing.
    core.sqlite.prepare('UPDATE customers SET total_spent_cents = 999, order_count = 3, sort_key = ?, updated_at = 1 WHERE id = ?').run('zzz', c.id);
    recomputeCustomerMetrics(core.sqlite);
    // Neither are the settings the app keeps for itself.
    core.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('salesDaysZone', '"UTC"') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
    expect(count(core)).toBe(before);
  });

  it('records an import as one summary entry, not one per row', async () => {
    const { core, dir } = fresh();
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'Name,Email\n' + Array.from({ length: 50 }, (_, i) => `Person ${i},p${i}@x.com`).join('\n') + '\nBad,not-an-email\n');
    await importJob(core, { source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1 } });
    expect(core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(50);
    expect(count(core)).toBe(1);
    const e = lastEntry(core);
    expect(e).toMatchObject({ action: 'import', record_type: 'customers' });
    expect(JSON.parse(e.detail!)).toMatchObject({ file: 'people.csv', rows: 51, rejected: 1, customers: { created: 50 } });
    // A dry run writes no entry.
    await importJob(core, { source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1 }, dryRun: true });
    expect(count(core)).toBe(1);
  });

  it('names the profile that started a job', async () => {
    const { core, dir } = fresh();
    const mei = core.sqlite.prepare("INSERT INTO profiles (name, role) VALUES ('Mei', 'owner')").run().lastInsertRowid as number;
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'Name\nSolo\n');
    const api = patronRouter.createCaller({ core, session: { profileId: mei } });
    await api.import.start({ source: { path: file }, kind: 'customers', mapping: { name: 0 } });
    await core.jobs.idle();
    expect(lastEntry(core)).toMatchObject({ action: 'import', profile_id: mei, profile_name: 'Mei' });
  });

  it('bulk work writes its one summary; a PIN is recorded as changed, never its hash', () => {
    const { core } = fresh();
    auditBulk(
      core.sqlite,
      (n: number) => ({ action: 'delete', recordType: 'customer', detail: { removed: n } }),
      () => {
        for (let i = 0; i < 5; i++) core.sqlite.prepare('INSERT INTO customers (name) VALUES (?)').run(`Bulk ${i}`);
        return 5;
      },
    );
    expect(count(core)).toBe(1);
    core.sqlite.prepare("INSERT INTO profiles (name, role, pin_hash) VALUES ('Li', 'staff', 'scrypt$secret-hash')").run();
    const e = lastEntry(core);
    expect(e.changes).not.toContain('secret-hash');
    expect(JSON.parse(e.changes!)).toMatchObject({ name: [null, 'Li'], pin_hash: [null, '***'] });
  });

  it('cannot be edited or deleted from SQL; an erasure redacts values and keeps the entries', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core });
    const c = await api.customers.create(ANN);
    await api.customers.update({ id: c.id, data: { ...ANN, city: 'York' } });
    recordAudit(core.sqlite, { action: 'export', recordType: 'customer', customerId: c.id, detail: { name: 'Ann Lee' } });
    expect(() => core.sqlite.prepare("UPDATE audit_log SET profile_name = 'someone else'").run()).toThrow('the audit log cannot be edited');
    expect(() => core.sqlite.prepare('UPDATE audit_log SET changes = NULL').run()).toThrow('the audit log cannot be edited');
    expect(() => core.sqlite.prepare('DELETE FROM audit_log').run()).toThrow('the audit log cannot be edited');
    const n = count(core);
    expect(redactCustomerAudit(core.sqlite, c.id)).toBe(3);
    const rows = core.sqlite.prepare('SELECT action, changes, detail FROM audit_log WHERE customer_id = ? ORDER BY id').all(c.id);
    expect(rows).toEqual([
      { action: 'create', changes: null, detail: null },
      { action: 'update', changes: null, detail: null },
      { action: 'export', changes: null, detail: null },
    ]);
    expect(count(core)).toBe(n);
    expect(JSON.stringify(core.sqlite.prepare('SELECT * FROM audit_log').all())).not.toContain('Ann Lee');
    // Still locked after the redaction.
    expect(() => core.sqlite.prepare('UPDATE audit_log SET changes = NULL').run()).toThrow('the audit log cannot be edited');
  });

  it('exports a CSV with a BOM, owner only, and records the export', async () => {
    const { core } = fresh();
    const owner = patronRouter.createCaller({ core });
    await owner.customers.create(ANN);
    const out = await owner.audit.export({ filter: {}, language: 'zh' });
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(out.path, 'utf8');
    expect(text.startsWith('\ufeff时间')).toBe(true);
    expect(text).toContain('ann@old.example');
    expect(out.rows).toBe(1);
    expect(lastEntry(core)).toMatchObject({ action: 'export', record_type: 'audit_log' });
    const li = core.sqlite.prepare("INSERT INTO profiles (name, role) VALUES ('Li', 'staff')").run().lastInsertRowid as number;
    const staff = patronRouter.createCaller({ core, session: { profileId: li } });
    await expect(staff.audit.export({ filter: {} })).rejects.toThrow(/Only the owner/);
    const facets = await owner.audit.facets();
    expect(facets.recordTypes).toEqual(expect.arrayContaining(['audit_log', 'customer', 'profile']));
  });
});
