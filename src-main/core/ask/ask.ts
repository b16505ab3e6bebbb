// "Ask in words": requests to the model and its answers back as checked filters. askModel is the
// one call the app (router.ts, one request) and the eval (`npm run eval -- ask`, forty) make, so
// the eval measures what the app does. shopContext reads what the prompt may say of the shop:
// the analysis date, the currency, the commonest cities, the tags and the clusters' names
// (aggregates, no person's data).
import type Database from 'better-sqlite3';
import type { Filter } from '../../shared/filters';
import type { ErrorShape } from '../../shared/problems';
import { AppError } from '../errors';
import { toGrammarSchema } from '../llm/json-schema';
import type { LlmRuntime } from '../llm/runtime';
import { shopCurrency } from '../money/settings';
import { analysisAsOf } from '../segments/analysis-date';
import { askAnswerSchema, filterFromAnswer } from './ask-schema';
import { askPrompt, askSystemPrompt, type AskContext } from './ask-prompt';

/** Cities named in the prompt: the commonest, enough for a shop's main places. */
const PROMPT_CITIES = 40;
const PROMPT_TAGS = 60;
/** A filter of eight conditions in JSON is about 300 tokens: room for that, and no runaway. */
const ASK_MAX_TOKENS = 400;

/** The grammar, made once: the filter language does not change while the app runs. */
let grammar: object | null = null;
export const askGrammar = (): object => (grammar ??= toGrammarSchema(askAnswerSchema()));

export function shopContext(sqlite: Database.Database): AskContext {
  const cities = sqlite
    .prepare("SELECT city FROM customers WHERE city IS NOT NULL AND trim(city) <> '' GROUP BY city ORDER BY count(*) DESC, city LIMIT ?")
    .pluck()
    .all(PROMPT_CITIES) as string[];
  const tags = sqlite.prepare('SELECT t.name FROM tags t ORDER BY (SELECT count(*) FROM customer_tags ct WHERE ct.tag_id = t.id) DESC, t.name LIMIT ?').pluck().all(PROMPT_TAGS) as string[];
  const clusters = sqlite.prepare('SELECT idx, name FROM clusters WHERE run_id = (SELECT max(id) FROM segment_runs) ORDER BY idx').all() as { idx: number; name: string }[];
  return { date: analysisAsOf(sqlite).date, currency: shopCurrency(sqlite), cities, tags, clusters };
}

export type AskOutcome = { ok: true; filter: Filter; text: string } | { ok: false; error: ErrorShape; text: string | null };

/** Each request's filter (or why there is none), in order. */
export async function askModel(llm: LlmRuntime, texts: string[], ctx: AskContext, opts: { parallel?: number; signal?: AbortSignal } = {}) {
  const r = await llm.batch(
    { system: askSystemPrompt(ctx), prompts: texts.map(askPrompt), maxTokens: ASK_MAX_TOKENS, temperature: 0, jsonSchema: askGrammar(), parallel: opts.parallel ?? 1 },
    { signal: opts.signal },
  );
  const outcomes = texts.map((_, i): AskOutcome => {
    const item = r.items.find((x) => x.index === i);
    if (!item) return { ok: false, error: new AppError('cancelled', 'The model was stopped before it answered.').toShape(), text: null };
    try {
      return { ok: true, filter: filterFromAnswer(item.text), text: item.text };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape(), text: item.text };
      throw err;
    }
  });
  return { outcomes, aborted: r.aborted, stats: r };
}

/** One request, as the app asks it: the filter, or the error that says why there is none. */
export async function askOne(llm: LlmRuntime, text: string, ctx: AskContext, signal?: AbortSignal): Promise<Filter> {
  const { outcomes, aborted } = await askModel(llm, [text], ctx, { signal });
  if (aborted) throw new AppError('cancelled', 'The model was stopped before it answered.');
  const o = outcomes[0];
  if (o.ok) return o.filter;
  throw new AppError(o.error.code, o.error.message, o.error.field, o.error.params as never);
}
