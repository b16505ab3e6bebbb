// `npm run bench -- model [--model PATH] [--tokens N] [--runs N] [--parallel N] [--threads N] [--no-sweep]`
//
// With the generated tiny GGUF (or a real model given with --model): load time, generation speed
// of one sequence through Patron's layer (model host process, IPC, streaming) and through raw
// node-llama-cpp in this process, in the same run and alternating so machine noise hits both
// alike (ratio = app / raw, target >= 0.95), then the throughput of N parallel sequences against
// the same prompts one at a time (parallel_speedup), and raw speed per thread count (the
// evidence behind llm/threads.ts). tokens/s is measured end to end on both sides: generated
// tokens over the wall time from the call to its result (for the app: from the core's call,
// through IPC to the model process and back), so every cost of Patron's layer is counted. Other
// load on the machine only ever slows a run down, so each side's best run is its speed (as
// timeit does); medians are printed beside them.
import { getLlama, LlamaChat, resolveChatWrapper, type ChatHistoryItem, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inspectModelFile } from '../../src-main/core/models/inspect';
import { LlmRuntime } from '../../src-main/core/llm/runtime';
import { chooseThreads, physicalCores } from '../../src-main/core/llm/threads';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { intFlag, log, parseArgs, type BenchResult } from './lib/report';
import { median, round } from './lib/stats';
import { printTable, type Cell } from './lib/table';

const SYSTEM = 'You are the assistant of a small tea shop. Be brief and friendly.';
const PROMPT = 'Write a short note to a customer whose jasmine tea gift box arrived late.';
const history = (prompt = PROMPT): ChatHistoryItem[] => [{ type: 'system', text: SYSTEM }, { type: 'user', text: prompt }, { type: 'model', response: [] }];

const perSec = (tokens: number, ms: number) => (tokens / Math.max(ms, 1e-3)) * 1000;

interface Raw {
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
  loadMs: number;
}

async function openRaw(path: string, threads: number, sequences: number, gpu: 'auto' | false): Promise<Raw> {
  const t0 = performance.now();
  const llama = await getLlama({ gpu, build: 'never', logger: () => undefined });
  const model = await llama.loadModel({ modelPath: path, gpuLayers: 'auto' });
  const context = await model.createContext({ sequences, contextSize: { min: 512, max: 4096 }, threads });
  const chat = new LlamaChat({ contextSequence: context.getSequence(), chatWrapper: resolveChatWrapper(model) ?? undefined });
  return { model, context, chat, loadMs: performance.now() - t0 };
}

async function rawRun(chat: LlamaChat, maxTokens: number): Promise<number> {
  const t0 = performance.now();
  let tokens = 0;
  await chat.generateResponse(history(), { maxTokens, temperature: 0, onToken: (t) => (tokens += t.length), onTextChunk: () => undefined });
  return perSec(tokens, performance.now() - t0);
}

async function threadSweep(raw: Raw, counts: number[], maxTokens: number): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const threads of counts) {
    const ctx = await raw.model.createContext({ sequences: 1, contextSize: { min: 512, max: 2048 }, threads });
    const chat = new LlamaChat({ contextSequence: ctx.getSequence(), chatWrapper: resolveChatWrapper(raw.model) ?? undefined });
    await rawRun(chat, 8);
    out[threads] = await rawRun(chat, maxTokens);
    chat.dispose();
    await ctx.dispose();
  }
  return out;
}

export async function run(args: string[]): Promise<BenchResult> {
  const { flags } = parseArgs(args);
  const path = typeof flags.get('model') === 'string' ? String(flags.get('model')) : tinyGgufPath();
  // Long runs, many of them: with the tiny model a 256-token run lasts about 100 ms, so a few ms of
  // scheduling noise on a loaded 2-core machine moved the ratio by 10% either way.
  const tokens = intFlag(flags, 'tokens', 1024);
  const runs = intFlag(flags, 'runs', 7);
  const parallel = intFlag(flags, 'parallel', 3);
  const threads = intFlag(flags, 'threads', chooseThreads());
  const gpu: 'auto' | false = flags.get('cpu') ? false : 'auto';
  const info = await inspectModelFile(path);
  log(`model ${basename(path)}: ${info.architecture}, ${(info.parameters / 1e6).toFixed(1)}M parameters, ${info.quantization}; threads ${threads}`);

  // One sequence more than the parallel work, as the app keeps one free for interactive use.
  const rt = new LlmRuntime({ threads, sequences: parallel + 1, gpu });
  const t0 = performance.now();
  const loaded = await rt.load(path);
  const appLoadMs = performance.now() - t0;
  const raw = await openRaw(path, threads, parallel + 1, gpu);
  log(`loaded: app ${appLoadMs.toFixed(0)} ms (host process start included), raw ${raw.loadMs.toFixed(0)} ms; gpu ${loaded.gpu || 'none'}, ${loaded.gpuLayers}/${loaded.totalLayers} layers`);

  const appRun = async () => {
    const start = performance.now();
    const r = await rt.generate({ system: SYSTEM, prompt: PROMPT, maxTokens: tokens, temperature: 0, stream: true }, { onChunk: () => undefined });
    return perSec(r.tokens, performance.now() - start);
  };
  // Warm-up both paths (first evaluation allocates buffers), then alternate.
  await appRun();
  await rawRun(raw.chat, tokens);
  const app: number[] = [];
  const rawTps: number[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(await appRun());
    rawTps.push(await rawRun(raw.chat, tokens));
  }
  const appTps = Math.max(...app);
  const rawBest = Math.max(...rawTps);
  log(`one sequence: app ${appTps.toFixed(1)} tokens/s, raw ${rawBest.toFixed(1)} tokens/s (best of ${runs})`);

  // The same prompts, one at a time and then `parallel` at once, through the app's batch path.
  const prompts = Array.from({ length: parallel * 2 }, (_, i) => `${PROMPT} (customer ${i})`);
  const batchTps = async (p: number) => {
    const start = performance.now();
    const r = await rt.batch({ system: SYSTEM, prompts, maxTokens: Math.min(tokens, 128), temperature: 0, parallel: p });
    return perSec(r.tokens, performance.now() - start);
  };
  await batchTps(parallel);
  const sequential = Math.max(await batchTps(1), await batchTps(1), await batchTps(1));
  const concurrent = Math.max(await batchTps(parallel), await batchTps(parallel), await batchTps(parallel));
  const speedup = concurrent / sequential;

  const cores = physicalCores();
  const sweep = flags.get('no-sweep') ? {} : await threadSweep(raw, [...new Set([1, Math.max(1, cores - 1), cores])], Math.min(tokens, 64));
  await rt.close();
  await raw.context.dispose();
  await raw.model.dispose();

  const rows: Cell[][] = [
    ['model', basename(path)],
    ['device', loaded.gpu ? `${loaded.gpu} ${loaded.devices.join(', ')}` : 'CPU'],
    ['layers on GPU', `${loaded.gpuLayers}/${loaded.totalLayers}`],
    ['threads (chosen)', threads],
    ['load ms (app, incl. process start)', round(appLoadMs, 0)],
    ['load ms (app host, model only)', round(loaded.loadMs, 0)],
    ['load ms (raw)', round(raw.loadMs, 0)],
    ['tokens/s app (best run)', round(appTps, 1)],
    ['tokens/s raw (best run)', round(rawBest, 1)],
    ['ratio app/raw', round(appTps / rawBest, 3)],
    ['tokens/s app / raw (medians)', `${round(median(app), 1)} / ${round(median(rawTps), 1)}`],
    [`batch tokens/s, 1 at a time`, round(sequential, 1)],
    [`batch tokens/s, ${parallel} in parallel`, round(concurrent, 1)],
    ['parallel speedup', round(speedup, 2)],
    ...Object.entries(sweep).map(([n, tps]): Cell[] => [`raw tokens/s, ${n} thread(s)`, round(tps, 1)]),
  ];
  printTable(['metric', 'value'], rows);
  return {
    model: basename(path),
    gpu: loaded.gpu || 'none',
    gpu_layers: loaded.gpuLayers,
    threads,
    load_ms: round(appLoadMs, 0),
    raw_load_ms: round(raw.loadMs, 0),
    app_tokens_per_s: round(appTps, 1),
    raw_tokens_per_s: round(rawBest, 1),
    ratio: round(appTps / rawBest, 3),
    ratio_of_medians: round(median(app) / median(rawTps), 3),
    parallel,
    sequential_tokens_per_s: round(sequential, 1),
    parallel_tokens_per_s: round(concurrent, 1),
    parallel_speedup: round(speedup, 2),
    ...Object.fromEntries(Object.entries(sweep).map(([n, tps]) => [`raw_tokens_per_s_threads_${n}`, round(tps, 1)])),
  };
}
