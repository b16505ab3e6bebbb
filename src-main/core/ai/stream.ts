// Streamed generation as an async iterator, the shape a tRPC subscription yields: text chunks as
// they come, then one closing event with the speed. When the consumer stops (the person pressed
// Stop and the UI unsubscribed) the generation is aborted in the model process.
import { basename } from 'node:path';
import type { GenerateParams, GenerateResult } from '../llm/protocol';
import type { ModelServices } from '../models/service';

export type GenerationEvent =
  | { type: 'started'; model: string; promptChars: number }
  | { type: 'token'; text: string }
  | { type: 'done'; text: string; tokens: number; tokensPerSec: number; ms: number; stopped: boolean };

export async function* streamGeneration(models: ModelServices, params: Omit<GenerateParams, 'stream'>, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
  const info = await models.ensureReady();
  yield { type: 'started', model: basename(info.modelPath), promptChars: (params.system?.length ?? 0) + params.prompt.length };
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  let result: GenerateResult | null = null;
  let failure: unknown = null;
  models.llm
    .generate({ ...params, stream: true }, { signal: controller.signal, onChunk: (t) => (queue.push(t), wake?.()) })
    .then(
      (r) => (result = r),
      (e: unknown) => (failure = e),
    )
    .finally(() => wake?.());
  try {
    for (;;) {
      while (queue.length) yield { type: 'token', text: queue.shift()! };
      if (failure) throw failure;
      if (result) break;
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
    const r = result as GenerateResult;
    const genMs = Math.max(1, r.ms - r.firstTokenMs);
    yield { type: 'done', text: r.text, tokens: r.tokens, tokensPerSec: r.tokens > 1 ? ((r.tokens - 1) / genMs) * 1000 : 0, ms: r.ms, stopped: r.aborted };
  } finally {
    // Reached by a normal end, an error, or the consumer leaving early (return()).
    signal?.removeEventListener('abort', stop);
    controller.abort();
  }
}
