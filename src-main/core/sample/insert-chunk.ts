// Writes generated sample data through the bulk mode of each record type's own module, so the
// sample shop's customers pass the same definition of a valid customer as the form and the
// import, and share their find-or-create of companies and tags. Runs inside the job step's
// transaction; SQLite assigns every id, so sample rows never collide with the user's own. Derived
// state (search rows, metrics) follows through the hooks at the end of each chunk (BulkScope).
import type Database from 'better-sqlite3';
import { CompanyFinder } from '../companies/find-or-create';
import { insertCustomerRow } from '../customers/rows';
import { requireContact } from '../customers/valid';
import { BulkScope } from '../derived/bulk-scope';
import { feedbackRows } from '../feedback/service';
import { interactionRows } from '../interactions/service';
import { noteRows } from '../notes/service';
import { orderRows } from '../orders/write';
import { TagFinder } from '../tags/find-or-create';
import { taskRows } from '../tasks/service';
import type { Product } from './catalog';
import { SAMPLE_TAGS, type GenCustomer } from './generate-chunk';
import { removeSampleData } from './remove-sample';

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
  // The same removal as "Remove sample data": its change is announced, so open lists refresh.
  removeSampleData(sqlite);
  const ins = sqlite.prepare(`INSERT INTO products (sku, name, category, price_cents, currency, source) VALUES (?, ?, ?, ?, 'CNY', 'sample')`);
  for (const p of catalog) ins.run(p.sku, p.name, p.category, p.priceCents);
}

export type ChunkWriter = (chunk: GenCustomer[]) => void;

/** Prepares the statements once per job run; the returned writer inserts one chunk. */
export function chunkWriter(sqlite: Database.Database, catalog: Product[]): ChunkWriter {
  const productIdsOf = sqlite.prepare(`SELECT sku, id FROM products WHERE source = 'sample'`);
  let productIds: number[] | null = null;

  return (chunk) => {
    // Prepared inside the step: the job runs each step in its own transaction.
    const scope = new BulkScope(sqlite);
    const companies = new CompanyFinder(sqlite);
    const tags = new TagFinder(sqlite);
    const orders = orderRows(sqlite);
    const interactions = interactionRows(sqlite);
    const feedback = feedbackRows(sqlite);
    const notes = noteRows(sqlite);
    const tasks = taskRows(sqlite);
    // Looked up inside the step: ids of this database's copy of the catalogue.
    if (!productIds) {
      const bySku = new Map((productIdsOf.all() as { sku: string; id: number }[]).map((r) => [r.sku, r.id]));
      productIds = catalog.map((p) => {
        const id = bySku.get(p.sku);
        if (id === undefined) throw new Error(`Sample product ${p.sku} is missing`);
        return id;
      });
    }
    const ids = productIds;
    const messages: { customerId: number; g: GenCustomer['interactions'][number] }[] = [];

    for (const g of chunk) {
      const contact = requireContact(g);
      const id = insertCustomerRow(
        sqlite,
        {
          ...contact,
          companyId: companies.id(g.company?.name, g.company?.website ?? null),
          city: g.city,
          country: g.country,
          language: g.language,
          consentEmail: g.consentEmail,
          consentSms: g.consentSms,
          consentWechat: g.consentWechat,
        },
        'sample',
        g.createdAt,
      );
      for (const t of g.tags) tags.tag(id, t, SAMPLE_TAGS[t]);
      for (const o of g.orders) {
        const orderId = orders.insert(id, { orderNo: o.orderNo, orderedAt: o.at, status: o.status, channel: o.channel, currency: 'CNY', totalCents: o.totalCents }, o.at);
        if (orderId === null) throw new Error(`Sample order ${o.orderNo} is already in the database`);
        for (const l of o.lines) orders.item(orderId, ids[l.product], catalog[l.product].name, l.quantity, l.unitPriceCents);
      }
      for (const m of g.interactions) messages.push({ customerId: id, g: m });
      for (const f of g.feedback) {
        feedback.add(id, { kind: f.kind, productId: f.product === null ? null : ids[f.product], rating: f.rating, nps: f.nps, body: f.body, language: f.language, occurredAt: f.at });
      }
      for (const n of g.notes) notes.add(id, n.body, n.at);
      for (const t of g.tasks) tasks.add(id, { title: t.title, dueAt: t.dueAt, doneAt: t.doneAt, createdAt: t.at });
    }
    orders.flush();
    // Messages in time order, so within a chunk newer messages get higher ids like real ones.
    messages.sort((a, b) => a.g.at - b.g.at);
    // A reply comes after the message it answers, so that message's id is known by then.
    const idOf = new Map<GenCustomer['interactions'][number], number>();
    for (const { customerId, g: m } of messages) {
      const replyToId = m.replyTo ? (idOf.get(m.replyTo) ?? null) : null;
      const id = interactions.add(customerId, {
        channel: m.channel,
        direction: m.direction,
        language: m.language,
        subject: m.subject,
        body: m.body,
        occurredAt: m.at,
        handled: m.handled,
        handledAt: m.handledAt,
        replyToId,
      });
      if (m.direction === 'inbound') idOf.set(m, id);
    }
    scope.finish();
  };
}
