import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, listCustomers } from '../../src-main/core/customers/service';
import { logInteraction } from '../../src-main/core/interactions/service';
import { search } from '../../src-main/core/search/service';
import { tagCustomer } from '../../src-main/core/tags/service';
import { tempCore } from './temp-core';

let env: ReturnType<typeof tempCore>;
const ids: Record<string, number> = {};

beforeAll(() => {
  env = tempCore();
  const { sqlite } = env.core;
  const add = (key: string, data: Parameters<typeof createCustomer>[1]) => (ids[key] = createCustomer(sqlite, data).id);
  add('wangfang', { name: '王芳', phone: '+86 138 0013 8000', email: 'wangfang88@qq.com', city: '上海', language: 'zh' });
  add('zhangwei', { name: '张伟', phone: '13912345678', city: '北京', language: 'zh' });
  add('ouyang', { name: '欧阳娜娜', city: '成都', company: '成都茶语贸易有限公司', language: 'zh' });
  add('emily', { name: 'Emily Carter', email: 'emily.carter@gmail.com', phone: '+44 20 7946 0958', city: 'London' });
  add('jose', { name: 'José Álvarez', email: 'jose@outlook.com', city: 'Madrid' });
  tagCustomer(sqlite, ids.emily, '老客户');
  logInteraction(sqlite, { customerId: ids.wangfang, channel: 'wechat', direction: 'inbound', body: '我要退货，物流太慢了，发票也没收到' });
  logInteraction(sqlite, { customerId: ids.emily, channel: 'email', direction: 'inbound', subject: 'Refund', body: 'The parcel arrived damaged, I would like a refund.' });
});
afterAll(() => env.cleanup());

const customerHits = (q: string) => search(env.core.sqlite, q).customers.map((c) => c.id);
const messageHits = (q: string) => search(env.core.sqlite, q).interactions.map((i) => i.customerId);

describe('full-text search in Chinese and English', () => {
  it('finds Chinese names by one or two characters, and no one else', () => {
    expect(customerHits('王')).toEqual([ids.wangfang]);
    expect(customerHits('王芳')).toEqual([ids.wangfang]);
    expect(customerHits('芳')).toEqual([ids.wangfang]);
    expect(customerHits('娜娜')).toEqual([ids.ouyang]);
    expect(customerHits('欧阳娜娜')).toEqual([ids.ouyang]);
    expect(customerHits('王伟')).toEqual([]);
  });

  it('finds cities, companies and tags in Chinese', () => {
    expect(customerHits('上海')).toEqual([ids.wangfang]);
    expect(customerHits('茶语')).toEqual([ids.ouyang]);
    expect(customerHits('老客户')).toEqual([ids.emily]);
  });

  it('finds Chinese words inside a run of Chinese text (unicode61 alone misses these)', () => {
    expect(messageHits('退货')).toEqual([ids.wangfang]);
    expect(messageHits('物流')).toEqual([ids.wangfang]);
    expect(messageHits('发票')).toEqual([ids.wangfang]);
    expect(messageHits('慢')).toEqual([ids.wangfang]);
    expect(messageHits('快递')).toEqual([]);
  });

  it('finds English by word prefix, email fragment and accents folded', () => {
    expect(customerHits('emi')).toEqual([ids.emily]);
    expect(customerHits('carter')).toEqual([ids.emily]);
    expect(customerHits('emily.car')).toEqual([ids.emily]);
    expect(customerHits('gmail')).toEqual([ids.emily]);
    expect(customerHits('wangfang88')).toEqual([ids.wangfang]);
    expect(customerHits('jose')).toEqual([ids.jose]);
    expect(customerHits('alvarez')).toEqual([ids.jose]);
    expect(messageHits('refund')).toEqual([ids.emily]);
    expect(messageHits('damag')).toEqual([ids.emily]);
  });

  it('finds phone numbers by any run of digits', () => {
    expect(customerHits('8000')).toEqual([ids.wangfang]);
    expect(customerHits('0013')).toEqual([ids.wangfang]);
    expect(customerHits('138')).toEqual([ids.wangfang]);
    expect(customerHits('139 1234')).toEqual([ids.zhangwei]);
    expect(customerHits('7946')).toEqual([ids.emily]);
    // Runs that cross each other ("0013 8000" shares no three digits with "3800" alone) and a
    // number the phone does not hold.
    expect(customerHits('0138')).toEqual([ids.wangfang]);
    expect(customerHits('13800138000')).toEqual([ids.wangfang]);
    expect(customerHits('8000138')).toEqual([]);
    expect(customerHits('1234567')).toEqual([ids.zhangwei]);
  });

  it('still finds phones in search rows written by earlier versions (every suffix as a token)', () => {
    const { sqlite } = env.core;
    const id = Number(sqlite.prepare(`INSERT INTO customers (name, phone, phone_norm) VALUES ('Old Row', '021 6234 5678', '862162345678')`).run().lastInsertRowid);
    const suffixes = Array.from({ length: 10 }, (_, i) => '862162345678'.slice(i)).join(' ');
    sqlite.prepare('INSERT INTO customers_fts (rowid, name, phone) VALUES (?, ?, ?)').run(id, 'Old Row', `${suffixes} 021 6234 5678`);
    try {
      expect(customerHits('16234')).toEqual([id]);
      expect(customerHits('6234 5678')).toEqual([id]);
      expect(listCustomers(sqlite, { search: '62345' }).rows.map((r) => r.id)).toEqual([id]);
    } finally {
      sqlite.prepare('DELETE FROM customers WHERE id = ?').run(id);
    }
  });

  it('ignores FTS syntax typed by a person instead of failing', () => {
    expect(() => search(env.core.sqlite, '"王 OR * NEAR(')).not.toThrow();
    expect(search(env.core.sqlite, '   ').customers).toEqual([]);
  });

  it('the customers list filters through the same index', () => {
    const res = listCustomers(env.core.sqlite, { search: '王' });
    expect(res.total).toBe(1);
    expect(res.rows[0].name).toBe('王芳');
  });

  it('keeps the index in step with edits and deletes', async () => {
    const { updateCustomer, deleteCustomer } = await import('../../src-main/core/customers/service');
    const { sqlite } = env.core;
    const id = createCustomer(sqlite, { name: '李娜', city: '杭州' }).id;
    expect(customerHits('李娜')).toEqual([id]);
    updateCustomer(sqlite, id, { name: '李静', city: '杭州' });
    expect(customerHits('李娜')).toEqual([]);
    expect(customerHits('李静')).toEqual([id]);
    deleteCustomer(sqlite, id);
    expect(customerHits('李静')).toEqual([]);
  });
});

describe('query plans use the indexes', () => {
  const plan = (sql: string) =>
    (env.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('list sorts are served by an index, not a sort of the whole table', () => {
    expect(plan('SELECT id FROM customers c ORDER BY c.sort_key ASC, c.id ASC LIMIT 100')).toMatch(/customers_sort_key_idx/);
    expect(plan('SELECT id FROM customers c ORDER BY c.total_spent_cents DESC, c.id DESC LIMIT 100')).toMatch(/customers_spent_idx/);
    expect(plan('SELECT id FROM customers c ORDER BY c.last_order_at DESC, c.id DESC LIMIT 100')).toMatch(/customers_last_order_idx/);
  });

  it('a customer timeline reads orders and messages by customer and time', () => {
    expect(plan('SELECT id FROM orders WHERE customer_id = 1 AND ordered_at < 5 ORDER BY ordered_at DESC LIMIT 50')).toMatch(/orders_customer_time_idx/);
    expect(plan('SELECT id FROM interactions WHERE customer_id = 1 AND occurred_at < 5 ORDER BY occurred_at DESC LIMIT 50')).toMatch(/interactions_customer_time_idx/);
    expect(plan('SELECT id FROM tasks WHERE done_at IS NULL ORDER BY due_at IS NULL, due_at LIMIT 50')).toMatch(/tasks_open_due_idx/);
  });
});

describe('numbers', () => {
  it('a phone number typed with spaces is one number', () => {
    expect(customerHits('+86 138 0013 8000')).toEqual([ids.wangfang]);
    expect(customerHits('138 0013')).toEqual([ids.wangfang]);
  });

  it('finds order and tracking numbers in messages by any run of digits', () => {
    const { sqlite } = env.core;
    logInteraction(sqlite, { customerId: ids.zhangwei, channel: 'sms', direction: 'inbound', body: '订单S-2024100013什么时候发货？' });
    expect(messageHits('0013')).toEqual([ids.zhangwei]);
    expect(messageHits('2024100013')).toEqual([ids.zhangwei]);
    expect(messageHits('发货')).toEqual([ids.zhangwei]);
  });

  it('names rank before other fields', () => {
    const { sqlite } = env.core;
    const named = createCustomer(sqlite, { name: 'Carter Wong', city: 'Hong Kong' }).id;
    createCustomer(sqlite, { name: 'Someone Else', company: 'Carter & Sons' });
    expect(customerHits('carter').slice(0, 2).sort()).toEqual([ids.emily, named].sort());
  });
});

describe('customers list paging', () => {
  it('pages deep into a sorted list return the right rows in order, with tags', () => {
    const { sqlite } = env.core;
    for (let i = 0; i < 30; i++) createCustomer(sqlite, { name: `Paging ${String(i).padStart(2, '0')}`, city: 'Testville' });
    const first = listCustomers(sqlite, { city: 'Testville', sort: 'name', limit: 10 });
    const third = listCustomers(sqlite, { city: 'Testville', sort: 'name', limit: 10, offset: 20 });
    expect(first.total).toBe(30);
    expect(first.rows.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Paging ${String(i).padStart(2, '0')}`));
    expect(third.rows.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Paging ${String(i + 20)}`));
    const desc = listCustomers(sqlite, { city: 'Testville', sort: 'name', dir: 'desc', limit: 3 });
    expect(desc.rows.map((r) => r.name)).toEqual(['Paging 29', 'Paging 28', 'Paging 27']);
    expect(listCustomers(sqlite, { search: '老客户' }).rows[0]).toMatchObject({ name: 'Emily Carter', tags: '老客户' });
  });
});
