import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSqlFunctions } from '../../src-main/core/db/functions';
import { applyMigrations, loadMigrations } from '../../src-main/core/db/migrate';
import { AppError } from '../../src-main/core/errors';
import { openCore, resourcesDir, tempDir } from './temp-core';

const migrations = loadMigrations(join(resourcesDir, 'migrations'));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('migrations', () => {
  it('creates every table, the FTS indexes, WAL and foreign keys on a new file', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    cleanups.push(() => core.close());
    const names = (core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['customers', 'companies', 'products', 'orders', 'order_items', 'interactions', 'feedback', 'tags', 'customer_tags', 'notes', 'tasks', 'jobs', 'settings', 'customers_fts', 'interactions_fts']) {
      expect(names).toContain(t);
    }
    expect(core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = core.sqlite.prepare('SELECT tag FROM schema_migrations ORDER BY idx').all() as { tag: string }[];
    expect(applied.map((r) => r.tag)).toEqual(migrations.map((m) => m.tag));
  });

  it('re-opening applies nothing and keeps the data', async () => {
    const dir = tempDir();
    const first = openCore(dir);
    first.sqlite.prepare("INSERT INTO customers (name) VALUES ('Kept')").run();
    await first.close();
    const again = openCore(dir);
    cleanups.push(() => again.close());
    expect((again.sqlite.prepare('SELECT name FROM customers').get() as { name: string }).name).toBe('Kept');
  });

  it('each migration applies on top of real data from the one before', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'step.sqlite'));
    cleanups.push(() => {
      db.close();
    });
    db.pragma('foreign_keys = ON');
    registerSqlFunctions(db);
    applyMigrations(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO customers (id, name, email) VALUES (1, '王芳', 'wf@qq.com')").run();
    db.prepare("INSERT INTO interactions (customer_id, channel, direction, body, occurred_at) VALUES (1, 'wechat', 'inbound', '物流太慢了', 1)").run();
    const result = applyMigrations(db, migrations);
    expect(result.applied).toEqual(migrations.slice(1).map((m) => m.tag));
    expect((db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(1);
    // The search migration's delete trigger works on rows that existed before it.
    db.prepare("INSERT INTO interactions_fts (rowid, subject, body) VALUES (1, '', '物 流')").run();
    db.prepare('DELETE FROM customers WHERE id = 1').run();
    expect((db.prepare("SELECT count(*) AS n FROM interactions_fts WHERE interactions_fts MATCH '\"物 流\"'").get() as { n: number }).n).toBe(0);
  });

  it('refuses a database written by a newer Patron, naming the problem and leaving the file alone', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    core.sqlite.prepare("INSERT INTO schema_migrations (idx, tag, hash, applied_at) VALUES (99, '0099_future', 'x', 0)").run();
    await core.close();
    const before = readFileSync(join(dir, 'patron.sqlite'));
    let error: unknown;
    try {
      openCore(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer_schema');
    expect((error as AppError).message).toMatch(/newer or different version of Patron.*0099_future/);
    expect(readFileSync(join(dir, 'patron.sqlite')).equals(before)).toBe(true);
  });

  it('refuses a database whose applied migration was edited since, naming it and leaving the file alone', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    core.sqlite.prepare("INSERT INTO customers (name) VALUES ('Kept')").run();
    await core.close();
    const file = join(dir, 'patron.sqlite');
    const before = readFileSync(file);
    // The committed migrations, with a released one edited as a careless change would: one more column.
    const edited = join(dir, 'migrations');
    cpSync(join(resourcesDir, 'migrations'), edited, { recursive: true });
    const tag = migrations[1].tag;
    writeFileSync(join(edited, `${tag}.sql`), `${readFileSync(join(edited, `${tag}.sql`), 'utf8')}\n--> statement-breakpoint\nALTER TABLE customers ADD nickname text;\n`);
    const db = new Database(file);
    cleanups.push(() => {
      db.close();
    });
    let error: unknown;
    try {
      applyMigrations(db, loadMigrations(edited));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'db_migration_changed',
      params: { tag },
      message: expect.stringMatching(new RegExp(`Migration "${tag}" differs .*released migration was edited.*not changed`)),
    });
    db.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('accepts the same migrations checked out with \\r\\n line ends', async () => {
    const dir = tempDir();
    await openCore(dir).close();
    const crlf = join(dir, 'migrations');
    cpSync(join(resourcesDir, 'migrations'), crlf, { recursive: true });
    for (const m of migrations) writeFileSync(join(crlf, `${m.tag}.sql`), readFileSync(join(crlf, `${m.tag}.sql`), 'utf8').replace(/\r?\n/g, '\r\n'));
    const db = new Database(join(dir, 'patron.sqlite'));
    cleanups.push(() => {
      db.close();
    });
    expect(applyMigrations(db, loadMigrations(crlf)).applied).toEqual([]);
  });

  it('a file that is not a database gets a clear error naming it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'patron.sqlite'), 'this is not sqlite at all, just text that fills the header page'.repeat(100));
    // Random bytes cannot be told from an encrypted file: it is refused without a passphrase, naming both.
    expect(() => openCore(dir)).toThrow(/patron\.sqlite.*encrypted, or is not a Patron database/);
  });
});

describe('0007_inbox on real data', () => {
  it('gives messages handled before it the time of the shop’s next message to that customer as their answer, within 14 days', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'before-0007.sqlite'));
    cleanups.push(() => {
      db.close();
    });
    db.pragma('foreign_keys = ON');
    registerSqlFunctions(db);
    const at = migrations.findIndex((m) => m.tag === '0007_inbox');
    applyMigrations(db, migrations.slice(0, at));
    const H = 3_600_000;
    const D = 24 * H;
    const t = Date.UTC(2025, 0, 6, 9);
    db.prepare("INSERT INTO customers (id, name) VALUES (1, '王芳'), (2, 'Ann Lee')").run();
    const add = db.prepare('INSERT INTO interactions (id, customer_id, channel, direction, body, occurred_at, handled) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // Customer 1: a message answered 3 hours later (a shipping notice before it does not count), one
    // answered twice (the first reply counts), one handled with no reply in 14 days, one still open.
    add.run(1, 1, 'wechat', 'outbound', '已发货', t - D, 1);
    add.run(2, 1, 'wechat', 'inbound', '物流太慢了', t, 1);
    add.run(3, 1, 'wechat', 'outbound', '抱歉，已催促快递', t + 3 * H, 1);
    add.run(4, 1, 'wechat', 'outbound', '包裹今天到', t + 30 * H, 1);
    add.run(5, 1, 'wechat', 'inbound', '谢谢', t + 40 * D, 1);
    add.run(6, 1, 'wechat', 'outbound', '中秋快乐', t + 60 * D, 1);
    add.run(7, 1, 'wechat', 'inbound', '还有货吗？', t + 61 * D, 0);
    // Customer 2: answered the next day; customer 1's messages meanwhile are not her answer.
    add.run(8, 2, 'email', 'inbound', 'Is the shop open on Sunday?', t + 2 * H, 1);
    add.run(9, 2, 'email', 'outbound', 'Yes, from ten.', t + 26 * H, 1);

    applyMigrations(db, migrations.slice(0, at + 1));
    const rows = db.prepare("SELECT id, handled_at AS handledAt, reply_to_id AS replyToId FROM interactions WHERE direction = 'inbound' ORDER BY id").all();
    expect(rows).toEqual([
      { id: 2, handledAt: t + 3 * H, replyToId: null },
      { id: 5, handledAt: null, replyToId: null },
      { id: 7, handledAt: null, replyToId: null },
      { id: 8, handledAt: t + 26 * H, replyToId: null },
    ]);
    expect(db.prepare("SELECT count(*) FROM interactions WHERE direction = 'outbound' AND handled_at IS NOT NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('interactions_open_idx', 'interactions_handled_at_idx', 'campaigns', 'campaign_messages')").pluck().get()).toBe(4);
  });
});

describe('0003_money_sort_key on real data', () => {
  it('fills the pinyin sort key of existing customers and stops counting foreign-currency orders as CNY', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'before-0003.sqlite'));
    cleanups.push(() => {
      db.close();
    });
    db.pragma('foreign_keys = ON');
    registerSqlFunctions(db);
    const at = migrations.findIndex((m) => m.tag === '0003_money_sort_key');
    applyMigrations(db, migrations.slice(0, at));
    // A database as 0002 left it: a euro order added to the spend as if it were yuan.
    db.prepare("INSERT INTO customers (id, name, total_spent_cents, order_count) VALUES (1, '单雄信', 403030, 2), (2, 'Émile Zola', 0, 0)").run();
    db.prepare(
      `INSERT INTO orders (customer_id, order_no, ordered_at, total_cents, currency) VALUES
         (1, 'A-1', 1, 100000, 'CNY'), (1, 'A-2', 2, 303030, 'EUR')`,
    ).run();
    applyMigrations(db, migrations.slice(0, at + 1));
    const rows = db.prepare('SELECT id, sort_key, total_spent_cents, order_count, unconverted_orders FROM customers ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, sort_key: 'shan xiong xin\u0001424\u0001单雄信', total_spent_cents: 100000, order_count: 2, unconverted_orders: 1 },
      { id: 2, sort_key: 'emile zola\u0001\u0001Émile Zola', total_spent_cents: 0, order_count: 0, unconverted_orders: 0 },
    ]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customers_sort_key_idx'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'currency_rates'").pluck().get()).toBe(1);
  });
});
