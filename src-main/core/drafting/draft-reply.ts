// A reply to one inbound message: what it rests on first (the sources panel fills before the model
// has loaded), then the model's tokens, or without a model one filled template, then the checks on
// the final text — also after a stop through the signal, on what was written by then. The prompt is
// bounded for the loaded model's context: when the model that loads holds less than the prompt was
// first built for, it is built again and a second 'context' event says so; a model that turns out
// not to load (or whose context is too small for any answer) leaves the template, again saying so.
import type { DraftCheck, DraftEvent, DraftLanguage, DraftSource, Tone } from '../../shared/drafting';
import { streamGeneration } from '../ai/stream';
import type { Core } from '../core';
import { AppError } from '../errors';
import { checkDraft } from './checks';
import { customerRecords } from './customer-records';
import { getShopFacts, shopName, writtenFacts } from './facts';
import { inboundMessage, replyContext, replyExpectations, type ReplyContext } from './reply-context';
import { answerTokens, MIN_ANSWER_TOKENS, promptBound } from './reply-prompt';
import { fillTemplate, templateValues } from './templates';
import { orderInQuestion } from './order-in-question';

export interface DraftRequest {
  messageId: number;
  tone: Tone;
  /** The message's own language when not given. */
  language?: DraftLanguage;
}

/** A reply wants some variety between regenerations, but stays close to the records. */
const TEMPERATURE = 0.5;
/** Errors that mean "no usable model": the template answers instead. */
const NO_MODEL = new Set(['model_missing', 'model_invalid', 'model_load_failed']);

/** What the draft would rest on and the bounded prompt (for the model loaded now, if any), without running the model (sources panel, bench, tests). */
export function draftContext(core: Core, req: DraftRequest): { language: DraftLanguage; tone: Tone; system: string; prompt: string; sources: DraftSource[]; truncated: boolean } {
  const c = replyContext(core.sqlite, core.db, req, core.models.contextSize());
  return { language: c.language, tone: c.tone, system: c.system, prompt: c.prompt, sources: c.sources, truncated: c.truncated };
}

const contextEvent = (c: ReplyContext, mode: 'model' | 'template'): DraftEvent => ({
  type: 'context',
  language: c.language,
  tone: c.tone,
  sources: c.sources,
  promptChars: c.system.length + c.prompt.length,
  truncated: c.truncated,
  mode,
});

/** The no-model draft for a context: about the order the message is about, signed with the shop's name when the facts give it. */
export function templateReply(c: ReplyContext): string {
  const order = orderInQuestion(c.records, `${c.message.subject ?? ''} ${c.message.body}`);
  return fillTemplate(c.situation, c.language, c.tone, templateValues(c.records, c.language, c.tone, { shopName: shopName(c.facts), order }));
}

/** The tokens the model may answer with beside the context's prompt, in its context. */
const answerRoom = (c: ReplyContext) => answerTokens(c.contextSize, c.system.length + c.prompt.length);

/** Streams the draft: context, then tokens from the model (or one template without a model), then checks. */
export async function* draftReply(core: Core, req: DraftRequest, signal?: AbortSignal): AsyncGenerator<DraftEvent> {
  // Built before the model loads, so a missing message fails at once with not_found; bounded for
  // the model loaded now, or for the largest context when none is.
  let c = replyContext(core.sqlite, core.db, req, core.models.contextSize());
  // Whether a model is chosen is known without loading it; whether it loads is known by trying.
  let mode: 'model' | 'template' = core.models.store.activeFile() ? 'model' : 'template';
  yield contextEvent(c, mode);
  if (mode === 'model') {
    try {
      const { contextSize } = await core.models.ensureReady();
      const rebuilt = promptBound(contextSize) < promptBound(c.contextSize);
      c = rebuilt ? replyContext(core.sqlite, core.db, req, contextSize) : { ...c, contextSize };
      if (answerRoom(c) < MIN_ANSWER_TOKENS) mode = 'template';
      if (rebuilt || mode === 'template') yield contextEvent(c, mode);
    } catch (err) {
      if (!(err instanceof AppError && NO_MODEL.has(err.code))) throw err;
      mode = 'template';
      yield contextEvent(c, mode);
    }
  }
  let text = '';
  if (mode === 'model') {
    for await (const e of streamGeneration(core.models, { system: c.system, prompt: c.prompt, maxTokens: answerRoom(c), temperature: TEMPERATURE }, signal)) {
      if (e.type === 'token') text += e.text;
      else if (e.type === 'done') text = e.text;
      yield e;
    }
  } else {
    text = templateReply(c);
    yield { type: 'template', text };
  }
  yield { type: 'checked', checks: checkDraft(text, c.expect) };
}

/** Checks a draft as the owner edited it, against the message's customer records and the shop facts. */
export function checkReply(core: Core, req: { messageId: number; language: DraftLanguage; text: string }): DraftCheck[] {
  const message = inboundMessage(core.sqlite, req.messageId);
  const records = customerRecords(core.sqlite, message.customerId, message);
  return checkDraft(req.text, replyExpectations(message, records, writtenFacts(getShopFacts(core.db)), req.language));
}
