// Model files and the pieces around them that need no running model: the GGUF header check,
// the catalog and its sources, the thread choice and the structured-output
// schema and validation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATALOG } from '../../src-main/core/models/catalog';
import { inspectModelFile } from '../../src-main/core/models/inspect';
import { resolveDownload } from '../../src-main/core/models/sources';
import { toGrammarSchema } from '../../src-main/core/llm/json-schema';
import { parseModelJson } from '../../src-main/core/llm/structured';
import { chooseThreads } from '../../src-main/core/llm/threads';
import { buildTinyGguf, tinyGgufPath } from '../fixtures/tiny-gguf';

const dir = mkdtempSync(join(tmpdir(), 'patron-model-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('GGUF header check', () => {
  it('describes the tiny model from its header', async () => {
    const info = await inspectModelFile(tinyGgufPath());
    expect(info).toMatchObject({ architecture: 'llama', name: 'Patron tiny test model', quantization: 'F32', layers: 2, contextLength: 4096, hasChatTemplate: true });
    expect(info.vocabularySize).toBeGreaterThan(256 + 5);
    expect(info.parameters).toBeGreaterThan(100_000);
  });

  it('refuses a truncated file, naming it and saying it was cut off', async () => {
    const whole = readFileSync(tinyGgufPath());
    const cutWeights = write('cut-weights.gguf', whole.subarray(0, whole.length - 1000));
    await expect(inspectModelFile(cutWeights)).rejects.toMatchObject({ code: 'model_invalid', message: expect.stringMatching(/"cut-weights\.gguf" is incomplete: .*cut off/) });
    const cutHeader = write('cut-header.gguf', whole.subarray(0, 5000));
    await expect(inspectModelFile(cutHeader)).rejects.toMatchObject({ code: 'model_invalid', message: expect.stringMatching(/"cut-header\.gguf" is incomplete.*inside its header/) });
  });

  it('refuses a llama file missing keys that would abort llama.cpp, naming the keys', async () => {
    const noHeads = write('no-heads.gguf', buildTinyGguf({ omitKeys: ['llama.attention.head_count'] }));
    await expect(inspectModelFile(noHeads)).rejects.toMatchObject({ code: 'model_invalid', message: expect.stringMatching(/"no-heads\.gguf" lacks required settings .*llama\.attention\.head_count/) });
    const noFfn = write('no-ffn.gguf', buildTinyGguf({ omitKeys: ['llama.feed_forward_length'] }));
    await expect(inspectModelFile(noFfn)).rejects.toThrow(/llama\.feed_forward_length/);
  });

  it('gives every refusal a code, the file and the reason as params, for the UI to word', async () => {
    const whole = readFileSync(tinyGgufPath());
    const cases: [string, Buffer, object][] = [
      ['text.gguf', Buffer.from('hello, this is text'), { reason: 'not_gguf' }],
      ['cut.gguf', whole.subarray(0, whole.length - 1000), { reason: 'truncated' }],
      ['cut-header.gguf', whole.subarray(0, 5000), { reason: 'truncated' }],
      ['no-heads.gguf', buildTinyGguf({ omitKeys: ['llama.attention.head_count'] }), { reason: 'missing_keys', arch: 'llama', keys: ['llama.attention.head_count'] }],
      ['no-tok.gguf', buildTinyGguf({ omitKeys: ['tokenizer.ggml.tokens'] }), { reason: 'no_tokenizer' }],
      ['no-arch.gguf', buildTinyGguf({ omitKeys: ['general.architecture'] }), { reason: 'no_architecture' }],
      ['alien.gguf', buildTinyGguf({ architecture: 'patronnet' }), { reason: 'unsupported_architecture', arch: 'patronnet' }],
    ];
    const v1 = Buffer.from(whole);
    v1.writeUInt32LE(1, 4);
    cases.push(['v1.gguf', v1, { reason: 'unsupported_version', version: 1 }]);
    for (const [name, data, params] of cases) {
      await expect(inspectModelFile(write(name, data)), name).rejects.toMatchObject({ code: 'model_invalid', params: { file: name, ...params } });
    }
    // Checked under another name (a partial download or copy): the refusal names the model.
    await expect(inspectModelFile(write('x.gguf.part', Buffer.from('nope')), 'x.gguf')).rejects.toMatchObject({ params: { file: 'x.gguf' }, message: expect.not.stringContaining('.part') });
  });

  it('refuses a corrupt header whose counts cannot fit in the file at once, instead of reading zeros for hours', async () => {
    // node-llama-cpp's reader reads zeros past the end of a file, so a damaged count alone would
    // keep it busy until the time limit; the counts are checked against the size first.
    const corrupt = Buffer.from(readFileSync(tinyGgufPath()));
    corrupt.writeBigUInt64LE(1n << 40n, 8);
    const started = Date.now();
    await expect(inspectModelFile(write('corrupt.gguf', corrupt))).rejects.toMatchObject({ code: 'model_invalid', params: { file: 'corrupt.gguf', reason: 'truncated' } });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses files that are not GGUF, have no tokenizer, or do not exist', async () => {
    await expect(inspectModelFile(write('notes.gguf', Buffer.from('hello, this is text')))).rejects.toThrow(/"notes\.gguf" is not a GGUF model file/);
    const noTok = write('no-tok.gguf', buildTinyGguf({ omitKeys: ['tokenizer.ggml.tokens'] }));
    await expect(inspectModelFile(noTok)).rejects.toThrow(/"no-tok\.gguf" has no tokenizer/);
    await expect(inspectModelFile(join(dir, 'absent.gguf'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('catalog', () => {
  it('lists several real instruct models from ~0.5B to ~8B with licence, languages and a source', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(5);
    const sizes = CATALOG.map((m) => m.parameters);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(0.6);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(7);
    for (const m of CATALOG) {
      // Q4_K_M, or the publisher's Q8_0 for the two smallest Qwen3 (the only quantization it ships).
      expect(m.quantization).toMatch(/^(Q4_K_M|Q8_0)$/);
      // A confirmed commit, or the main branch where no revision could be confirmed.
      expect(m.huggingface.revision).toMatch(/^([0-9a-f]{40}|main)$/);
      // A sha256 only where one was confirmed; null means the server-stated sha256 is checked.
      if (m.huggingface.sha256 !== null) expect(m.huggingface.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(m.licence.length).toBeGreaterThan(3);
    }
    expect(new Set(CATALOG.map((m) => m.id)).size).toBe(CATALOG.length);
  });

  it('rewrites the download URL for each source, and says when a source lacks a model', () => {
    const qwen = CATALOG.find((m) => m.id === 'qwen2.5-1.5b-instruct')!;
    expect(resolveDownload(qwen, 'huggingface')!.url).toBe(`https://huggingface.co/${qwen.huggingface.repo}/resolve/${qwen.huggingface.revision}/${qwen.huggingface.file}`);
    expect(resolveDownload(qwen, 'hf-mirror')!.url).toBe(`https://hf-mirror.com/${qwen.huggingface.repo}/resolve/${qwen.huggingface.revision}/${qwen.huggingface.file}`);
    expect(resolveDownload(qwen, 'hf-mirror')!.sha256).toBe(qwen.huggingface.sha256);
    const ms = resolveDownload(qwen, 'modelscope')!;
    expect(ms.url).toBe('https://modelscope.cn/models/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/master/qwen2.5-1.5b-instruct-q4_k_m.gguf');
    expect(ms.sha256).toBeNull();
    expect(resolveDownload(CATALOG.find((m) => m.id === 'llama-3.1-8b-instruct')!, 'modelscope')).toBeNull();
  });
});

describe('threads', () => {
  it('uses physical cores less one, at least one, and honours an override', () => {
    expect(chooseThreads(1, undefined)).toBe(1);
    expect(chooseThreads(2, undefined)).toBe(1);
    expect(chooseThreads(8, undefined)).toBe(7);
    expect(chooseThreads(64, undefined)).toBe(16);
    expect(chooseThreads(2, '2')).toBe(2);
    expect(chooseThreads(2, 'lots')).toBe(1);
  });
});

describe('structured output schema and validation', () => {
  const schema = z.object({
    label: z.enum(['positive', 'negative']),
    score: z.number().min(0).max(1),
    note: z.string().max(40).optional(),
    tags: z.array(z.string().max(10)).max(3),
  });

  it('turns zod into the grammar subset: enums alone, limits kept, unsupported constraints dropped', () => {
    expect(toGrammarSchema(schema)).toEqual({
      type: 'object',
      properties: {
        label: { enum: ['positive', 'negative'] },
        score: { type: 'number' },
        note: { type: 'string', maxLength: 40 },
        tags: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 10 } },
      },
      required: ['label', 'score', 'tags'],
      additionalProperties: false,
    });
  });

  it('rejects Infinity from a grammar-legal number, cut-off JSON and out-of-range values', () => {
    expect(parseModelJson(schema, '{"label":"positive","score":0.5,"tags":[]}')).toEqual({ label: 'positive', score: 0.5, tags: [] });
    expect(() => parseModelJson(schema, '{"label":"positive","score":5e532,"tags":[]}')).toThrow(/score/);
    expect(() => parseModelJson(schema, '{"label":"positive","sco')).toThrow(/not complete JSON/);
    expect(() => parseModelJson(schema, '{"label":"positive","score":3,"tags":[]}')).toThrow(expect.objectContaining({ code: 'model_output_invalid', params: { detail: expect.stringContaining('score') } }));
  });
});
