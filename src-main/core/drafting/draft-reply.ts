// CONTRACT STUB (replaced by the drafting helper): a reply to one inbound message, streamed, checked.
import type { DraftCheck, DraftEvent, DraftLanguage, DraftSource, Tone } from '../../shared/drafting';
import type { Core } from '../core';

export interface DraftRequest {
  messageId: number;
  tone: Tone;
  /** The message's own language when not given. */
  language?: DraftLanguage;
}

/** What the draft would rest on and the bounded prompt, without the model (sources panel, bench, tests). */
export function draftContext(core: Core, req: DraftRequest): { language: DraftLanguage; tone: Tone; system: string; prompt: string; sources: DraftSource[]; truncated: boolean } {
  void [core, req];
  throw new Error('drafting not built yet');
}

/** Streams the draft: context, then tokens from the model (or one template without a model), then checks. */
export async function* draftReply(core: Core, req: DraftRequest, signal?: AbortSignal): AsyncGenerator<DraftEvent> {
  void [core, req, signal];
  throw new Error('drafting not built yet');
}

/** Checks a draft as the owner edited it, against the message's customer records and the shop facts. */
export function checkReply(core: Core, req: { messageId: number; language: DraftLanguage; text: string }): DraftCheck[] {
  void [core, req];
  throw new Error('drafting not built yet');
}
