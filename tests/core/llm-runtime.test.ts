// The model runtime with a real llama.cpp load of the generated tiny GGUF, in its own process:
// generation, streaming, JSON under a grammar, parallel sequences with a shared prefix, abort,
// and surviving the model process's death, including an abort inside llama.cpp itself.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InsufficientMemoryError } from 'node-llama-cpp';
import { loadFailure } from '../../src-main/core/llm/host-errors';
import { LlmRuntime } from '../../src-main/core/llm/runtime';
import { generateObject, generateObjects } from '../../src-main/core/llm/structured';
import { chooseThreads } from '../../src-main/core/llm/threads';
import { buildTinyGguf, tinyGgufPath } from '../fixtures/tiny-gguf';

const model = tinyGgufPath();
const dir = mkdtempSync(join(tmpdir(), 'patron-llm-'));
const rt = new LlmRuntime();

beforeAll(async () => {
  await rt.load(model);
});
afterAll(async () => {
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('model runtime', () => {
  it('loads the model once in its own process and reports how it runs', async () => {
    const info = await rt.load(model);
    expect(info).toMatchObject({ modelPath: model, chatWrapper: 'ChatML', sequences: 4, threads: chooseThreads(), totalLayers: expect.any(Number) });
    expect(info.gpuLayers).toBeLessThanOrEqual(info.totalLayers);
    if (info.gpu === false) expect(info.gpuLayers).toBe(0);
    expect(rt.getStatus()).toMatchObject({ state: 'ready', modelPath: model });
    expect(rt.hostPid).not.toBe(process.pid);
    // Loaded once and shared: asking again neither restarts nor reloads.
    const pid = rt.hostPid;
    await rt.load(model);
    expect(rt.hostPid).toBe(pid);
  });

  it('generates deterministically when greedy and streams the same text in chunks', async () => {
    const chunks: string[] = [];
    const a = await rt.generate({ prompt: 'Tell me about this customer.', maxTokens: 40, temperature: 0, stream: true }, { onChunk: (t) => chunks.push(t) });
    const b = await rt.generate({ prompt: 'Tell me about this customer.', maxTokens: 40, temperature: 0, stream: false });
    expect(a.text.trim().length).toBeGreaterThan(10);
    expect(a.text).toBe(b.text);
    expect(chunks.join('')).toBe(a.text);
    expect(a.tokens).toBe(40);
    expect(a.aborted).toBe(false);
    expect(rt.getStatus().lastRun).toMatchObject({ kind: 'generate', tokens: 40, tokensPerSec: expect.any(Number) });
    expect(rt.getStatus().lastRun!.tokensPerSec).toBeGreaterThan(0);
  });

  it('takes Chinese input through the byte-level vocabulary', async () => {
    const r = await rt.generate({ system: '你是店主的助手。', prompt: '请总结这位客户：她经常买茶叶礼盒，上周要求退货。', maxTokens: 12, temperature: 0, stream: false });
    expect(r.promptTokens).toBeGreaterThan(20);
    expect(r.tokens).toBe(12);
  });

  it('produces schema-valid JSON under a grammar', async () => {
    const schema = z.object({ label: z.enum(['positive', 'negative', 'neutral']), aspects: z.array(z.enum(['price', 'quality', 'delivery'])).max(3), urgent: z.boolean() });
    const { value, text } = await generateObject(rt, schema, { system: 'Label the review.', prompt: 'The tea was lovely but it arrived late.', maxTokens: 120 });
    expect(() => JSON.parse(text)).not.toThrow();
    expect(schema.parse(value)).toEqual(value);
  });

  it('runs several sequences in parallel, each reusing the shared system prompt it already holds', async () => {
    const system = 'You label customer reviews for a tea shop as positive, negative or neutral. '.repeat(6);
    const prompts = Array.from({ length: 8 }, (_, i) => `Review ${i}: ${i % 2 ? 'great tea' : 'late delivery'}`);
    const schema = z.object({ label: z.enum(['positive', 'negative', 'neutral']) });
    const one = await rt.generate({ system, prompt: prompts[0], maxTokens: 1, temperature: 0, stream: false });
    const out = await generateObjects(rt, schema, { system, prompts, parallel: 3, maxTokens: 24 });
    expect(out.items.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(out.items.every((i) => i.ok)).toBe(true);
    // Evaluating every prompt from scratch would cost 8 full prompts; sharing the prefix costs far less.
    expect(out.stats.promptTokens).toBeLessThan(one.promptTokens * 8 * 0.6);
    expect(rt.getStatus().lastRun!.kind).toBe('batch');
  });

  it('stops a generation on abort and returns what it had', async () => {
    const controller = new AbortController();
    const r = await rt.generate({ prompt: 'Write a very long story.', maxTokens: 4000, temperature: 0, stream: true }, { signal: controller.signal, onChunk: () => controller.abort() });
    expect(r.aborted).toBe(true);
    expect(r.tokens).toBeLessThan(4000);
  });

  it('survives the model process being killed mid-generation and restarts it on the next load', async () => {
    const pending = rt.generate({ prompt: 'Keep going.', maxTokens: 100_000, temperature: 0, stream: true }, { onChunk: () => process.kill(rt.hostPid!, 'SIGKILL') });
    await expect(pending).rejects.toMatchObject({
      code: 'model_crashed',
      params: { file: expect.stringMatching(/\.gguf$/), during: 'run', detail: expect.stringContaining('SIGKILL') },
      message: expect.stringMatching(/stopped unexpectedly while running ".+\.gguf" \(signal SIGKILL\)/),
    });
    expect(rt.getStatus()).toMatchObject({ state: 'crashed', error: { code: 'model_crashed', params: { during: 'run' } } });
    await rt.load(model);
    const r = await rt.generate({ prompt: 'Hello again.', maxTokens: 5, temperature: 0, stream: false });
    expect(r.tokens).toBe(5);
  });

  it("survives llama.cpp aborting the process on a file the header check would refuse, and names the file", async () => {
    const noHeads = join(dir, 'no-heads.gguf');
    writeFileSync(noHeads, buildTinyGguf({ omitKeys: ['llama.attention.head_count'] }));
    await expect(rt.load(noHeads)).rejects.toMatchObject({
      code: 'model_crashed',
      params: { file: 'no-heads.gguf', during: 'load', detail: expect.stringContaining('GGML_ASSERT') },
      message: expect.stringMatching(/"no-heads\.gguf" stopped the model process .*GGML_ASSERT/),
    });
    expect(rt.getStatus()).toMatchObject({ state: 'failed', error: { code: 'model_crashed', params: { file: 'no-heads.gguf' } } });
  });

  it("reports llama.cpp's own reason when a load is refused, not just \"Failed to load model\"", async () => {
    const whole = readFileSync(model);
    const cut = join(dir, 'cut.gguf');
    writeFileSync(cut, whole.subarray(0, whole.length - 4096));
    await expect(rt.load(cut)).rejects.toMatchObject({
      code: 'model_load_failed',
      params: { file: 'cut.gguf', detail: expect.stringContaining('not within the file bounds') },
      message: expect.stringMatching(/"cut\.gguf" could not be loaded: .*not within the file bounds/),
    });
    await rt.load(model);
    expect(rt.getStatus().state).toBe('ready');
  });

  it('passes on llama.cpp\'s words for a file with a sound header that lacks a tensor', async () => {
    const noNorm = join(dir, 'no-norm.gguf');
    writeFileSync(noNorm, buildTinyGguf({ omitTensors: ['output_norm.weight'] }));
    await expect(rt.load(noNorm)).rejects.toMatchObject({ code: 'model_load_failed', params: { file: 'no-norm.gguf', detail: expect.stringContaining('output_norm.weight') } });
    expect(rt.getStatus()).toMatchObject({ state: 'failed', error: { code: 'model_load_failed', params: { file: 'no-norm.gguf' } } });
  });

  it('falls back to the CPU when loading on the GPU fails, and says why', async () => {
    process.env.PATRON_LLM_SIMULATE_GPU_FAILURE = '1';
    const fallback = new LlmRuntime({ gpu: 'auto' });
    try {
      const info = await fallback.load(model);
      expect(info).toMatchObject({ gpu: false, gpuLayers: 0, fallback: expect.stringContaining('simulated GPU failure: out of device memory') });
      expect((await fallback.generate({ prompt: 'Hi', maxTokens: 3, temperature: 0, stream: false })).tokens).toBe(3);
    } finally {
      delete process.env.PATRON_LLM_SIMULATE_GPU_FAILURE;
      await fallback.close();
    }
  });
});

describe('model host errors', () => {
  it('tells running out of memory from a refused file, and keeps llama.cpp\'s words as the detail', () => {
    const oom = loadFailure(new InsufficientMemoryError('A context size of 4096 is too large for the available VRAM'), '/m/big.gguf', []);
    expect(oom).toMatchObject({ code: 'model_out_of_memory', params: { file: 'big.gguf', detail: expect.stringContaining('too large') } });
    const logged = loadFailure(new Error('Failed to load model'), '/m/big.gguf', ['ggml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size 4294967296', 'llama_model_load: error loading model: failed to load model']);
    expect(logged).toMatchObject({ code: 'model_out_of_memory', params: { detail: expect.stringContaining('failed to allocate buffer') } });
    const refused = loadFailure(new Error('Failed to load model'), '/m/odd.gguf', ["llama_model_load: error loading model: missing tensor 'output_norm.weight'"], 'cuda');
    expect(refused).toEqual({
      code: 'model_load_failed',
      message: `The model file "odd.gguf" could not be loaded: llama_model_load: error loading model: missing tensor 'output_norm.weight'`,
      params: { file: 'odd.gguf', detail: "llama_model_load: error loading model: missing tensor 'output_norm.weight'" },
      gpu: 'cuda',
    });
  });
});
