// Writes generated sample data with prepared statements. Runs inside the job step's
// transaction; SQLite assigns every id, so sample rows never collide with the user's own.
import type Database from 'better-sqlite3';
import { normalizeEmail } from '../customers/normalize';
import { insertCustomerSearchRow } from '../customers/search-index';
import { insertInteractionSearchRow } from '../interactions/search-index';
import { recomputeCustomerMetrics } from '../orders/metrics';
import type { Product } from './catalog';
import { SAMPLE_TAGS, type GenCustomer } from './generate-chunk';

export interface ChunkCounts {
  customers: number;
  orders: number;
  interactions: number;
  feedback: number;
  tasks: number;
}

export function countChunk(chunk: GenCustomer[]): ChunkCounts {
  const c: ChunkCounts = { customers: chunk.length, orders: 0, interactions: 0, feedback: 0, tasks: 0 };
  for (const g of chunk) {
    c.orders += g.orders.length;
    c.interactions += g.interactions.length;
    c.feedback += g.feedback.length;
    c.tasks += g.tasks.length;
  }
  return c;
}

/** Deletes a previous sample shop (loading twice replaces it) and writes the catalogue. */
export function insertCatalog(sqlite: Database.Database, catalog: Product[]): void {
  sqlite.prepare(`DELETE FROM customers WHERE source = 'sample'`).run();
  sqlite.prepare(`DELETE FROM products WHERE source = 'sample'`).run();
  const ins = sqlite.prepare(`INSERT INTO products (sku, name, category, price_cents, currency, source) VALUES (?, ?, ?, ?, 'CNY', 'sample')`);
  for (const p of catalog) ins.run(p.sku, p.name, p.category, p.priceCents);
}

export type ChunkWriter = (chunk: GenCustomer[]) => void;

/** Prepares the statements once per job run; the returned writer inserts one chunk. */
export function chunkWriter(sqlite: Database.Database, catalog: Product[]): ChunkWriter {
  const s = {
    company: sqlite.prepare(`INSERT INTO companies (name, website) VALUES (?, ?) ON CONFLICT(name) DO NOTHING`),
    companyId: sqlite.prepare(`SELECT id FROM companies WHERE name = ?`).pluck(),
    tag: sqlite.prepare(`INSERT INTO tags (name, color) VALUES (?, ?) ON CONFLICT(name) DO NOTHING`),
    tagId: sqlite.prepare(`SELECT id FROM tags WHERE name = ?`).pluck(),
    productIds: sqlite.prepare(`SELECT sku, id FROM products WHERE source = 'sample'`),
    customer: sqlite.prepare(`INSERT INTO customers (name, company_id, email, email_norm, phone, phone_norm, city, country, language,
        consent_email, consent_sms, consent_wechat, source, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sample', ?)`),
    customerTag: sqlite.prepare(`INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)`),
    order: sqlite.prepare(`INSERT INTO orders (customer_id, order_no, ordered_at, status, channel, total_cents, currency, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'CNY', ?)`),
    item: sqlite.prepare(`INSERT INTO order_items (order_id, product_id, product_name, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)`),
    interaction: sqlite.prepare(`INSERT INTO interactions (customer_id, channel, direction, language, subject, body, occurred_at, handled, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    feedback: sqlite.prepare(`INSERT INTO feedback (customer_id, kind, product_id, rating, nps, body, language, occurred_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    note: sqlite.prepare(`INSERT INTO notes (customer_id, body, created_at) VALUES (?, ?, ?)`),
    task: sqlite.prepare(`INSERT INTO tasks (customer_id, title, due_at, done_at, created_at) VALUES (?, ?, ?, ?, ?)`),
  };
  let productIds: number[] | null = null;

  return (chunk) => {
    // Looked up inside the step: ids of this database's copy of the catalogue.
    if (!productIds) {
      const bySku = new Map((s.productIds.all() as { sku: string; id: number }[]).map((r) => [r.sku, r.id]));
      productIds = catalog.map((p) => {
        const id = bySku.get(p.sku);
        if (id === undefined) throw new Error(`Sample product ${p.sku} is missing`);
        return id;
      });
    }
    const ids = productIds;
    const tagIds = new Map<string, number>();
    const tagId = (name: string) => {
      let id = tagIds.get(name);
      if (id === undefined) {
        s.tag.run(name, SAMPLE_TAGS[name] ?? 'blue');
        tagIds.set(name, (id = s.tagId.get(name) as number));
      }
      return id;
    };
    const customerIds: number[] = [];
    const messages: { customerId: number; g: GenCustomer['interactions'][number] }[] = [];

    for (const g of chunk) {
      let companyId: number | null = null;
      if (g.company) {
        s.company.run(g.company.name, g.company.website);
        companyId = s.companyId.get(g.company.name) as number;
      }
      const id = Number(
        s.customer.run(g.name, companyId, g.email, normalizeEmail(g.email), g.phone, g.phoneNorm, g.city, g.country, g.language,
          g.consentEmail ? 1 : 0, g.consentSms ? 1 : 0, g.consentWechat ? 1 : 0, Math.round(g.createdAt)).lastInsertRowid,
      );
      customerIds.push(id);
      for (const t of g.tags) s.customerTag.run(id, tagId(t));
      insertCustomerSearchRow(sqlite, {
        id, name: g.name, company: g.company?.name, email: g.email, phone: g.phone, phoneNorm: g.phoneNorm,
        city: g.city, country: g.country, tags: g.tags.join(' '),
      });
      for (const o of g.orders) {
        const orderId = s.order.run(id, o.orderNo, o.at, o.status, o.channel, o.totalCents, o.at).lastInsertRowid;
        for (const l of o.lines) s.item.run(orderId, ids[l.product], catalog[l.product].name, l.quantity, l.unitPriceCents);
      }
      for (const m of g.interactions) messages.push({ customerId: id, g: m });
      for (const f of g.feedback) {
        const at = Math.round(f.at);
        s.feedback.run(id, f.kind, f.product === null ? null : ids[f.product], f.rating, f.nps, f.body, f.language, at, at);
      }
      for (const n of g.notes) s.note.run(id, n.body, Math.round(n.at));
      for (const t of g.tasks) s.task.run(id, t.title, t.dueAt === null ? null : Math.round(t.dueAt), t.doneAt === null ? null : Math.round(t.doneAt), Math.round(t.at));
    }
    // Messages in time order, so within a chunk newer messages get higher ids like real ones.
    messages.sort((a, b) => a.g.at - b.g.at);
    for (const { customerId, g: m } of messages) {
      const at = Math.round(m.at);
      const mid = Number(s.interaction.run(customerId, m.channel, m.direction, m.language, m.subject, m.body, at, m.handled ? 1 : 0, at).lastInsertRowid);
      insertInteractionSearchRow(sqlite, mid, m.subject, m.body);
    }
    recomputeCustomerMetrics(sqlite, customerIds);
  };
}
