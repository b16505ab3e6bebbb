// Everything a reply to one inbound message rests on, read once: the message and its language,
// the customer's records, the shop facts, the shop's past replies to similar messages, the prompt
// built from them within what the loaded model's context holds, the situation the no-model
// template answers, and the texts the checks accept numbers and dates from (the same record lines
// the prompt shows: reply-prompt.ts recordTexts).
import type Database from 'better-sqlite3';
import type { DraftLanguage, FactTopic, Tone } from '../../shared/drafting';
import { writtenLanguage } from '../customers/language';
import type { Db } from '../db/open';
import { AppError, notFound } from '../errors';
import { SHOWN } from '../sentiment/store';
import { REPLY_LENGTH, type DraftExpectations } from './checks';
import { customerRecords, type CustomerRecords } from './customer-records';
import { getShopFacts, writtenFacts } from './facts';
import { findPastReplies } from './past-replies';
import { buildReplyPrompt, promptBound, recordTexts, type ReplyPrompt } from './reply-prompt';
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
  /** The written shop facts (the templates sign with the shop's name). */
  facts: { topic: FactTopic; text: string }[];
  /** What the checks hold the draft to. */
  expect: DraftExpectations;
  /** The loaded model's context in tokens the prompt was bounded for; null when none was loaded. */
  contextSize: number | null;
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

/** The shown sentiment label of a message (sentiment/store.ts SHOWN: the model's where there is one, else the analyzer's). */
function messageLabel(sqlite: Database.Database, id: number): string | null {
  const row = sqlite.prepare(`SELECT s.label FROM sentiments s WHERE s.interaction_id = ? AND ${SHOWN} LIMIT 1`).get(id) as { label: string } | undefined;
  return row?.label ?? null;
}

/**
 * The checks' expectations for a reply to `message` in `language`: numbers and dates may come from
 * the lines the prompt shows of the message, the records and the shop facts (never from the shop's
 * past replies to other customers).
 */
export function replyExpectations(
  message: InboundMessage,
  records: CustomerRecords,
  facts: { topic: FactTopic; text: string }[],
  language: DraftLanguage,
  address = records.name,
): DraftExpectations {
  return { language, customerName: records.name, allowed: recordTexts({ language, message, records, address, facts }), ...REPLY_LENGTH[language] };
}

/** `contextSize`: the loaded model's context in tokens, which bounds the prompt (null: the largest bound). */
export function replyContext(
  sqlite: Database.Database,
  db: Db,
  req: { messageId: number; tone: Tone; language?: DraftLanguage },
  contextSize: number | null = null,
): ReplyContext {
  const message = inboundMessage(sqlite, req.messageId);
  // The message's own language unless the owner chose another.
  const language = req.language ?? writtenLanguage(message.language, message.subject, message.body);
  const records = customerRecords(sqlite, message.customerId, message);
  const facts = writtenFacts(getShopFacts(db));
  const pastReplies = findPastReplies(sqlite, { id: message.id, text: `${message.subject ?? ''} ${message.body}` }, language);
  const address = addressName(records.name, req.tone);
  const prompt = buildReplyPrompt({ language, tone: req.tone, message, records, address, facts, pastReplies, maxChars: promptBound(contextSize) });
  return {
    ...prompt,
    language,
    tone: req.tone,
    message,
    records,
    situation: replySituation(messageLabel(sqlite, message.id)),
    facts,
    expect: replyExpectations(message, records, facts, language, address),
    contextSize,
  };
}
