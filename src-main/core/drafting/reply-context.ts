// Everything a reply to one inbound message rests on, read once: the message and its language,
// the customer's records, the shop facts, the shop's past replies to similar messages, the bounded
// prompt built from them, the situation the no-model template answers, and the texts the checks
// accept numbers and dates from.
import type Database from 'better-sqlite3';
import type { DraftLanguage, Tone } from '../../shared/drafting';
import type { Db } from '../db/open';
import { AppError, notFound } from '../errors';
import { REPLY_LENGTH, type DraftExpectations } from './checks';
import { customerRecords, isoDay, recordTexts, type CustomerRecords } from './customer-records';
import { messageLanguage } from './draft-language';
import { getShopFacts, writtenFacts } from './facts';
import { findPastReplies } from './past-replies';
import { buildReplyPrompt, type ReplyPrompt } from './reply-prompt';
import { addressName, replySituation, type TemplateSituation } from './templates';

export interface InboundMessage {
  id: number;
  customerId: number;
  channel: string;
  language: string | null;
  subject: string | null;
  body: string;
  at: number;
}

export interface ReplyContext extends ReplyPrompt {
  language: DraftLanguage;
  tone: Tone;
  message: InboundMessage;
  records: CustomerRecords;
  situation: TemplateSituation;
  /** What the checks hold the draft to. */
  expect: DraftExpectations;
}

/** The inbound message a reply answers; a message the shop sent cannot be answered. */
export function inboundMessage(sqlite: Database.Database, id: number): InboundMessage {
  const m = sqlite
    .prepare(`SELECT id, customer_id AS customerId, direction, channel, language, subject, body, occurred_at AS at FROM interactions WHERE id = ?`)
    .get(id) as (InboundMessage & { direction: string }) | undefined;
  if (!m) throw notFound('Message', id);
  if (m.direction !== 'inbound') throw new AppError('invalid_input', `Message ${id} was sent by the shop; only a customer's message can be answered.`, 'messageId');
  return { id: m.id, customerId: m.customerId, channel: m.channel, language: m.language, subject: m.subject, body: m.body, at: m.at };
}

/** The shown sentiment label of a message: the model's where there is one, else the analyzer's. */
function messageLabel(sqlite: Database.Database, id: number): string | null {
  const row = sqlite.prepare(`SELECT label FROM sentiments WHERE interaction_id = ? ORDER BY source = 'model' DESC LIMIT 1`).get(id) as { label: string } | undefined;
  return row?.label ?? null;
}

/** The checks' expectations for a reply to `message` in `language`. */
export function replyExpectations(message: InboundMessage, records: CustomerRecords, facts: { text: string }[], language: DraftLanguage): DraftExpectations {
  return {
    language,
    customerName: records.name,
    allowed: [isoDay(message.at), message.subject ?? '', message.body, ...recordTexts(records), ...facts.map((f) => f.text)],
    ...REPLY_LENGTH[language],
  };
}

export function replyContext(sqlite: Database.Database, db: Db, req: { messageId: number; tone: Tone; language?: DraftLanguage }): ReplyContext {
  const message = inboundMessage(sqlite, req.messageId);
  const language = req.language ?? messageLanguage(message.language, `${message.subject ?? ''} ${message.body}`);
  const records = customerRecords(sqlite, message.customerId, message);
  const facts = writtenFacts(getShopFacts(db));
  const pastReplies = findPastReplies(sqlite, { id: message.id, text: `${message.subject ?? ''} ${message.body}` }, language);
  const address = addressName(records.name, req.tone);
  const prompt = buildReplyPrompt({ language, tone: req.tone, message, records, address, facts, pastReplies });
  return {
    ...prompt,
    language,
    tone: req.tone,
    message,
    records,
    situation: replySituation(messageLabel(sqlite, message.id)),
    expect: replyExpectations(message, records, facts, language),
  };
}
