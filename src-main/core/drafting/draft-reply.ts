// A reply to one inbound message: what it rests on first (the sources panel fills before the model
// has loaded), then the model's tokens, or without a model one filled template, then the checks on
// the final text — also after a stop through the signal, on what was written by then. A model that
// turns out not to load falls back to the template, saying so with a second 'context' event.
import type { DraftCheck, DraftEvent, DraftLanguage, DraftSource, Tone } from '../../shared/drafting';
import { streamGeneration } from '../ai/stream';
import type { Core } from '../core';
import { AppError } from '../errors';
import { checkDraft } from './checks';
import { customerRecords } from './customer-records';
import { getShopFacts, writtenFacts } from './facts';
import { inboundMessage, replyContext, replyExpectations, type ReplyContext } from './reply-context';
import { DRAFT_MAX_TOKENS } from './reply-prompt';
import { fillTemplate, templateValues } from './templates';

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

/** What the draft would rest on and the bounded prompt, without the model (sources panel, bench, tests). */
export function draftContext(core: Core, req: DraftRequest): { language: DraftLanguage; tone: Tone; system: string; prompt: string; sources: DraftSource[]; truncated: boolean } {
  const c = replyContext(core.sqlite, core.db, req);
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

/** The no-model draft for a context. */
export const templateReply = (c: ReplyContext) => fillTemplate(c.situation, c.language, c.tone, templateValues(c.records, c.language, c.tone));

/** Streams the draft: context, then tokens from the model (or one template without a model), then checks. */
export async function* draftReply(core: Core, req: DraftRequest, signal?: AbortSignal): AsyncGenerator<DraftEvent> {
  // Built before the model loads, so a missing message fails at once with not_found.
  const c = replyContext(core.sqlite, core.db, req);
  // Whether a model is chosen is known without loading it; whether it loads is known by trying.
  let mode: 'model' | 'template' = core.models.store.activeFile() ? 'model' : 'template';
  yield contextEvent(c, mode);
  let text = '';
  if (mode === 'model') {
    let started = false;
    try {
      for await (const e of streamGeneration(core.models, { system: c.system, prompt: c.prompt, maxTokens: DRAFT_MAX_TOKENS, temperature: TEMPERATURE }, signal)) {
        started = true;
        if (e.type === 'token') text += e.text;
        else if (e.type === 'done') text = e.text;
        yield e;
      }
    } catch (err) {
      if (started || !(err instanceof AppError && NO_MODEL.has(err.code))) throw err;
      mode = 'template';
      yield contextEvent(c, mode);
    }
  }
  if (mode === 'template') {
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
