// AI features end to end through the real contract (tRPC over a MessagePort, as in Electron) with
// the tiny GGUF really loaded: "no model" as a plain coded error, import and activate, the
// try-it stream and its Stop, "Summarise" with a bounded prompt, and bulk labelling as a job
// that can be cancelled, and resumed after the database is re-opened without redoing items.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationEvent } from '../../src-main/core/ai/stream';
import { MAX_PROMPT_CHARS } from '../../src-main/core/ai/summary-prompt';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/service';
import type { JobEvent } from '../../src-main/core/jobs/runner';
import { recomputeCustomerMetrics } from '../../src-main/core/orders/metrics';
import { portClientFor } from '../transport/port-client';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempDir } from './temp-core';

type Client = ReturnType<typeof portClientFor>['api'];

/** Runs a subscription to its end (or error); `stopAfter` unsubscribes after that many events. */
function collect(subscribe: (h: { onData(e: GenerationEvent): void; onError(e: unknown): void; onComplete(): void }) => { unsubscribe(): void }, stopAfter?: number) {
  return new Promise<{ events: GenerationEvent[]; error: unknown }>((resolve) => {
    const events: GenerationEvent[] = [];
    const sub = subscribe({
      onData(e) {
        events.push(e);
        if (e.type === 'done') resolve({ events, error: null });
        if (stopAfter && events.length >= stopAfter) {
          sub.unsubscribe();
          resolve({ events, error: null });
        }
      },
      onError: (error) => resolve({ events, error }),
      onComplete: () => resolve({ events, error: null }),
    });
  });
}

const labels = ['positive', 'negative', 'neutral'];
const reviews = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `r${i}`, text: i % 3 ? `Lovely oolong, order ${i} came fast.` : `订单${i}的茶叶礼盒破了，很失望。` }));

function seedCustomer(core: Core): number {
  const { id } = createCustomer(core.sqlite, { name: '李娜', city: '上海', language: 'zh' });
  const s = core.sqlite;
  const now = Date.now();
  for (let i = 0; i < 30; i++) {
    const order = s.prepare(`INSERT INTO orders (customer_id, order_no, ordered_at, total_cents) VALUES (?, ?, ?, ?)`).run(id, `T-${i}`, now - i * 20 * 86_400_000, 12_800);
    s.prepare(`INSERT INTO order_items (order_id, product_name, quantity, unit_price_cents) VALUES (?, ?, ?, ?)`).run(order.lastInsertRowid, i % 2 ? 'Jasmine tea gift box' : 'Tieguanyin oolong 250g', 2, 6400);
  }
  recomputeCustomerMetrics(s, [id]);
  // A long history: far more text than a prompt may carry.
  for (let i = 0; i < 200; i++) {
    s.prepare(`INSERT INTO interactions (customer_id, channel, direction, body, occurred_at) VALUES (?, 'wechat', ?, ?, ?)`).run(
      id, i % 2 ? 'outbound' : 'inbound', `${i === 0 ? 'LATEST: ' : ''}我上周买的礼盒包装破了，能不能换一个？`.repeat(20), now - i * 3_600_000,
    );
  }
  s.prepare(`INSERT INTO tasks (customer_id, title, due_at) VALUES (?, 'Send a replacement gift box', ?)`).run(id, now + 86_400_000);
  s.prepare(`INSERT INTO notes (customer_id, body) VALUES (?, 'Prefers WeChat; buys gifts before Mid-Autumn.')`).run(id);
  return id;
}

describe('AI features through the contract', () => {
  const dir = tempDir();
  let core: Core;
  let api: Client;
  let close: () => void;

  beforeAll(() => {
    core = openCore(dir, { noResume: true });
    ({ api, close } = portClientFor(core));
  });
  afterAll(async () => {
    close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no model installed, says so plainly with a code the UI can act on', async () => {
    const { error } = await collect((h) => api.ai.generate.subscribe({ prompt: 'Hi' }, h));
    expect(error).toMatchObject({ data: { app: { code: 'model_missing', message: expect.stringMatching(/No language model is installed/) } } });
    const { jobId } = await api.ai.classify.mutate({ instruction: 'Label it.', labels, items: reviews(2) });
    await core.jobs.idle();
    expect(core.jobs.get(jobId)).toMatchObject({ status: 'failed', error: { code: 'model_missing' } });
    expect(await api.models.status.query()).toMatchObject({ activeFile: null, runtime: { state: 'idle' } });
  });

  it('refuses bad input at the boundary, naming the field', async () => {
    await expect(api.ai.classify.mutate({ instruction: 'x', labels: ['a', 'a'], items: reviews(1) })).rejects.toMatchObject({ data: { app: { code: 'invalid_input', field: 'labels' } } });
    await expect(api.models.activate.mutate({ file: '../etc/passwd' })).rejects.toMatchObject({ data: { app: { code: 'invalid_input', field: 'file' } } });
  });

  it('imports a local .gguf after checking its header, makes it active and loads it', async () => {
    const imported = await api.models.import.mutate({ path: tinyGgufPath() });
    expect(imported).toMatchObject({ active: true, check: 'imported', info: { architecture: 'llama' } });
    const loaded = await api.models.activate.mutate({ file: imported.file });
    expect(loaded).toMatchObject({ chatWrapper: 'ChatML', sequences: 4 });
    const status = await api.models.status.query();
    expect(status).toMatchObject({ activeFile: imported.file, runtime: { state: 'ready', loaded: { gpu: expect.anything(), gpuLayers: expect.any(Number), vramTotal: expect.any(Number) } } });
    await expect(api.models.import.mutate({ path: tinyGgufPath() })).rejects.toMatchObject({ data: { app: { code: 'conflict' } } });
  });

  it('streams the try-it box token by token and reports tokens/s', async () => {
    const { events, error } = await collect((h) => api.ai.generate.subscribe({ prompt: 'Say hello to the shop.', maxTokens: 48, temperature: 0 }, h));
    expect(error).toBeNull();
    expect(events[0]).toMatchObject({ type: 'started', model: expect.stringMatching(/\.gguf$/) });
    const tokens = events.filter((e) => e.type === 'token');
    const done = events.at(-1) as Extract<GenerationEvent, { type: 'done' }>;
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.map((t) => t.text).join('')).toBe(done.text);
    expect(done).toMatchObject({ type: 'done', tokens: 48, stopped: false });
    expect(done.tokensPerSec).toBeGreaterThan(0);
  });

  it('Stop (unsubscribing) stops the model', async () => {
    const before = core.models.llm.getStatus().lastRun?.at ?? 0;
    const { events } = await collect((h) => api.ai.generate.subscribe({ prompt: 'Write forever.', maxTokens: 2048, temperature: 0 }, h), 2);
    expect(events.map((e) => e.type)).toEqual(['started', 'token']);
    // The run ends early, and the model is free for the next request.
    for (let i = 0; i < 100 && (core.models.llm.getStatus().lastRun?.at ?? 0) === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(core.models.llm.getStatus().lastRun!.tokens).toBeLessThan(2048);
  });

  it('summarises a customer from a bounded prompt in the UI language, streamed', async () => {
    const id = seedCustomer(core);
    const zh = await api.ai.summaryPrompt.query({ customerId: id, language: 'zh' });
    expect(zh.prompt.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(zh.truncated).toBe(true);
    expect(zh.system).toMatch(/用中文回答/);
    expect(zh.prompt).toMatch(/李娜/);
    expect(zh.prompt).toMatch(/Send a replacement gift box/);
    expect(zh.prompt).toMatch(/LATEST: 我上周买的礼盒/);
    // Only the newest messages, each clipped: 200 long messages do not make a longer prompt.
    expect(zh.prompt.match(/微信|wechat/g)!.length).toBe(6);
    expect(zh.prompt).toMatch(/最常买: (Jasmine tea gift box|Tieguanyin oolong 250g) ×30/);
    const en = await api.ai.summaryPrompt.query({ customerId: id, language: 'en' });
    expect(en.system).toMatch(/Write in English/);
    expect(en.prompt).toMatch(/Orders: 30;/);

    const { events, error } = await collect((h) => api.ai.summarizeCustomer.subscribe({ customerId: id, language: 'zh', maxTokens: 24 }, h));
    expect(error).toBeNull();
    expect(events.at(-1)).toMatchObject({ type: 'done', tokens: 24 });
    const missing = await collect((h) => api.ai.summarizeCustomer.subscribe({ customerId: 999_999 }, h));
    expect(missing.error).toMatchObject({ data: { app: { code: 'not_found' } } });
  });

  it('labels texts in bulk as a job with parallel sequences and reports throughput', async () => {
    const { jobId } = await api.ai.classify.mutate({ instruction: 'Label the sentiment of the review.', labels, items: reviews(12), parallel: 3, chunk: 6 });
    await core.jobs.idle();
    const job = core.jobs.get(jobId);
    expect(job).toMatchObject({ status: 'done', done: 12, total: 12 });
    const result = job.result as { results: { key: string; label: string | null }[]; itemsPerSec: number; tokensPerSec: number; passes: number[] };
    expect(result.results.map((r) => r.key)).toEqual(reviews(12).map((r) => r.key));
    expect(result.results.every((r) => labels.includes(r.label!))).toBe(true);
    expect(result.passes).toEqual([12]);
    expect(result.itemsPerSec).toBeGreaterThan(0);
    expect(result.tokensPerSec).toBeGreaterThan(0);
  });

  it('cancels a bulk job midway', async () => {
    const jobId = core.jobs.start('ai.classify', { instruction: 'Label it.', labels, items: reviews(60), parallel: 2, chunk: 2 });
    await new Promise<void>((resolve) => core.jobs.events.on('job', (e: JobEvent) => e.id === jobId && e.done >= 4 && resolve()));
    await core.jobs.cancel(jobId);
    await core.jobs.idle();
    expect(core.jobs.get(jobId)).toMatchObject({ status: 'cancelled' });
    expect(core.jobs.get(jobId).done).toBeLessThan(60);
  });
});

describe('a bulk AI job across a restart', () => {
  it('resumes after the database is re-opened, without relabelling finished items', async () => {
    const dir = tempDir();
    const first = openCore(dir, { noResume: true });
    await first.models.importFile(tinyGgufPath());
    const jobId = first.jobs.start('ai.classify', { instruction: 'Label it.', labels, items: reviews(40), parallel: 2, chunk: 4 });
    await new Promise<void>((resolve) => first.jobs.events.on('job', (e: JobEvent) => e.id === jobId && e.done >= 8 && resolve()));
    await first.close();

    const second = openCore(dir, { noResume: true });
    try {
      const interrupted = second.jobs.get(jobId);
      expect(interrupted.status).toBe('running');
      const committed = interrupted.done;
      expect(committed).toBeGreaterThanOrEqual(8);
      expect(committed).toBeLessThan(40);
      second.jobs.resumeInterrupted();
      await second.jobs.idle();
      const job = second.jobs.get(jobId);
      expect(job.status).toBe('done');
      const result = job.result as { results: { key: string }[]; passes: number[] };
      expect(result.passes).toEqual([committed, 40 - committed]);
      expect(result.results.map((r) => r.key)).toEqual(reviews(40).map((r) => r.key));
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
