// A customer's rights (issue 15, item 7) on a real core: the subject access export holds what is
// held about them in the language asked for; an erasure leaves no trace of them anywhere in the
// database (every text column of every table, FTS tables included, and the file's bytes) while
// revenue stays true when the orders are kept; staff can do neither.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { patronRouter } from '../../src-main/core/router';
import { freshCores } from './temp-core';

const fresh = freshCores();

const NAME = 'Quentin Marlowe-Xu';
const EMAIL = 'quentin.mx@rights.example';
const PHONE = '+86 139 5555 0172';
const MESSAGE = 'My parcel zebracorn arrived broken, please refund';
const NOTE = 'Prefers calls after six, allergic to lilies';
const TASK = 'Ring Quentin about the vase';
const REVIEW = 'Lovely glazing frobnitz on the teapot';
const OTHER = { name: 'Ann Lee', email: 'ann@other.example', phone: null, company: null, city: 'Leeds', country: null, language: 'en' as const };

async function seed(core: Core) {
  const api = patronRouter.createCaller({ core });
  const { id } = await api.customers.create({ name: NAME, email: EMAIL, phone: PHONE, company: 'Kiln House Ltd', city: 'Suzhou', country: 'China', language: 'en', consentEmail: true });
  const other = await api.customers.create(OTHER);
  const day = Date.UTC(2026, 5, 10, 9);
  await api.orders.add({ customerId: id, orderNo: 'R-1001', orderedAt: day, currency: 'CNY', lines: [{ name: 'Celadon teapot', quantity: 2, unitPriceCents: 12_000 }] });
  await api.orders.add({ customerId: id, orderNo: 'R-1002', orderedAt: day + 86_400_000, currency: 'CNY', lines: [{ name: 'Tea bowl', quantity: 1, unitPriceCents: 4_500 }] });
  await api.orders.add({ customerId: other.id, orderNo: 'R-2001', orderedAt: day, currency: 'CNY', lines: [{ name: 'Vase', quantity: 1, unitPriceCents: 9_900 }] });
  await api.interactions.log({ customerId: id, channel: 'email', direction: 'inbound', subject: 'Broken parcel', body: MESSAGE, occurredAt: day + 2 * 86_400_000 });
  await api.interactions.log({ customerId: id, channel: 'email', direction: 'outbound', body: 'Sorry Quentin, a refund is on its way', occurredAt: day + 3 * 86_400_000 });
  await api.notes.add({ customerId: id, body: NOTE });
  await api.tasks.add({ customerId: id, title: TASK });
  await api.tags.addToCustomer({ customerId: id, name: 'VIP' });
  core.sqlite
    .prepare("INSERT INTO feedback (customer_id, kind, rating, body, language, occurred_at) VALUES (?, 'review', 5, ?, 'en', ?)")
    .run(id, REVIEW, day + 86_400_000);
  return { api, id, otherId: other.id, day };
}

/** Every row of every table and FTS index as text (FTS5 contentless tables keep tokens: read their data shadow tables too). */
function everyText(core: Core): string {
  const tables = core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const parts: string[] = [];
  for (const t of tables) {
    for (const row of core.sqlite.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]) {
      for (const v of row) {
        if (typeof v === 'string') parts.push(v);
        else if (Buffer.isBuffer(v)) parts.push(v.toString('latin1'));
      }
    }
  }
  return parts.join('\n').toLowerCase();
}

/** Where a string still is, for a failure message: table names. */
export function whereIs(core: Core, needle: string): string[] {
  const tables = core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.filter((t) => JSON.stringify((core.sqlite.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => r.map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)))).toLowerCase().includes(needle.toLowerCase()));
}

const secrets = ['quentin', 'marlowe', EMAIL, '5555 0172', '13955550172', 'zebracorn', 'lilies', 'frobnitz'];

function revenue(api: ReturnType<typeof patronRouter.createCaller>, day: number) {
  return api.dashboard.revenue({ bucket: 'month', from: day - 30 * 86_400_000, to: day + 30 * 86_400_000 }).then((r) => r.totals.revenueCents);
}

describe("a customer's rights", () => {
  it('exports everything held about one customer as one self-contained HTML file, in English or Chinese, and records it', async () => {
    const { core } = fresh();
    const { api, id } = await seed(core);
    const en = await api.rights.exportCustomer({ customerId: id, language: 'en' });
    expect(en.fileName).toMatch(/^customer-\d+-data-en-.*\.html$/);
    expect(en.path).toContain(`${core.paths.dataDir}`);
    const html = readFileSync(en.path, 'utf8');
    for (const s of [NAME, EMAIL, 'R-1001', 'R-1002', 'Celadon teapot', MESSAGE, 'a refund is on its way', NOTE, TASK, REVIEW, 'VIP', 'Kiln House Ltd']) expect(html).toContain(s);
    expect(html).toContain('Personal data held about');
    expect(html).toContain('Orders');
    expect(html).not.toContain('R-2001');
    // Self-contained, nothing that runs or loads.
    expect(html).not.toMatch(/<script(?![^>]*application\/json)/);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    const json = JSON.parse(html.match(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/)![1]) as { profile: { email: string }; orders: unknown[]; messages: unknown[] };
    expect(json.profile.email).toBe(EMAIL);
    expect(json.orders).toHaveLength(2);
    expect(json.messages).toHaveLength(2);

    const zh = await api.rights.exportCustomer({ customerId: id, language: 'zh' });
    const zhHtml = readFileSync(zh.path, 'utf8');
    expect(zhHtml).toContain('<html lang="zh-CN">');
    for (const s of ['的个人信息', '订单', '消息', '备注', '待办', '反馈与评价', '2026年6月10日']) expect(zhHtml).toContain(s);
    expect(zhHtml).not.toContain('Personal data held about');
    expect(zhHtml).toContain(MESSAGE);

    const entries = core.sqlite.prepare("SELECT record_type, customer_id FROM audit_log WHERE action = 'export' AND customer_id = ?").all(id);
    expect(entries).toHaveLength(2);
  });

  it('masks the personal fields in an export made while privacy mode is on', async () => {
    const { core } = fresh();
    const { api, id } = await seed(core);
    core.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('privacy.mode', 'true') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    const html = readFileSync((await api.rights.exportCustomer({ customerId: id, language: 'en' })).path, 'utf8');
    for (const s of [NAME, EMAIL, MESSAGE, NOTE]) expect(html).not.toContain(s);
    expect(html).toContain('R-1001');
    expect(html).toContain('privacy mode');
  });

  it('erases a customer keeping their orders as anonymised totals: revenue unchanged, no trace of them left, one audit entry naming nothing', async () => {
    const { core } = fresh();
    const { api, id, otherId, day } = await seed(core);
    const before = await revenue(api, day);
    const sum = () => core.sqlite.prepare('SELECT sum(total_cents) FROM orders').pluck().get() as number;
    const sumBefore = sum();
    expect(before).toBe(24_000 + 4_500 + 9_900);
    expect(everyText(core)).toContain('zebracorn');

    const result = await api.rights.eraseCustomer({ customerId: id, keepOrders: true });
    expect(result).toEqual({ customerId: id, keptOrders: 2, deletedOrders: 0 });

    expect(await revenue(api, day)).toBe(before);
    expect(sum()).toBe(sumBefore);
    const row = core.sqlite.prepare('SELECT name, email, phone, city, country, company_id, consent_email, erased_at FROM customers WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ name: 'Erased customer', email: null, phone: null, city: null, country: null, company_id: null, consent_email: 0 });
    expect(row.erased_at).toEqual(expect.any(Number));
    // The company and tag only they had go with them (their own audit entries, about no customer, stay).
    expect(core.sqlite.prepare("SELECT count(*) FROM companies WHERE name = 'Kiln House Ltd'").pluck().get()).toBe(0);
    expect(core.sqlite.prepare("SELECT count(*) FROM tags WHERE name = 'VIP'").pluck().get()).toBe(0);
    for (const t of ['interactions', 'notes', 'tasks', 'feedback', 'customer_tags', 'sentiments', 'campaign_messages']) {
      expect(core.sqlite.prepare(`SELECT count(*) FROM ${t} WHERE customer_id = ?`).pluck().get(id), t).toBe(0);
    }

    // No trace in any table (FTS shadow tables included)...
    const text = everyText(core);
    for (const s of secrets) expect(text, `${s} in ${whereIs(core, s).join(', ')}`).not.toContain(s.toLowerCase());
    // ...nor in the file's bytes once the free pages are gone.
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    core.sqlite.exec('VACUUM');
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(core.paths.dbFile).toString('latin1').toLowerCase();
    for (const s of secrets) expect(bytes, s).not.toContain(s.toLowerCase());

    // The audit log keeps that it happened, once, and nothing of what was erased.
    const erase = core.sqlite.prepare("SELECT record_type, customer_id, changes, detail FROM audit_log WHERE action = 'erase'").all();
    expect(erase).toEqual([{ record_type: 'customer', customer_id: id, changes: null, detail: JSON.stringify({ keptOrders: 2 }) }]);
    expect(core.sqlite.prepare('SELECT count(*) FROM audit_log WHERE customer_id = ? AND changes IS NOT NULL').pluck().get(id)).toBe(0);

    // Gone from the people lists and search; the other customer stays.
    const list = await api.customers.list({});
    expect(list.rows.map((r) => r.id)).toEqual([otherId]);
    expect(list.total).toBe(1);
    expect((await api.search.all({ q: 'Quentin' })).customers).toEqual([]);
    expect((await api.customers.list({ search: 'Erased' })).rows).toEqual([]);
    // Erased twice: not found.
    await expect(api.rights.eraseCustomer({ customerId: id })).rejects.toThrow(/does not exist/);
  });

  it('erases a customer with everything, their orders too', async () => {
    const { core } = fresh();
    const { api, id, day } = await seed(core);
    const result = await api.rights.eraseCustomer({ customerId: id, keepOrders: false });
    expect(result).toEqual({ customerId: id, keptOrders: 0, deletedOrders: 2 });
    expect(core.sqlite.prepare('SELECT count(*) FROM customers WHERE id = ?').pluck().get(id)).toBe(0);
    expect(core.sqlite.prepare('SELECT count(*) FROM orders WHERE customer_id = ?').pluck().get(id)).toBe(0);
    expect(await revenue(api, day)).toBe(9_900);
    const text = everyText(core);
    for (const s of [...secrets, 'r-1001', 'celadon']) expect(text, `${s} in ${whereIs(core, s).join(', ')}`).not.toContain(s.toLowerCase());
    expect(core.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'erase'").pluck().all()).toEqual([JSON.stringify({ keptOrders: 0 })]);
  });

  it('staff can neither export nor erase, even through the contract directly', async () => {
    const { core } = fresh();
    const { id } = await seed(core);
    const li = Number(core.sqlite.prepare("INSERT INTO profiles (name, role) VALUES ('Li', 'staff')").run().lastInsertRowid);
    const staff = patronRouter.createCaller({ core, session: { profileId: li } });
    await expect(staff.rights.eraseCustomer({ customerId: id })).rejects.toThrow(/Only the owner/);
    await expect(staff.rights.exportCustomer({ customerId: id })).rejects.toThrow(/Only the owner/);
    expect(core.sqlite.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(id)).toBe(NAME);
  });
});
