// `npm run eval -- ask --model PATH`: runs requests in words through the app's own call
// (core/ask/ask.ts askModel: its prompt, grammar and filter check) on a local GGUF through the
// core's LLM runtime, and scores each answer by exact match with the expected filter after
// normalising (core/ask/ask-schema.ts normalizeFilter: order of conditions and of `in` values
// ignored, numbers as numbers). An answer that is no valid filter counts as wrong and as invalid.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { askModel, type AskOutcome } from '../../../src-main/core/ask/ask';
import type { AskContext } from '../../../src-main/core/ask/ask-prompt';
import { normalizeFilter, sameFilter } from '../../../src-main/core/ask/ask-schema';
import { LlmRuntime } from '../../../src-main/core/llm/runtime';
import { checkFilter } from '../../../src-main/shared/filters';
import type { BenchResult } from '../../bench/lib/report';
import { formatTable } from '../../bench/lib/table';
import { ASK_CASES, EVAL_CONTEXT, type AskCase } from './ask-requests';

export interface AskScore {
  n: number;
  exactMatch: number;
  en: number | null;
  zh: number | null;
  invalid: number;
  rows: { case: AskCase; match: boolean; produced: string }[];
}

const rate = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : null);

/** Each case against what the model produced for it. */
export function scoreAsk(cases: AskCase[], outcomes: AskOutcome[]): AskScore {
  const rows = cases.map((k, i) => {
    const o = outcomes[i];
    const match = !!o?.ok && sameFilter(o.filter, k.expected);
    const produced = !o ? 'no answer' : o.ok ? JSON.stringify(normalizeFilter(o.filter)) : `${o.error.code}: ${o.error.message}`;
    return { case: k, match, produced };
  });
  return {
    n: cases.length,
    exactMatch: rate(rows.map((r) => r.match)) ?? 0,
    en: rate(rows.filter((r) => r.case.lang === 'en').map((r) => r.match)),
    zh: rate(rows.filter((r) => r.case.lang === 'zh').map((r) => r.match)),
    invalid: outcomes.filter((o) => !o.ok).length,
    rows,
  };
}

/** Requests from a JSON file: an array of {lang, text, expected}, or {context?, cases}. Every expected filter must be valid. */
export function readAskFile(path: string): { context: AskContext; cases: AskCase[] } {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const obj = (Array.isArray(raw) ? { cases: raw } : raw) as { context?: Partial<AskContext>; cases?: unknown };
  if (!Array.isArray(obj.cases) || !obj.cases.length) throw new Error(`${path}: expected an array of {lang, text, expected} (or {context, cases})`);
  const cases = obj.cases.map((x, i) => {
    const k = x as Partial<AskCase>;
    if ((k.lang !== 'en' && k.lang !== 'zh') || typeof k.text !== 'string' || !k.text.trim()) throw new Error(`${path}: case ${i + 1} needs lang "en" or "zh" and a text`);
    const problems = checkFilter(k.expected);
    if (problems.length) throw new Error(`${path}: case ${i + 1}'s expected filter is not valid (${problems[0].reason} at ${problems[0].path || 'filter'})`);
    return k as AskCase;
  });
  return { context: { ...EVAL_CONTEXT, ...obj.context }, cases };
}

const fix = (x: number | null) => (x === null ? 'NaN' : Number(x.toFixed(3)));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function evalAsk(opts: { model: string; file?: string; parallel: number; limit: number; gpu: 'auto' | false; log: (m: string) => void }): Promise<BenchResult> {
  const { context, cases: all } = opts.file ? readAskFile(opts.file) : { context: EVAL_CONTEXT, cases: ASK_CASES };
  // --limit N takes N requests spread over the set, so both languages are in a short run.
  const cases = opts.limit > 0 && opts.limit < all.length ? Array.from({ length: opts.limit }, (_, i) => all[Math.floor((i * all.length) / opts.limit)]) : all;
  const rt = new LlmRuntime({ sequences: opts.parallel + 1, gpu: opts.gpu });
  let outcomes: AskOutcome[];
  let secs: number;
  try {
    const info = await rt.load(opts.model);
    opts.log(`model ${basename(opts.model)}: ${info.gpu ? `${info.gpu}, ${info.gpuLayers}/${info.totalLayers} layers on the GPU` : 'CPU'}; ${cases.length} requests, ${opts.parallel} in parallel…`);
    const t0 = performance.now();
    const out = await askModel(rt, cases.map((k) => k.text), context, { parallel: opts.parallel });
    secs = (performance.now() - t0) / 1000;
    if (out.aborted) throw new Error('The model run was stopped.');
    outcomes = out.outcomes;
  } finally {
    await rt.close();
  }
  const score = scoreAsk(cases, outcomes);
  process.stdout.write(
    `${formatTable(
      ['#', 'lang', 'request', 'match', 'produced (when wrong)'],
      score.rows.map((r, i) => [i + 1, r.case.lang, clip(r.case.text, 48), r.match ? 'yes' : 'no', r.match ? '' : clip(r.produced, 160)]),
    )}\nmodel ${basename(opts.model)}, analysis date ${context.date}; exact match after normalising (condition order and in-list order ignored); an answer that is no valid filter counts as wrong\n`,
  );
  return {
    n: score.n,
    exact_match: fix(score.exactMatch),
    en: fix(score.en),
    zh: fix(score.zh),
    invalid: score.invalid,
    model: basename(opts.model),
    requests_per_s: Number((cases.length / Math.max(secs, 1e-9)).toFixed(2)),
  };
}
