// The list bench's database: customers, companies, tags and interactions generated from a fixed
// seed (lib/crm-data.ts) and written through startCore, so the schema and FTS tables come from
// the real migrations; and the search query mix the list bench times. Shared with the encryption
// bench, which builds the same database plain and encrypted.
import type Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../../../src-main/core/core';
import { insertCustomerSearchRow } from '../../../src-main/core/customers/search-index';
import { normalizePhone } from '../../../src-main/core/customers/normalize';
import { customerSortKey } from '../../../src-main/core/customers/sort-key';
import { insertInteractionSearchRow } from '../../../src-main/core/interactions/search-index';
import { Rng } from '../../../src-main/core/sample/random';
import { customerBrief, generateCompanies, generateCustomer, generateInteraction, tagNames, type CustomerBrief } from './crm-data';
import { log } from './report';
import { round } from './stats';

const SEED = 20250601;
const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources');

export interface BenchMeta {
  version: string;
  customers: number;
  interactions: number;
  buildS: number;
}

/**
 * Builds the database in `dataDir` (removed first); encrypted with `passphrase` when given
 * (startCore creates a new file given a passphrase encrypted). Leaves it in WAL mode, closed.
 */
export async function buildListDb(
  dataDir: string,
  version: string,
  customerCount: number,
  interactionCount: number,
  passphrase?: string,
): Promise<BenchMeta> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  const core = startCore({ dataDir, resourcesDir, noResume: true, passphrase });
  const { sqlite } = core;
  // Bulk-load settings, for the build only: the measured opens use the app's own pragmas.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('temp_store = MEMORY');

  const rng = new Rng(SEED);
  const companies = generateCompanies(rng, Math.max(10, Math.round(customerCount / 40)));
  const tags = tagNames();
  const base = Date.UTC(2021, 0, 1);
  sqlite.transaction(() => {
    const insCompany = sqlite.prepare('INSERT INTO companies (id, name, created_at) VALUES (?, ?, ?)');
    for (const c of companies) insCompany.run(c.id, c.name, base);
    const insTag = sqlite.prepare('INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)');
    tags.forEach((name, i) => insTag.run(i + 1, name, ['blue', 'green', 'red', 'orange', 'grape'][i % 5], base));
  })();

  const insCustomer = sqlite.prepare(`INSERT INTO customers (id, name, company_id, email, email_norm, phone, phone_norm, city, country,
      language, consent_email, consent_sms, consent_wechat, source, total_spent_cents, order_count, first_order_at, last_order_at, created_at, sort_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, ?, ?)`);
  const insCustomerTag = sqlite.prepare('INSERT INTO customer_tags (customer_id, tag_id) VALUES (?, ?)');
  const briefs: CustomerBrief[] = new Array(customerCount);
  const CHUNK_C = 10_000;
  for (let start = 1; start <= customerCount; start += CHUNK_C) {
    sqlite.transaction(() => {
      for (let id = start; id < Math.min(start + CHUNK_C, customerCount + 1); id++) {
        const c = generateCustomer(rng, id, companies, tags.length);
        const phoneNorm = c.phone ? (normalizePhone(c.phone) ?? c.phoneNorm) : null;
        insCustomer.run(
          c.id, c.name, c.companyId, c.email, c.emailNorm, c.phone, phoneNorm, c.city, c.country, c.language,
          c.consentEmail, c.consentSms, c.consentWechat, c.totalSpentCents, c.orderCount, c.firstOrderAt, c.lastOrderAt, c.createdAt, customerSortKey(c.name),
        );
        for (const t of c.tagIds) insCustomerTag.run(c.id, t);
        insertCustomerSearchRow(sqlite, { id: c.id, name: c.name, company: c.company, email: c.email, phone: c.phone, phoneNorm, city: c.city, country: c.country, tags: c.tags });
        briefs[id - 1] = customerBrief(c);
      }
    })();
  }
  log(`  customers: ${customerCount} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const insInteraction = sqlite.prepare(`INSERT INTO interactions (id, customer_id, channel, direction, language, subject, body, occurred_at, handled, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const CHUNK_I = 50_000;
  for (let start = 1; start <= interactionCount; start += CHUNK_I) {
    sqlite.transaction(() => {
      for (let id = start; id < Math.min(start + CHUNK_I, interactionCount + 1); id++) {
        const m = generateInteraction(rng, id, interactionCount, customerCount, briefs);
        insInteraction.run(m.id, m.customerId, m.channel, m.direction, m.language, m.subject, m.body, m.occurredAt, m.handled, m.occurredAt);
        insertInteractionSearchRow(sqlite, m.id, m.subject, m.body);
      }
    })();
    const done = Math.min(start + CHUNK_I - 1, interactionCount);
    if (done % 200_000 === 0 || done === interactionCount) log(`  interactions: ${done} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  const meta: BenchMeta = { version, customers: customerCount, interactions: interactionCount, buildS: round((performance.now() - t0) / 1000, 1) };
  sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('bench.list', ?)`).run(JSON.stringify(meta));
  sqlite.pragma('journal_mode = WAL');
  await core.close();
  return meta;
}

/** The global-search queries the list bench times: [kind, queries] (English, email, phone, Chinese 1–3 characters, mixed, none). */
export function searchQueryMix(sqlite: Database.Database): [string, string[]][] {
  const fixed: [string, string[]][] = [
    ['english', ['emily', 'car', 'carter', 'oscar', 'refund', 'delivery', 'invoice', 'damaged', 'courier', 'wholesale', 'smith', 'garcia', 'olivia', 'tracking', 'wallet', 'london', 'sydney', 'quality', 'voucher']],
    ['name', ['emily c', 'james sm', 'new york', 'carol', 'wang fang', 'Xiuying Zhang']],
    ['prefix2', ['li', 'ch', 'ca']],
    ['email', ['gmail', 'wang.f', '@qq', 'outlook.com', '163.com', 'li.na', 'zhang_', 'foxmail', 'yahoo', 'hotmail.com', 'qq.com']],
    ['phone', ['0013', '138', '13800', '159', '+86 139', '138-0013']],
    ['zh1', ['王', '李', '张', '刘', '陈', '芳', '海', '货']],
    ['zh2', ['王芳', '李娜', '张伟', '上海', '成都', '北京', '深圳', '发票', '退货', '物流', '快递', '质量', '退款', '客服', '色差', '耳机', '会员']],
    ['zh3', ['快递员', '王秀英', '有限公司', '增值税', '蓝牙耳机', '哈尔滨', '老客户', '陈思琪']],
    ['mixed', ['王 上海', 'emily london', '退货 订单', 'refund order', '张伟 138']],
    ['none', ['区块链', 'zebra', '19999999999']],
  ];
  // Phone fragments of real customers: last four digits, a middle run, the whole local number.
  const cn = sqlite.prepare(`SELECT phone_norm AS p FROM customers WHERE phone_norm LIKE '86%' ORDER BY id LIMIT 1 OFFSET ?`);
  const nCn = (sqlite.prepare(`SELECT count(*) AS n FROM customers WHERE phone_norm LIKE '86%'`).get() as { n: number }).n;
  const fromData: string[] = [];
  for (const off of [1234, 45_678, 88_888]) {
    const row = nCn ? (cn.get(off % nCn) as { p: string }) : null;
    if (!row) continue;
    fromData.push(row.p.slice(-4), row.p.slice(6, 10), row.p.slice(2));
  }
  fixed.push(['phone', fromData.slice(0, 7)]);
  const email = sqlite.prepare(`SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?`).get(777) as { email: string } | undefined;
  if (email) fixed.push(['email', [email.email]]);
  return fixed;
}
