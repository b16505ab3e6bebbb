// Names sort by their stored key: Chinese by pinyin with surnames read as surnames, among the
// Latin names (accents folded), through the key's index.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { customerListQuery } from '../../src-main/core/customers/list-query';
import { createCustomer, listCustomers, updateCustomer } from '../../src-main/core/customers/service';
import { customerSortKey } from '../../src-main/core/customers/sort-key';
import { SAMPLE_JOB_KIND } from '../../src-main/core/sample/sample-job';
import { importJob } from '../fixtures/import-files-run';
import { tempCore } from './temp-core';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Real names, in the order a Chinese reader looks them up by pinyin, the English ones among them. */
const IN_ORDER = [
  'Alice Wong',
  'Émile Zola', // e, not after z
  'Harris Tom',
  '黄静', // huang jing
  '黄雪', // huang xue
  '黄颖', // huang ying (by code point: 黄雪, 黄静, 黄颖)
  'Hughes',
  '欧阳娜娜', // ou yang: a two-character surname
  '朴树', // piao, not pu
  '仇英', // qiu, not chou
  '单田芳', // shan, not dan
  'Wang Fang',
  '王芳', // same letters as Wang Fang; the tones come after the bare Latin name
  '解缙', // xie, not jie
  '曾志伟', // zeng, not ceng
  '查良镛', // zha, not cha
  'Zoe Smith',
];

describe('customer sort key', () => {
  it('reads surnames as surnames (单 shan, 曾 zeng, 解 xie, 仇 qiu, 朴 piao, 查 zha)', () => {
    const letters = (name: string) => customerSortKey(name).split('\u0001')[0];
    expect(['单田芳', '曾志伟', '解缙', '仇英', '朴树', '查良镛', '欧阳娜娜'].map(letters)).toEqual([
      'shan tian fang',
      'zeng zhi wei',
      'xie jin',
      'qiu ying',
      'piao shu',
      'zha liang yong',
      'ou yang na na',
    ]);
    expect(letters('  Émile  O’Brien-Zola ')).toBe('emile obrien zola');
  });

  it('orders a real mixed list by pinyin through the list call, both ways, and follows a rename', async () => {
    const { core, cleanup } = tempCore({ noResume: true });
    cleanups.push(cleanup);
    // Inserted in code-point order, the order the list used to show.
    const shuffled = [...IN_ORDER].sort();
    expect(shuffled).not.toEqual(IN_ORDER);
    const ids = new Map(shuffled.map((name, i) => [name, createCustomer(core.sqlite, { name, email: `c${i}@example.com` }).id]));
    const names = (dir: 'asc' | 'desc') => listCustomers(core.sqlite, { sort: 'name', dir }).rows.map((r) => r.name);
    expect(names('asc')).toEqual(IN_ORDER);
    expect(names('desc')).toEqual([...IN_ORDER].reverse());

    updateCustomer(core.sqlite, ids.get('Zoe Smith')!, { name: '安娜', email: `c${shuffled.indexOf('Zoe Smith')}@example.com` });
    expect(names('asc').slice(0, 2)).toEqual(['Alice Wong', '安娜']);
  });

  it('the import and the sample shop write the key too', async () => {
    const { core, dir, cleanup } = tempCore({ noResume: true });
    cleanups.push(cleanup);
    const file = join(dir, 'customers.csv');
    writeFileSync(file, ['姓名,邮箱', ...IN_ORDER.map((name, i) => `${name},i${i}@example.com`).reverse()].join('\n'));
    await importJob(core, { source: { path: file }, kind: 'customers', mapping: { name: 0, email: 1 } });
    expect(listCustomers(core.sqlite, { sort: 'name', limit: 500 }).rows.map((r) => r.name)).toEqual(IN_ORDER);

    core.jobs.start(SAMPLE_JOB_KIND, { seed: 7, customers: 50 });
    await core.jobs.idle();
    const keys = core.sqlite.prepare("SELECT name, sort_key AS key FROM customers WHERE source = 'sample'").all() as { name: string; key: string | null }[];
    expect(keys).toHaveLength(50);
    for (const { name, key } of keys) expect(key).toBe(customerSortKey(name));
  });

  it('sorts by name through the key\u2019s index, with no temporary sort', async () => {
    const { core, cleanup } = tempCore({ noResume: true });
    cleanups.push(cleanup);
    for (const dir of ['asc', 'desc'] as const) {
      const q = customerListQuery({ sort: 'name', dir });
      const plan = (core.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT c.id FROM customers c ${q.whereSql} ${q.orderSql} LIMIT 100 OFFSET 0`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
      expect(plan).toContain('customers_sort_key_idx');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});
