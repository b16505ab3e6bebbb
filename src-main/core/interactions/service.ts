// Messages (interactions), one module for every path: single-record mode for the UI (log one,
// mark handled), recorded on the change bus; bulk mode (interactionRows) for the import and the
// sample shop. Search rows and "customer since" follow by their hooks, never from here.
import type Database from 'better-sqlite3';
import { CHANNELS, DIRECTIONS } from '../db/schema';
import { writtenLanguage } from '../customers/language';
import { assertCustomer } from '../customers/write';
import { writeOne } from '../derived/write-one';
import { AppError, notFound } from '../errors';

export interface InteractionInput {
  customerId: number;
  channel: (typeof CHANNELS)[number];
  direction: (typeof DIRECTIONS)[number];
  subject?: string | null;
  body: string;
  language?: string | null;
  occurredAt?: number;
  /** Inbound messages wait for a reply until handled; outbound ones are handled when logged. */
  handled?: boolean;
}

const INSERT = `INSERT INTO interactions (customer_id, channel, direction, language, subject, body, occurred_at, handled, handled_at, reply_to_id, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** `handledAt`: when an inbound message already handled was answered (bulk mode); unknown when not given. */
function insert(s: Database.Statement, customerId: number, m: Omit<InteractionInput, 'customerId'> & { handledAt?: number | null; replyToId?: number | null }, at: number): number {
  const handled = m.handled ?? m.direction === 'outbound';
  const handledAt = handled && m.direction === 'inbound' ? (m.handledAt ?? null) : null;
  return Number(s.run(customerId, m.channel, m.direction, m.language ?? null, m.subject ?? null, m.body, at, handled ? 1 : 0, handledAt, m.replyToId ?? null, at).lastInsertRowid);
}

/** Logs a message (either direction); it is searchable once the write commits. */
export function logInteraction(sqlite: Database.Database, input: InteractionInput): { id: number } {
  return writeOne(sqlite, 'interaction', 'create', () => {
    assertCustomer(sqlite, input.customerId);
    const id = insert(sqlite.prepare(INSERT), input.customerId, input, Math.round(input.occurredAt ?? Date.now()));
    return { value: { id }, ids: [id], customerIds: [input.customerId] };
  });
}

/**
 * Marks an inbound message handled (its response time ends now) or open again (the inbox's undo).
 * Marking it handled again keeps when it was first handled, so the response time is not stretched;
 * a message the shop sent has no response time, so it never gets one.
 */
export function setHandled(sqlite: Database.Database, id: number, handled: boolean, at = Date.now()): void {
  writeOne(sqlite, 'interaction', 'update', () => {
    const row = sqlite.prepare('SELECT customer_id AS customerId FROM interactions WHERE id = ?').get(id) as { customerId: number } | undefined;
    if (!row) throw notFound('Message', id);
    if (handled) {
      sqlite
        .prepare(`UPDATE interactions SET handled = 1, handled_at = CASE WHEN direction <> 'inbound' THEN NULL WHEN handled = 1 THEN handled_at ELSE ? END WHERE id = ?`)
        .run(Math.round(at), id);
    } else sqlite.prepare('UPDATE interactions SET handled = 0, handled_at = NULL WHERE id = ?').run(id);
    return { value: undefined, ids: [id], customerIds: [row.customerId] };
  });
}

/**
 * The shop's reply to an inbound message, sent or copied by the owner: logged as an outbound message
 * on the customer's timeline (on the message's channel unless given) and the message handled, in
 * one transaction. A phone call or a visit is answered in writing on the customer's usual channel.
 */
export function logReply(
  sqlite: Database.Database,
  input: { messageId: number; body: string; channel?: InteractionInput['channel']; language?: string | null },
  at = Date.now(),
): { id: number } {
  return writeOne(sqlite, 'interaction', 'create', () => {
    const m = sqlite.prepare('SELECT customer_id AS customerId, channel, direction, language, subject, body, handled FROM interactions WHERE id = ?').get(input.messageId) as
      | { customerId: number; channel: InteractionInput['channel']; direction: string; language: string | null; subject: string | null; body: string; handled: number }
      | undefined;
    if (!m) throw notFound('Message', input.messageId);
    if (m.direction !== 'inbound') throw new AppError('invalid_input', `Message ${input.messageId} was sent by the shop; only a customer's message can be answered.`, 'messageId');
    const spoken = m.channel === 'phone' || m.channel === 'in_person';
    const channel = input.channel ?? (spoken ? (writtenLanguage(m.language, m.subject, m.body) === 'zh' ? 'wechat' : 'email') : m.channel);
    const subject = channel === 'email' && m.subject ? (/^re:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`) : null;
    const when = Math.round(at);
    const id = insert(sqlite.prepare(INSERT), m.customerId, { channel, direction: 'outbound', language: input.language ?? m.language, subject, body: input.body, replyToId: input.messageId }, when);
    if (!m.handled) sqlite.prepare('UPDATE interactions SET handled = 1, handled_at = ? WHERE id = ?').run(when, input.messageId);
    // Only the new reply is named: the derived hooks index and analyse created rows (the inbox
    // refreshes on any message change).
    return { value: { id }, ids: [id], customerIds: [m.customerId] };
  });
}

/** Bulk mode: prepared once per run, inside the run's transaction. */
export function interactionRows(sqlite: Database.Database) {
  const s = {
    insert: sqlite.prepare(INSERT),
    exists: sqlite.prepare('SELECT 1 FROM interactions WHERE customer_id = ? AND occurred_at = ? AND body = ? LIMIT 1').pluck(),
  };
  return {
    add: (customerId: number, m: Omit<InteractionInput, 'customerId'> & { occurredAt: number; handledAt?: number | null; replyToId?: number | null }) => insert(s.insert, customerId, m, Math.round(m.occurredAt)),
    /** The same message (customer, time, text) is already stored: re-importing a file adds nothing. */
    exists: (customerId: number, occurredAt: number, body: string) => s.exists.get(customerId, occurredAt, body) !== undefined,
  };
}
