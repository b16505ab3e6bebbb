// Reply drafting with a model, through the real contract with the tiny GGUF really loaded. The
// tiny model writes gibberish, so this asserts the plumbing, not the prose: the context comes
// first in 'model' mode, tokens stream and add up to the final text, the checks run on it, Stop
// (unsubscribing) stops the model, a stop through the signal still ends with the checks of what
// was written, and the prompt follows the loaded model's context so prompt and answer fit in it.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_CHECKS, type DraftEvent } from '../../src-main/shared/drafting';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/service';
import { draftReply } from '../../src-main/core/drafting/draft-reply';
import { answerTokens, DRAFT_MAX_TOKENS, promptBound } from '../../src-main/core/drafting/reply-prompt';
import { logInteraction } from '../../src-main/core/interactions/service';
import { addOrder } from '../../src-main/core/orders/write';
import { addTask } from '../../src-main/core/tasks/service';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { portClientFor } from '../transport/port-client';
import { openCore, tempCore, tempDir } from './temp-core';

type Client = ReturnType<typeof portClientFor>['api'];

describe('reply drafting with a model (tiny GGUF)', () => {
  const dir = tempDir();
  let core: Core;
  let api: Client;
  let close: () => void;
  let messageId: number;

  beforeAll(async () => {
    core = openCore(dir, { noResume: true });
    ({ api, close } = portClientFor(core));
    const { id } = createCustomer(core.sqlite, { name: '李娜', language: 'zh' });
    addOrder(core.sqlite, { customerId: id, orderNo: 'LN-1001', orderedAt: Date.now() - 86_400_000 * 5, lines: [{ name: '茉莉花茶 250g', quantity: 1, unitPriceCents: 6400 }] });
    messageId = logInteraction(core.sqlite, { customerId: id, channel: 'wechat', direction: 'inbound', body: '订单LN-1001的礼盒压坏了，怎么处理？', language: 'zh' }).id;
    const imported = await api.models.import.mutate({ path: tinyGgufPath() });
    await api.models.activate.mutate({ file: imported.file });
  }, 120_000);
  afterAll(async () => {
    close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams tokens through drafting.draft after the context, then the checks of the final text', async () => {
    const events = await new Promise<DraftEvent[]>((resolve, reject) => {
      const all: DraftEvent[] = [];
      api.drafting.draft.subscribe({ messageId, tone: 'warm' }, { onData: (e) => (all.push(e), e.type === 'checked' && resolve(all)), onError: reject });
    });
    expect(events[0]).toMatchObject({ type: 'context', mode: 'model', language: 'zh', tone: 'warm', sources: expect.arrayContaining([expect.objectContaining({ kind: 'order' })]) });
    expect(events[1]).toMatchObject({ type: 'started', model: expect.stringMatching(/\.gguf$/) });
    const tokens = events.filter((e) => e.type === 'token');
    const done = events.find((e) => e.type === 'done') as Extract<DraftEvent, { type: 'done' }>;
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.map((t) => t.text).join('')).toBe(done.text);
    expect(done).toMatchObject({ stopped: false, tokens: expect.any(Number) });
    expect(done.tokens).toBeLessThanOrEqual(DRAFT_MAX_TOKENS);
    const checked = events.at(-1) as Extract<DraftEvent, { type: 'checked' }>;
    expect(checked.checks.map((c) => c.check)).toEqual([...DRAFT_CHECKS]);
    // Gibberish in English words is not the Chinese asked for: the check says so.
    expect(checked.checks[0]).toMatchObject({ check: 'language', ok: false, params: { expected: 'zh' } });
    expect(checked.checks[3].params.length).toBe([...done.text.trim()].length);
  });

  it('Stop (unsubscribing) stops the model', async () => {
    // The same draft left to run: what the stopped one is measured against.
    const unstopped = await new Promise<Extract<DraftEvent, { type: 'done' }>>((resolve, reject) => {
      api.drafting.draft.subscribe({ messageId, tone: 'brief' }, { onData: (e) => e.type === 'done' && resolve(e), onError: reject });
    });
    expect(unstopped.tokens).toBeGreaterThan(20);
    const before = core.models.llm.getStatus().lastRun;
    expect(before?.tokens).toBe(unstopped.tokens);
    const seen: DraftEvent['type'][] = [];
    await new Promise<void>((resolve, reject) => {
      const sub = api.drafting.draft.subscribe({ messageId, tone: 'brief' }, {
        onData: (e) => {
          seen.push(e.type);
          if (e.type !== 'token') return;
          sub.unsubscribe();
          resolve();
        },
        onError: reject,
      });
    });
    expect(seen).toEqual(['context', 'started', 'token']);
    // The stopped run is a new one (not the unstopped run still showing), and it wrote fewer tokens.
    for (let i = 0; i < 100 && core.models.llm.getStatus().lastRun === before; i++) await new Promise((r) => setTimeout(r, 50));
    const stopped = core.models.llm.getStatus().lastRun!;
    expect(stopped).not.toBe(before);
    expect(stopped.tokens).toBeLessThan(unstopped.tokens);
  });

  it('a stop through the signal still ends with the checks of what was written', async () => {
    const stop = new AbortController();
    const events: DraftEvent[] = [];
    for await (const e of draftReply(core, { messageId, tone: 'formal', language: 'en' }, stop.signal)) {
      events.push(e);
      if (events.filter((x) => x.type === 'token').length === 3) stop.abort();
    }
    const done = events.find((e) => e.type === 'done') as Extract<DraftEvent, { type: 'done' }>;
    expect(done).toMatchObject({ stopped: true });
    expect(done.tokens).toBeLessThan(DRAFT_MAX_TOKENS);
    expect(events.at(-1)).toMatchObject({ type: 'checked', checks: expect.arrayContaining([{ check: 'length', ok: expect.any(Boolean), params: expect.objectContaining({ length: [...done.text.trim()].length }) }]) });
  });

  it("bounds the prompt by the loaded model's context: a smaller one gets a shorter prompt, and prompt and answer fit in it", async () => {
    const small = tempCore({ noResume: true, models: { contextSize: 1024 } });
    try {
      const { sqlite } = small.core;
      const { id } = createCustomer(sqlite, { name: '李娜', language: 'zh' });
      for (let i = 0; i < 5; i++) addOrder(sqlite, { customerId: id, orderNo: `LN-20${i}`, orderedAt: Date.now() - 86_400_000 * (30 - i), lines: [{ name: '茉莉花茶 250g', quantity: 1, unitPriceCents: 6400 }] });
      for (let i = 0; i < 3; i++) addTask(sqlite, { customerId: id, title: `给李娜回电话，说明补发礼盒的安排（第${i + 1}次）`, dueAt: Date.now() + i * 86_400_000 });
      const message = logInteraction(sqlite, { customerId: id, channel: 'wechat', direction: 'inbound', body: '订单LN-204的礼盒压坏了，怎么处理？', language: 'zh' }).id;
      // Chosen but not loaded yet: the first prompt is bounded for the largest context.
      await small.core.models.importFile(tinyGgufPath());
      expect(small.core.models.contextSize()).toBeNull();
      const events: DraftEvent[] = [];
      for await (const e of draftReply(small.core, { messageId: message, tone: 'warm' })) events.push(e);
      const contextSize = small.core.models.contextSize()!;
      expect(contextSize).toBeGreaterThanOrEqual(512);
      expect(contextSize).toBeLessThanOrEqual(1024);
      const contexts = events.filter((e): e is Extract<DraftEvent, { type: 'context' }> => e.type === 'context');
      expect(contexts.map((c) => c.mode)).toEqual(['model', 'model']);
      expect(contexts[0].promptChars).toBeGreaterThan(promptBound(contextSize));
      expect(contexts[1].promptChars).toBeLessThanOrEqual(promptBound(contextSize));
      expect(contexts[1]).toMatchObject({ truncated: true });
      const started = events.find((e) => e.type === 'started') as Extract<DraftEvent, { type: 'started' }>;
      expect(started.promptChars).toBe(contexts[1].promptChars);
      const done = events.find((e) => e.type === 'done') as Extract<DraftEvent, { type: 'done' }>;
      expect(done.tokens).toBeLessThanOrEqual(answerTokens(contextSize, contexts[1].promptChars));
      expect(contexts[1].promptChars + done.tokens).toBeLessThan(contextSize);
      expect(events.at(-1)).toMatchObject({ type: 'checked' });
    } finally {
      await small.cleanup();
    }
  }, 120_000);
});
