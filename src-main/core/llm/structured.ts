// Structured outputs: a zod schema and a prompt in, a validated object out. The model writes under
// a JSON-schema grammar (never free text parsed afterwards), and every object is checked with zod
// because a grammar allows syntax that is still wrong: numbers like 5e532 parse as Infinity, and a
// generation cut off by maxTokens is not JSON at all.
import type { z } from 'zod';
import { AppError } from '../errors';
import { toGrammarSchema } from './json-schema';
import type { GenerationStats } from './protocol';
import type { LlmRuntime } from './runtime';

/** Parses and validates one model answer; throws AppError('model_output_invalid') saying why. */
export function parseModelJson<T>(schema: z.ZodType<T>, text: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('model_output_invalid', `The model's answer is not complete JSON (it may have run out of tokens): ${text.slice(0, 120)}`, undefined, { detail: text.slice(0, 500) });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || 'answer';
    throw new AppError('model_output_invalid', `The model's answer does not fit what was asked (${where}: ${issue.message}).`, undefined, { detail: `${where}: ${issue.message}` });
  }
  return parsed.data;
}

export interface ObjectRequest {
  system?: string;
  prompt: string;
  maxTokens?: number;
  signal?: AbortSignal;
}

export async function generateObject<T>(rt: LlmRuntime, schema: z.ZodType<T>, req: ObjectRequest): Promise<{ value: T; text: string; stats: GenerationStats }> {
  const r = await rt.generate(
    { system: req.system, prompt: req.prompt, maxTokens: req.maxTokens ?? 512, temperature: 0, jsonSchema: toGrammarSchema(schema), stream: false },
    { signal: req.signal },
  );
  if (r.aborted) throw new AppError('cancelled', 'The model was stopped before it finished.');
  return { value: parseModelJson(schema, r.text), text: r.text, stats: r };
}

export type ItemOutcome<T> = { index: number; ok: true; value: T } | { index: number; ok: false; error: string };

/** Many prompts under one schema and one shared system prompt, over parallel sequences; each item is validated on its own. */
export async function generateObjects<T>(
  rt: LlmRuntime,
  schema: z.ZodType<T>,
  req: { system: string; prompts: string[]; maxTokens?: number; parallel?: number; signal?: AbortSignal },
) {
  const r = await rt.batch(
    { system: req.system, prompts: req.prompts, maxTokens: req.maxTokens ?? 256, temperature: 0, jsonSchema: toGrammarSchema(schema), parallel: req.parallel ?? 4 },
    { signal: req.signal },
  );
  const items: ItemOutcome<T>[] = r.items.map((item) => {
    try {
      return { index: item.index, ok: true, value: parseModelJson(schema, item.text) };
    } catch (err) {
      return { index: item.index, ok: false, error: (err as Error).message };
    }
  });
  return { items, aborted: r.aborted, stats: r };
}
