// `npm run bench -- draft [--model PATH] [--customers N] [--prompts N] [--runs N] [--fresh] [--cpu]`
//
// Reply drafting on the 100,000-customer bench database (lib/sample-db.ts, built once and cached):
//  1. Assembling the prompt (draftContext: the message, the customer's records, the shop's past
//     replies to similar messages through the search index, the shop facts) for the latest inbound
//     message of each of the N customers with the longest histories (most messages): p50/p99
//     (target p99 < 50 ms).
//  2. Time to first token through the app — the core's draftReply (prompt assembly included), the
//     model host process and its IPC, the drafting stream — against raw node-llama-cpp in this
//     process on the same prompt, model, context size, threads, chat wrapper and sampling, the runs
//     alternating so machine noise hits both alike. Each run answers another message, so neither
//     side finds the whole prompt already evaluated; both reuse the shared system prompt the same
//     way. Other load only ever slows a run down, so each side's best run is its time (as timeit
//     does); medians beside them. ratio = raw_ttft / app_ttft (target >= 0.9).
import { getLlama, GeneralChatWrapper, LlamaChat, resolveChatWrapper, type ChatHistoryItem } from 'node-llama-cpp';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../src-main/core/core';
import { draftContext, draftReply } from '../../src-main/core/drafting/draft-reply';
import { NO_THOUGHTS, withoutThinking } from '../../src-main/core/llm/thinking';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { openSampleDatabase } from './lib/sample-db';
import { median, round, summarize } from './lib/stats';
import { printTable, type Cell } from './lib/table';

const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');
/** The sampling draftReply uses (draft-reply.ts), so both sides draw the same way. */
const TEMPERATURE = 0.5;

/** The latest inbound message of each of the `n` customers with the most messages. */
function longestHistories(core: Core, n: number): { customerId: number; messages: number; messageId: number }[] {
  const top = core.sqlite
    .prepare(`SELECT customer_id AS customerId, count(*) AS messages FROM interactions GROUP BY customer_id ORDER BY messages DESC, customer_id LIMIT ?`)
    .all(n * 2) as { customerId: number; messages: number }[];
  const latest = core.sqlite.prepare(`SELECT id FROM interactions WHERE customer_id = ? AND direction = 'inbound' ORDER BY occurred_at DESC LIMIT 1`).pluck();
  return top
    .map((c) => ({ ...c, messageId: latest.get(c.customerId) as number | undefined }))
    .filter((c): c is { customerId: number; messages: number; messageId: number } => c.messageId !== undefined)
    .slice(0, n);
}

/** Milliseconds until draftReply's first token, the app's whole path; the run is stopped there. */
async function appTtft(core: Core, messageId: number): Promise<number> {
  const before = core.models.llm.getStatus().lastRun?.at ?? 0;
  const t0 = performance.now();
  let ms = Number.NaN;
  for await (const e of draftReply(core, { messageId, tone: 'warm' })) {
    if (e.type === 'token') {
      ms = performance.now() - t0;
      break;
    }
  }
  // Leaving the stream stops the model; wait until its sequence is free again, so the next run
  // takes the same sequence (and the same cached system prompt) as raw does.
  for (let i = 0; i < 200 && (core.models.llm.getStatus().lastRun?.at ?? 0) === before; i++) await new Promise((r) => setTimeout(r, 5));
  return ms;
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  if (flags.get('model') === true) throw new Error('--model needs a path to a .gguf file');
  const model = typeof flags.get('model') === 'string' ? String(flags.get('model')) : tinyGgufPath();
  const customers = intFlag(flags, 'customers', 100_000);
  const prompts = intFlag(flags, 'prompts', 200);
  const runs = intFlag(flags, 'runs', 7);
  const gpu: 'auto' | false = flags.get('cpu') ? false : 'auto';

  // The cached database, then a core on it that finds the model in the model's own folder.
  const built = await openSampleDatabase(customers, flags.get('fresh') === true);
  const dataDir = built.paths.dataDir;
  await built.close();
  const core = startCore({ dataDir, resourcesDir, noResume: true, models: { dir: dirname(model), gpu } });
  try {
    const t0 = performance.now();
    const picks = longestHistories(core, prompts);
    log(`${picks.length} customers with the longest histories (${picks[0]?.messages}–${picks.at(-1)?.messages} messages each), found in ${round(performance.now() - t0, 0)} ms`);

    // 1. Prompt assembly. The first call loads the Chinese segmenter and prepares statements: once per process.
    draftContext(core, { messageId: picks[0].messageId, tone: 'warm' });
    const times: number[] = [];
    let chars = 0;
    for (const p of picks) {
      const s = performance.now();
      const c = draftContext(core, { messageId: p.messageId, tone: 'warm' });
      times.push(performance.now() - s);
      chars = Math.max(chars, c.system.length + c.prompt.length);
    }
    const prompt = summarize(times);
    log(`prompt assembly: p50 ${round(prompt.p50, 2)} ms, p99 ${round(prompt.p99, 2)} ms (longest prompt ${chars} characters)`);

    // 2. Time to first token, app against raw, on the same prompts.
    const info = await core.models.activate(basename(model));
    const llama = await getLlama({ gpu, build: 'never', logger: () => undefined });
    const raw = await llama.loadModel({ modelPath: model, gpuLayers: 'auto' });
    const context = await raw.createContext({ sequences: info.sequences, contextSize: { min: 512, max: info.contextSize }, threads: info.threads });
    const wrapper = resolveChatWrapper(raw, withoutThinking(raw.fileInfo.metadata.tokenizer?.chat_template)) ?? new GeneralChatWrapper();
    const chat = new LlamaChat({ contextSequence: context.getSequence(), chatWrapper: wrapper });
    const rawTtft = async (messageId: number) => {
      const c = draftContext(core, { messageId, tone: 'warm' });
      const history: ChatHistoryItem[] = [{ type: 'system', text: c.system }, { type: 'user', text: c.prompt }, { type: 'model', response: [] }];
      const stop = new AbortController();
      let ms = Number.NaN;
      const s = performance.now();
      await chat.generateResponse(history, {
        maxTokens: 400,
        temperature: TEMPERATURE,
        budgets: NO_THOUGHTS,
        signal: stop.signal,
        stopOnAbortSignal: true,
        onTextChunk: () => {
          if (Number.isNaN(ms)) ms = performance.now() - s;
          stop.abort();
        },
      });
      return ms;
    };
    log(`model ${basename(model)}: ${info.gpu ? `${info.gpu}, ${info.gpuLayers}/${info.totalLayers} layers on the GPU` : 'CPU'}, ${info.threads} threads, context ${info.contextSize}`);
    // Warm-up both paths (the first evaluation allocates buffers), then alternate, a new message each run.
    await appTtft(core, picks[0].messageId);
    await rawTtft(picks[0].messageId);
    const app: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const id = picks[i % picks.length].messageId;
      if (i % 2) {
        app.push(await appTtft(core, id));
        rawTimes.push(await rawTtft(id));
      } else {
        rawTimes.push(await rawTtft(id));
        app.push(await appTtft(core, id));
      }
    }
    chat.dispose();
    await context.dispose();
    await raw.dispose();
    const appBest = Math.min(...app);
    const rawBest = Math.min(...rawTimes);

    const rows: Cell[][] = [
      ['customers in the database', customers],
      ['prompts assembled (longest histories)', picks.length],
      ['prompt assembly p50 ms', round(prompt.p50, 2)],
      ['prompt assembly p99 ms (target < 50)', round(prompt.p99, 2)],
      ['prompt assembly max ms', round(prompt.max, 2)],
      ['longest prompt (characters)', chars],
      ['model', basename(model)],
      ['device', info.gpu ? `${info.gpu} ${info.devices.join(', ')}` : 'CPU'],
      ['time to first token, app (best) ms', round(appBest, 1)],
      ['time to first token, raw (best) ms', round(rawBest, 1)],
      ['ratio raw/app (target >= 0.9)', round(rawBest / appBest, 3)],
      ['app / raw medians ms', `${round(median(app), 1)} / ${round(median(rawTimes), 1)}`],
    ];
    printTable(['metric', 'value'], rows);
    return {
      customers,
      prompts: picks.length,
      prompt_p50_ms: round(prompt.p50, 2),
      prompt_p99_ms: round(prompt.p99, 2),
      prompt_max_ms: round(prompt.max, 2),
      prompt_max_chars: chars,
      model: basename(model),
      gpu: info.gpu || 'none',
      runs,
      app_ttft_ms: round(appBest, 1),
      raw_ttft_ms: round(rawBest, 1),
      ttft_ratio: round(rawBest / appBest, 3),
      app_ttft_median_ms: round(median(app), 1),
      raw_ttft_median_ms: round(median(rawTimes), 1),
      ttft_ratio_of_medians: round(median(rawTimes) / median(app), 3),
    };
  } finally {
    await core.close();
  }
}
