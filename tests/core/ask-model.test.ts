// "Ask in words" with the tiny GGUF really loaded: no model as a coded error, a request answered
// with a filter that passes the filter check (the tiny model's words are random, its JSON is held
// by the grammar), and `npm run eval -- ask` end to end: the table, then the JSON line last.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { shopContext } from '../../src-main/core/ask/ask';
import { countFilter } from '../../src-main/core/lists/service';
import { checkFilter } from '../../src-main/shared/filters';
import { portClientFor } from '../transport/port-client';
import { tinyGgufPath } from '../fixtures/tiny-gguf';
import { openCore, tempDir } from './temp-core';

describe('ask.filter', () => {
  const dir = tempDir();
  let core: Core;
  let api: ReturnType<typeof portClientFor>['api'];
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

  it('with no model installed, refuses with the model problem code', async () => {
    await expect(api.ask.filter.mutate({ text: 'customers in Shanghai' })).rejects.toMatchObject({ data: { app: { code: 'model_missing' } } });
  });

  it('tells the model the shop’s cities and tags, commonest first, and its currency', () => {
    for (const [name, city] of [['A', '上海'], ['B', '上海'], ['C', 'London']]) createCustomer(core.sqlite, { name, city });
    core.sqlite.prepare("INSERT INTO tags (name) VALUES ('VIP')").run();
    const ctx = shopContext(core.sqlite);
    expect(ctx).toMatchObject({ cities: ['上海', 'London'], tags: ['VIP'], currency: 'CNY', clusters: [] });
    expect(ctx.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    core.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('analysisDate', '\"2026-06-30\"')").run();
    expect(shopContext(core.sqlite).date).toBe('2026-06-30');
  });

  it('turns a request into a filter that passes the filter check', async () => {
    await core.models.importFile(tinyGgufPath());
    for (const text of ['customers in Shanghai who spent over 1000 and have not bought in 90 days', '上海消费超过1000元且90天没下单的客户']) {
      const r = await api.ask.filter.mutate({ text, language: 'en' });
      expect(checkFilter(r.filter)).toEqual([]);
      expect(r.filter.conditions.length).toBeGreaterThan(0);
      expect(r.count).toBe(countFilter(core.sqlite, r.filter));
      expect(r.count).toBeGreaterThanOrEqual(0);
    }
  }, 120_000);
});

describe('npm run eval -- ask', () => {
  const dir = tempDir('patron-eval-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const evalCommand = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'tests', 'eval', 'run.ts'), 'ask', ...args], { encoding: 'utf8', env: { ...process.env, PATRON_LLM_GPU: 'cpu' } });
    const lines = r.stdout.trim().split('\n');
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: JSON.parse(lines[lines.length - 1] || '{}') as Record<string, unknown> };
  };

  it('runs the fixed requests through the app’s call on a real GGUF and prints the table and the JSON line', () => {
    const r = evalCommand(['--model', tinyGgufPath(), '--limit', '3', '--parallel', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/#\s+lang\s+request\s+match\s+produced \(when wrong\)/);
    expect(r.stdout).toContain('customers in Shanghai who spent over 1000');
    // --limit spreads its requests over the set: both languages are in a run of three.
    expect(r.json).toMatchObject({ eval: 'ask', n: 3 });
    expect(r.stdout).toMatch(/\bzh\b/);
    for (const k of ['exact_match', 'en', 'zh']) {
      expect(r.json[k]).toBeGreaterThanOrEqual(0);
      expect(r.json[k]).toBeLessThanOrEqual(1);
    }
    expect(r.json.invalid).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('takes requests from a file, scoring English and Chinese apart', () => {
    const file = join(dir, 'requests.json');
    writeFileSync(
      file,
      JSON.stringify([
        { lang: 'en', text: 'VIP customers', expected: { match: 'all', conditions: [{ field: 'tag', op: 'in', value: ['VIP'] }] } },
        { lang: 'zh', text: '北京的客户', expected: { match: 'all', conditions: [{ field: 'city', op: 'is', value: '北京' }] } },
      ]),
    );
    const r = evalCommand(['--model', tinyGgufPath(), '--file', file, '--parallel', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ eval: 'ask', n: 2 });
    expect(typeof r.json.en).toBe('number');
    expect(typeof r.json.zh).toBe('number');
  }, 120_000);

  it('refuses a file whose expected filter names an unknown field, and runs nothing without --model', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ lang: 'en', text: 'x', expected: { match: 'all', conditions: [{ field: 'shoe_size', op: 'gt', value: 1 }] } }]));
    const bad = evalCommand(['--model', tinyGgufPath(), '--file', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown_field');
    const none = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'tests', 'eval', 'run.ts'), 'ask'], { encoding: 'utf8' });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('needs a model: npm run eval -- ask --model');
  }, 60_000);
});
